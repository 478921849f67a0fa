import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';
import { claimsOf, onlyClaim } from './helpers.js';

// Phrasings that need more than a cue next to the number.
describe('phrasings', () => {
  it('a score on a named benchmark, without a metric word', () => {
    expect(onlyClaim('Our 3B model achieves 61.5% on MathBench.')).toMatchObject({ kind: 'quality_value', value: 61.5, unit: '%' });
  });

  it('work per unit of a resource is efficiency, not performance', () => {
    expect(onlyClaim('The chip achieves 3x higher performance per watt.')).toMatchObject({ kind: 'efficiency', value: 3, metric: 'performance per watt' });
    // near miss: performance counted per task is still a quality
    expect(onlyClaim('Our method improves performance by 3% per task.')).toMatchObject({ kind: 'quality_delta' });
  });

  it('"sooner" is faster', () => {
    expect(onlyClaim('It completes training 2.4 times sooner than the baseline.')).toMatchObject({ kind: 'speedup', value: 2.4, baseline: 'baseline' });
  });

  it('a shortened chain of reasoning is a resource saved', () => {
    expect(onlyClaim('Our decoder shortens reasoning traces by 45% at equal accuracy.')).toMatchObject({ kind: 'efficiency', metric: 'reasoning traces' });
    expect(onlyClaim('Our decoder cuts thinking tokens by 2x at equal accuracy.')).toMatchObject({ kind: 'efficiency', value: 2 });
  });

  it('a margin over a baseline, without a metric word', () => {
    expect(onlyClaim('The tagger outperforms the strongest baseline by 2.7%.')).toMatchObject({ kind: 'quality_delta', value: 2.7, unit: 'pp', baseline: 'strongest baseline' });
    expect(onlyClaim('It beats prior systems by a wide margin of 4 points.')).toMatchObject({ kind: 'quality_delta', value: 4 });
  });

  it('figures joined by "and" continue the same statement', () => {
    const c = claimsOf('The parser scores 88.4 on TreeBank and 84.9 on WebText.');
    expect(c.map((x) => [x.kind, x.value])).toEqual([['quality_value', 88.4], ['quality_value', 84.9]]);
  });

  it('a figure in apposition compares the measurement before it', () => {
    const c = claimsOf('It serves 41 tokens/s per user, 2.5x higher than the reference server.');
    expect(c[1]).toMatchObject({ kind: 'speedup', value: 2.5, baseline: 'reference server' });
  });

  it('"within N% of" a reference takes the metric of the sentence', () => {
    const c = claimsOf('It reaches an F1 of 88.0%, within 0.7% of a much larger model.');
    expect(c[1]).toMatchObject({ kind: 'quality_delta', value: -0.7, qualifier: 'upper_bound' });
  });

  it('ranges of points, and points written with a hyphen', () => {
    expect(onlyClaim('We see gains of 1.0-2.5 points in macro-F1.')).toMatchObject({ value: [1, 2.5], unit: 'pp' });
    expect(onlyClaim('This is a 3.2-point gain in accuracy.')).toMatchObject({ value: 3.2, unit: 'pp' });
  });

  it('a figure that is compared against is not a claim', () => {
    expect(onlyClaim('It needs 3.1 GB of memory, compared to 9.8 GB for the dense model.')).toMatchObject({ text: '3.1 GB' });
  });

  it('results of others introduced by "in contrast" are weighed down: at most a low-confidence claim, below the work\'s own', () => {
    const others = extractClaims('p', 'We propose X. In contrast, random selection loses 5.5% accuracy.');
    const ours = extractClaims('p', 'We propose X. With it, random selection loses only 5.5% accuracy.');
    expect(ours[0].confidence).toBeGreaterThan(0.7);
    for (const c of others) expect(c.confidence!).toBeLessThan(Math.min(0.7, ours[0].confidence! - 0.15));
  });

  it('memory that names the hardware is not a claim', () => {
    expect(claimsOf('On a single 24GB GPU it is 2x faster.').map((c) => c.text)).toEqual(['2x']);
  });

  it('a setup figure named before it is not a claim', () => {
    expect(claimsOf('Under a latency SLO of 150 ms, throughput improves by 1.8x.').map((c) => c.text)).toEqual(['1.8x']);
  });

  it('a figure compared against stays out even with a qualifier', () => {
    expect(claimsOf('It reaches 91.2% accuracy, compared with about 89.0% for the dense model.').map((c) => c.text)).toEqual(['91.2%']);
  });

  it('"N+%" is a lower bound', () => {
    expect(onlyClaim('The schedule raises throughput by 20+%.')).toMatchObject({ kind: 'speedup', value: 1.2, qualifier: 'lower_bound' });
  });

  it('looks a little further when the words next to the number are vague', () => {
    expect(onlyClaim('Batching gives a 15% performance improvement in the decoding throughput.')).toMatchObject({ kind: 'speedup', value: 1.15 });
  });

  it('a fraction of a peak is a measured share', () => {
    expect(onlyClaim('The kernel sustains a throughput of 61% of the hardware peak.')).toMatchObject({ kind: 'measurement', value: 61, unit: '%' });
  });

  it('"only N% of" a time is a factor', () => {
    expect(onlyClaim('The solver needs only 20% of the execution time of the exact method.')).toMatchObject({ kind: 'speedup', value: 5 });
  });

  it('the figure of what is outperformed is not a claim', () => {
    expect(claimsOf('It reaches 71.0% accuracy, which outperforms the distilled accuracy of 64.2% clearly.').map((c) => c.text)).toEqual(['71.0%']);
    expect(onlyClaim('Latency drops compared to the FP16 baseline by 31%.')).toMatchObject({ kind: 'speedup' });
  });

  it('degradation is a loss whatever the polarity of the metric', () => {
    expect(onlyClaim('With a perplexity degradation below 2%, memory use falls sharply.')).toMatchObject({ kind: 'quality_delta', value: -2, unit: '%' });
  });

  it('a metric named before its value stays a value despite comparatives elsewhere', () => {
    expect(claimsOf('On two much harder splits it keeps an exact match of 0.41 and 0.38, respectively.').map((c) => c.kind)).toEqual(['quality_value', 'quality_value']);
  });

  it('a comparative owns the noun after it, not the next figure', () => {
    const [a, b] = claimsOf('It matches the accuracy with 6x fewer GPUs and at 3x the throughput.');
    expect(a).toMatchObject({ kind: 'efficiency', value: 6 });
    expect(b).toMatchObject({ kind: 'speedup', value: 3 });
  });

  it('a vague word after a measurement compares that measurement', () => {
    const c = claimsOf('Step time falls from 90 ms to 30 ms, a 3x improvement.');
    expect(c.map((x) => [x.text, x.kind, x.value])).toEqual([['30 ms', 'measurement', 0.03], ['3x', 'speedup', 3]]);
  });

  it('one verb governs a list of changes', () => {
    const c = claimsOf('The scheduler cuts energy use by 40% and cooling cost by 20%.');
    expect(c.map((x) => [x.kind, x.value])).toEqual([['efficiency', expect.closeTo(1 / 0.6, 6)], ['efficiency', 1.25]]);
  });

  it('count words scale a measurement', () => {
    expect(onlyClaim('The engine serves 2.5 million tokens per second.')).toMatchObject({ value: 2.5e6, unit: 'tok/s' });
  });

  it('"a relative improvement of N%" is relative', () => {
    expect(onlyClaim('It reaches a relative improvement of 6% in F1.')).toMatchObject({ value: 6, unit: '%' });
  });

  it('"removes N% of" a resource is a reduction', () => {
    expect(onlyClaim('The method removes 80% of the parameters with no accuracy drop.')).toMatchObject({ kind: 'efficiency', value: 5 });
  });

  it('"N% of the time" says how often, not a share of time', () => {
    expect(claimsOf('Annotators chose our answers 64% of the time.')).toEqual([]);
  });

  it('the noun after a comparative must be of its measure', () => {
    expect(onlyClaim('It runs 5x faster at 32K tokens.').metric).toBe('speed');
  });

  it('a change in apposition to a quality figure is a change of that metric', () => {
    const c = claimsOf('It reaches a word error rate of 4.1%, a 12% relative reduction over the baseline.');
    expect(c[1]).toMatchObject({ kind: 'quality_delta', value: 12, unit: '%' });
  });

  it('a share in apposition to a measurement is a measured share', () => {
    const c = claimsOf('The kernel reaches 410 TFLOPS, 62% of the peak.');
    expect(c[1]).toMatchObject({ kind: 'measurement', value: 62, unit: '%' });
  });

  it('"at N% of the cost" is a factor', () => {
    expect(onlyClaim('It matches the teacher at 5% of the cost.')).toMatchObject({ kind: 'efficiency', value: 20 });
  });

  it('a success rate over tasks is a quality value', () => {
    expect(claimsOf('The agent solves 71% of the tasks, compared to 48% for the best baseline.')).toMatchObject([{ kind: 'quality_value', value: 71, unit: '%' }]);
  });

  it('a percentage before an efficiency rate is a measured level', () => {
    expect(onlyClaim('Training scales to 128 GPUs at 89% scaling efficiency.')).toMatchObject({ kind: 'measurement', value: 89, unit: '%' });
  });

  it('a named loss keeps its sign after "of"', () => {
    expect(onlyClaim('It comes with an accuracy drop of only 0.4%.')).toMatchObject({ kind: 'quality_delta', value: -0.4 });
  });

  it('counted FLOPs are a measurement', () => {
    expect(onlyClaim('The backbone needs only 310M FLOPs per image.')).toMatchObject({ kind: 'measurement', value: 3.1e8, unit: 'FLOPs' });
  });

  it('a score in a speech metric the table knows is a quality value, a drop in it a gain', () => {
    expect(onlyClaim('Our verifier reaches an EER of 2.1% on the held-out speakers.')).toMatchObject({ kind: 'quality_value', value: 2.1, metric: 'EER' });
    expect(onlyClaim('Our verifier lowers the equal error rate by 0.4 points.')).toMatchObject({ kind: 'quality_delta', value: 0.4, unit: 'pp' });
  });

  // extractor 2.10.0
  it('what is shortened is a duration, unless a resource is named', () => {
    const shortened = onlyClaim('Our schedule shortens end-to-end training by 17%.');
    expect(shortened.kind).toBe('speedup');
    expect(shortened.value).toBeCloseTo(1 / 0.83, 6);
    // near miss: shortened traces are tokens saved
    expect(onlyClaim('Our decoder shortens reasoning traces by 45% at equal accuracy.')).toMatchObject({ kind: 'efficiency' });
  });

  it('N-times longer sequences or contexts are more input on the same resources, not more time', () => {
    expect(onlyClaim('Our system supports 8x longer sequences than Ring Attention.')).toMatchObject({ kind: 'efficiency', value: 8 });
    expect(onlyClaim('Our method handles 16x longer contexts with the same memory.')).toMatchObject({ kind: 'efficiency', value: 16 });
  });

  it('a percent in parentheses called only an improvement restates the speedup before it', () => {
    const claims = claimsOf('Our adaptive method achieves a 2.04x speedup on the Alpaca dataset (7.2% improvement over the baseline).');
    expect(claims.map((c) => [c.kind, c.value])).toEqual([['speedup', 2.04], ['speedup', 1.072]]);
    // near misses: an improvement that names its metric, and one after a quality value
    expect(claimsOf('Our method achieves a 2.1x speedup (a 3.1% improvement in accuracy).').at(-1)).toMatchObject({ kind: 'quality_delta', unit: 'pp' });
    expect(claimsOf('Our method reaches 81.2% accuracy (a 3.1% improvement over the baseline).').at(-1)).toMatchObject({ kind: 'quality_delta', unit: 'pp' });
  });

  it('a factor called only an improvement improves the speed the clause named, when no quality metric came first', () => {
    expect(onlyClaim('Our compiler accelerates inference and shows a 3.1x improvement over TVM.')).toMatchObject({ kind: 'speedup', value: 3.1 });
    expect(onlyClaim('Our cache cuts memory traffic, and the method shows a 2.5x improvement on long prompts.')).toMatchObject({ kind: 'efficiency', value: 2.5 });
    // near miss: a quality metric named first keeps the factor a quality change
    expect(onlyClaim('With accuracy as the target, our method shows a 2x improvement.')).toMatchObject({ kind: 'quality_delta' });
  });

  it('a share of a quality recovered or retained is a bounded loss, however far its noun', () => {
    expect(onlyClaim("With only 3.1 bits we are able to recover 97% of the model's unquantized 16-bit MMLU performance.")).toMatchObject({ kind: 'quality_delta', value: -3, unit: 'pp', qualifier: 'upper_bound' });
    expect(onlyClaim("Our 2-bit model retains about 94% of the original model's average zero-shot performance.")).toMatchObject({ kind: 'quality_delta', value: -6, unit: 'pp' });
    // near miss: what is recovered is items, a success share
    expect(onlyClaim('The retriever recovers 95% of the relevant passages.')).toMatchObject({ kind: 'quality_value', value: 95 });
  });

  it('a share kept of a reference named without "of" is a bounded loss: "maintaining 95% original performance"', () => {
    expect(onlyClaim('With sparse experts, the model maintains over 95% original performance on every task.')).toMatchObject({ kind: 'quality_delta', value: -5, unit: 'pp', qualifier: 'upper_bound' });
    expect(onlyClaim('The 3-bit model keeps 97.5% full-precision accuracy on the benchmark.')).toMatchObject({ kind: 'quality_delta', value: -2.5, unit: 'pp' });
    expect(onlyClaim('Across tasks, our ranker retains an average of 96% of the dense model quality.')).toMatchObject({ kind: 'quality_delta', value: -4, unit: 'pp' });
    // near miss: a share of the reference's items kept is no quality
    expect(claimsOf('The cache keeps 30% original tokens after eviction.').filter((c) => c.kind === 'quality_delta')).toEqual([]);
  });

  // extractor 2.12.0
  it('a factor on the performance of code or of what runs it is speed', () => {
    expect(onlyClaim('Our compiler delivers up to 2.3x higher performance than TVM.')).toMatchObject({ kind: 'speedup', value: 2.3, metric: 'performance' });
    expect(onlyClaim('For the attention layers, the accelerator improves performance by 4.3x over a GPU.')).toMatchObject({ kind: 'speedup', value: 4.3 });
    expect(onlyClaim('The generated kernels achieve up to 2.0x the performance of vendor libraries.')).toMatchObject({ kind: 'speedup', value: 2 });
    // near misses: the performance of a model on a task, and a sentence that names a quality metric
    expect(claimsOf('Our agent brings a 2-3x relative gain in performance on math problems.').map((c) => c.kind)).toEqual(['quality_delta']);
    expect(claimsOf('On the GPU, our kernels raise accuracy by 2x and performance by 3x.')[0]).toMatchObject({ kind: 'quality_delta' });
  });

  it('a factor by which a system is beaten is speed, unless the sentence measured something else first', () => {
    expect(onlyClaim('It also outperforms the best low-bit KV cache engine (BarServe) by up to 3.3x.')).toMatchObject({ kind: 'speedup', value: 3.3 });
    expect(onlyClaim('Our design outperforms a state-of-the-art bit-serial accelerator by 1.7x.')).toMatchObject({ kind: 'speedup', value: 1.7 });
    // near miss: the clause before named what the factor measures
    const claims = claimsOf('FooNet cuts the number of multiplications by 8.1x on CIFAR-10, outperforming prior baselines by 1.5x-2.5x.');
    expect(claims.map((c) => c.kind)).toEqual(['efficiency', 'efficiency']);
  });

  it('a signed percent in parentheses right after a measurement is its change, a speedup or a saving by its unit', () => {
    expect(claimsOf('Our FooNet-S reaches 44.1 mIoU at 41.2 FPS (+63%) on a phone.').at(-1)).toMatchObject({ kind: 'speedup', value: 1.63 });
    const saved = claimsOf('FooNet needs 3.1 GB of memory (-42%) at batch size one.').at(-1)!;
    expect(saved.kind).toBe('efficiency');
    expect(saved.value).toBeCloseTo(1 / 0.58, 6);
    const faster = claimsOf('FooNet answers in 85 ms (-30%) on a laptop.').at(-1)!;
    expect(faster.kind).toBe('speedup');
    expect(faster.value).toBeCloseTo(1 / 0.7, 6);
    // near miss: after a quality value, the change is of that quality
    expect(claimsOf('FooNet reaches 81.2% accuracy (+2.1%) on ImageNet.').at(-1)).toMatchObject({ kind: 'quality_delta', value: 2.1, unit: 'pp' });
  });

  it('a cut in a count of bad outcomes is a relative gain in quality ("reduces hallucinations by 38%")', () => {
    expect(onlyClaim('FooNet reduces hallucinations by 38% on TruthfulQA.')).toMatchObject({ kind: 'quality_delta', value: 38, unit: '%', metric: 'hallucinations' });
    // near miss: a rate of them is on a percent scale, so its change is in points
    expect(onlyClaim('FooNet reduces the hallucination rate by 38% on TruthfulQA.')).toMatchObject({ kind: 'quality_delta', value: 38, unit: 'pp' });
  });

  it('a signed change followed by "on the" and a quality metric is a change of that metric', () => {
    expect(onlyClaim('FooNet yields +5.2 on the length-controlled win rate.')).toMatchObject({ kind: 'quality_delta', value: 5.2, metric: 'win rate' });
    expect(onlyClaim('FooNet improves by 2.1 points on ImageNet top-1 accuracy.')).toMatchObject({ kind: 'quality_delta', value: 2.1 });
    // near misses: after "on", what is not a quality metric is where the figure was measured; an unsigned figure is no change
    expect(onlyClaim('FooNet is 2x faster on the accuracy-critical tasks.')).toMatchObject({ kind: 'speedup', value: 2 });
    expect(claimsOf('FooNet yields 5.2 on the length-controlled win rate.').filter((c) => c.kind === 'quality_delta')).toEqual([]);
  });

  it('a level of a rate named two words after the number is a measured share ("65% model FLOPs utilization")', () => {
    expect(onlyClaim('FooNet achieves 65% model FLOPs utilization on the cluster.')).toMatchObject({ kind: 'measurement', value: 65, unit: '%' });
    // near miss: a change of the rate is a gain in efficiency, not its level
    expect(onlyClaim('FooNet improves GPU utilization by 22% over Megatron.')).toMatchObject({ kind: 'efficiency', value: 1.22 });
  });

  it('a metric word that modifies another noun names that thing, not the metric ("loss balancing methods")', () => {
    expect(onlyClaim('FooNet outperforms existing loss balancing methods by 1.2%.')).toMatchObject({ kind: 'quality_delta', value: 1.2, unit: 'pp' });
    expect(onlyClaim('FooNet beats the loss weighting baseline by 1.2% on average.')).toMatchObject({ unit: 'pp' });
    // near miss: the loss itself, lowered, is the metric
    expect(onlyClaim('FooNet lowers the validation loss by 0.3 nats.')).toMatchObject({ kind: 'quality_delta', value: 0.3, unit: 'abs', metric: 'validation loss' });
  });

  it('a higher-is-better metric, a noun of loss, then its figure is a loss of that metric ("an IoU loss of 4.9%")', () => {
    expect(claimsOf('FooNet cuts parameters by 8x with an IoU loss of 4.9% on the validation set.').at(-1)).toMatchObject({ kind: 'quality_delta', value: -4.9, unit: 'pp' });
    expect(claimsOf('FooNet prunes 70% of the weights at an F1 loss of 0.8%.').at(-1)).toMatchObject({ kind: 'quality_delta', value: -0.8 });
    // near miss: a loss that is itself the metric (lower is better) keeps its value
    expect(onlyClaim('FooNet lowers the cross-entropy loss of the student to 1.92.')).toMatchObject({ kind: 'quality_value', value: 1.92 });
  });
});
