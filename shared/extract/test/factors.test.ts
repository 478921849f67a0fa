import { describe, expect, it } from 'vitest';
import { claimsOf, onlyClaim } from './helpers.js';

describe('factor forms', () => {
  it.each([
    ['Our kernel is 3× faster than the reference.', '3×', 3],
    ['Our kernel is 3x faster than the reference.', '3x', 3],
    ['Our kernel is 3 times faster than the reference.', '3 times', 3],
    ['Our kernel is 3-fold faster than the reference.', '3-fold', 3],
    ['Our kernel is threefold faster than the reference.', 'threefold', 3],
    ['Our kernel gives a 3times speedup.', '3times', 3],
    ['Our kernel gives a 2.4\\times speedup.', '2.4\\times', 2.4],
    ['Training becomes an order of magnitude faster.', 'an order of magnitude', 10],
    ['Search takes two orders of magnitude less time.', 'two orders of magnitude', 100],
    ['Our loader is twice as fast as the default one.', 'twice', 2],
    ['Inference speeds up by a factor of 2.5 on phones.', 'factor of 2.5', 2.5],
    ['It gives an order-of-magnitude speedup over the solver.', 'an order-of-magnitude', 10],
    ['The kernel is 2.5 fold faster.', '2.5 fold', 2.5],
  ])('%s', (sentence, text, value) => {
    expect(onlyClaim(sentence)).toMatchObject({ text, kind: 'speedup', value, unit: 'x' });
  });

  it('reads each member of a suspended-hyphen list ("5- and 10-fold") as a factor of its own', () => {
    expect(claimsOf('It needs a 4- and 8-fold smaller cache than the dense decoder.').map((c) => [c.text, c.kind, c.value])).toEqual([
      ['4-', 'efficiency', 4],
      ['8-fold', 'efficiency', 8],
    ]);
    expect(claimsOf('Sampling is 3-, 6- or 12-fold faster than the ODE solver.').map((c) => c.value)).toEqual([3, 6, 12]);
    // near misses: a hanging hyphen before a unit that is not a fold, and a list of folds of cross-validation
    expect(claimsOf('We quantize to 3- and 4-bit weights and the model is 2x smaller.').map((c) => c.text)).toEqual(['2x']);
    expect(claimsOf('We report 5- and 10-fold cross-validation on both cohorts.')).toEqual([]);
  });

  it('reads resources as efficiency, "half the cost" as a factor of 2', () => {
    expect(onlyClaim('The model is 4x smaller than its teacher.')).toMatchObject({ kind: 'efficiency', value: 4 });
    expect(onlyClaim('We match the baseline at half the cost.')).toMatchObject({ text: 'half', kind: 'efficiency', value: 2 });
    expect(onlyClaim('It needs 6x fewer training steps.')).toMatchObject({ kind: 'efficiency', value: 6 });
    expect(onlyClaim('A small model can beat a 10x larger model.')).toMatchObject({ kind: 'efficiency', value: 10 });
  });

  it('reads fractions of a resource as factors', () => {
    expect(onlyClaim('The student needs only 1/8 of the parameters of its teacher.')).toMatchObject({ text: '1/8', kind: 'efficiency', value: 8 });
    expect(onlyClaim('It trains with a quarter of the memory.')).toMatchObject({ text: 'a quarter', kind: 'efficiency', value: 4 });
  });

  it('reads a share written in words as its percent ("two-thirds of the memory", "four-fifths of the performance")', () => {
    expect(onlyClaim('It cuts the memory to two-thirds of the baseline.')).toMatchObject({ text: 'two-thirds', kind: 'efficiency', value: 1.5 });
    expect(onlyClaim('The pruned model retains at least four-fifths of the performance.')).toMatchObject({ kind: 'quality_delta', value: -20, unit: 'pp', qualifier: 'upper_bound' });
    // near miss: a count of thirds is no share
    expect(claimsOf('We split the data into three-thirds of equal size.')).toEqual([]);
  });

  it('reads a unit fraction before a resource without "of" ("only 1/2 parameters"), not its denominator as a count', () => {
    expect(onlyClaim('Our detector needs only 1/2 parameters compared to the teacher.')).toMatchObject({ text: '1/2', kind: 'efficiency', value: 2 });
    expect(onlyClaim('It runs at 1/4 the cost of the teacher.')).toMatchObject({ text: '1/4', kind: 'efficiency', value: 4 });
    // near miss: a score out of a maximum is no fraction of a resource
    expect(claimsOf('Our writer scores 16.2/25 in fluency.').filter((c) => c.kind === 'efficiency')).toEqual([]);
  });

  it('reads getting worse as a factor below 1', () => {
    expect(onlyClaim('The exact variant is 2x slower than ours.')).toMatchObject({ kind: 'speedup', value: 0.5 });
  });

  it('reads ranges low to high', () => {
    expect(onlyClaim('We see 5-10× lower latency.')).toMatchObject({ kind: 'speedup', value: [5, 10] });
    expect(onlyClaim('Speedups range from 4x to 12x.')).toMatchObject({ value: [4, 12] });
    expect(onlyClaim('It gives a 20% to 35% end-to-end speedup.')).toMatchObject({ kind: 'speedup', value: [1.2, 1.35] });
    expect(onlyClaim('It uses between 2 and 3x less memory.')).toMatchObject({ kind: 'efficiency', value: [2, 3] });
  });

  it('reads a times sign written before the number ("x2.5 faster", "×1.9 speedup"), not a name ("x86")', () => {
    expect(onlyClaim('The new scheduler is x2.5 faster than the default one.')).toMatchObject({ text: 'x2.5', kind: 'speedup', value: 2.5 });
    expect(onlyClaim('Our sampler gives a \u00d71.9 speedup on the test set.')).toMatchObject({ kind: 'speedup', value: 1.9, metric: 'speed' });
    expect(onlyClaim('Our cache needs x4 less memory.')).toMatchObject({ kind: 'efficiency', value: 4, metric: 'memory' });
    // near misses: an instruction set and a device count
    expect(claimsOf('The solver runs faster on x86 servers with x2 GPUs.')).toEqual([]);
  });

  it('does not read dimensions, names or actions as factors', () => {
    expect(claimsOf('We replace 3x3 convolutions with 2x2 pooling.')).toEqual([]);
    expect(claimsOf('The cluster has 16xA100 nodes.')).toEqual([]);
    expect(claimsOf('We train with Double Sampling and repeat each run 5 times.')).toEqual([]);
    expect(claimsOf('Doubling the batch size is a common trick.')).toEqual([]);
  });
});

describe('percent forms', () => {
  it('relative changes of speed and resources become factors', () => {
    expect(onlyClaim('Our scheduler reduces latency by 40%.')).toMatchObject({ kind: 'speedup', value: expect.closeTo(1 / 0.6, 6) });
    expect(onlyClaim('The pipeline is 25% faster end to end.')).toMatchObject({ kind: 'speedup', value: 1.25 });
    expect(onlyClaim('It delivers 30% higher throughput.')).toMatchObject({ kind: 'speedup', value: 1.3 });
    expect(onlyClaim('It needs 50% less memory.')).toMatchObject({ kind: 'efficiency', value: 2 });
    expect(onlyClaim('The model uses only 5% of the parameters of the original.')).toMatchObject({ kind: 'efficiency', value: 20 });
    expect(onlyClaim('Serving cost is reduced to 25% of the original.')).toMatchObject({ kind: 'efficiency', value: 4 });
    expect(onlyClaim('The index grows memory usage by 25%.')).toMatchObject({ kind: 'efficiency', value: 0.8 });
    expect(onlyClaim('The new format is 20% slower.')).toMatchObject({ kind: 'speedup', value: expect.closeTo(1 / 1.2, 6) });
  });

  it('"triples", "thrice" and "quadruples" are factors, as "doubles" is; "tripling" the data is an action', () => {
    expect(onlyClaim('The kernel triples the throughput of the reference.')).toMatchObject({ kind: 'speedup', value: 3 });
    expect(onlyClaim('The kernel runs thrice as fast as the reference.')).toMatchObject({ kind: 'speedup', value: 3 });
    expect(onlyClaim('Our agent quadruples the success rate of the baseline.')).toMatchObject({ kind: 'quality_delta', value: 300, unit: '%' });
    expect(claimsOf('Tripling the training data improves accuracy by 2%.').map((c) => c.text)).toEqual(['2%']);
  });

  it('quality changes on a percent scale are percentage points', () => {
    expect(onlyClaim('Our method improves accuracy by 2.2% on the test set.')).toMatchObject({ kind: 'quality_delta', value: 2.2, unit: 'pp' });
    expect(onlyClaim('Our detector outperforms the previous best by 1.1% AP.')).toMatchObject({ kind: 'quality_delta', value: 1.1, unit: 'pp' });
    expect(onlyClaim('It gains +3.4% in F1.')).toMatchObject({ kind: 'quality_delta', value: 3.4, unit: 'pp' });
    // "%p" is written for percentage points
    expect(onlyClaim('Our detector improves AP by 2.3%p on the test set.')).toMatchObject({ kind: 'quality_delta', value: 2.3, unit: 'pp', text: '2.3%p' });
    expect(onlyClaim('We observe a 9% relative improvement in accuracy.')).toMatchObject({ value: 9, unit: '%' });
    // "relative" may stand before the metric's name, however long: "a relative word error rate reduction of 18%"
    expect(onlyClaim('Our recognizer yields a relative word error rate reduction of 18% over the base model.')).toMatchObject({ kind: 'quality_delta', value: 18, unit: '%' });
    expect(onlyClaim('Our recognizer yields a relative WER reduction of 18% over the base model.')).toMatchObject({ kind: 'quality_delta', value: 18, unit: '%' });
    // near miss: "relative to X" names a reference, and the change stays in points
    expect(onlyClaim('Our tagger improves accuracy relative to the base tagger by 3.1%.')).toMatchObject({ kind: 'quality_delta', value: 3.1, unit: 'pp' });
    expect(onlyClaim('Quantization causes a 2-4% accuracy drop.')).toMatchObject({ kind: 'quality_delta', value: [-4, -2], unit: 'pp' });
  });

  it('a percent change set "relative to" a reference right after its figure is relative, as annotators read it', () => {
    expect(onlyClaim('Our recognizer lowers the word error rate by 12% relative to the cascaded baseline.')).toMatchObject({ kind: 'quality_delta', value: 12, unit: '%' });
    expect(onlyClaim('Our ranker improves recall by up to 30% relative to the lexical retriever.')).toMatchObject({ kind: 'quality_delta', value: 30, unit: '%' });
    // near misses: points stay points; "relative to" that does not follow the figure names the reference only
    expect(onlyClaim('Our tagger improves accuracy by 2.1 points relative to the base tagger.')).toMatchObject({ kind: 'quality_delta', value: 2.1, unit: 'pp' });
    expect(onlyClaim('Our tagger improves accuracy by 3.1% on news text relative to the base tagger.')).toMatchObject({ kind: 'quality_delta', value: 3.1, unit: 'pp' });
  });

  it('"within" and "retains" bound a loss', () => {
    expect(onlyClaim('The pruned model stays within 0.8% of the dense accuracy.')).toMatchObject({ value: -0.8, qualifier: 'upper_bound' });
    expect(onlyClaim('The student retains 96% of the teacher accuracy.')).toMatchObject({ value: -4, qualifier: 'upper_bound' });
  });

  it('absolute scores are quality values', () => {
    expect(onlyClaim('It reaches 81.2% top-1 accuracy.')).toMatchObject({ kind: 'quality_value', value: 81.2, unit: '%' });
    expect(onlyClaim('The tagger obtains an F1 of 91.3%.')).toMatchObject({ kind: 'quality_value', value: 91.3 });
    expect(onlyClaim('The system gets 33.9 BLEU on the news test.')).toMatchObject({ kind: 'quality_value', value: 33.9, unit: 'abs' });
  });

  it('only the new figure of "from X to Y" is a claim', () => {
    expect(onlyClaim('Our method lowers the error rate from 9.1% to 7.4%.')).toMatchObject({ text: '7.4%', value: 7.4 });
  });

  it('quality on the metric\'s own scale is abs', () => {
    expect(onlyClaim('Our model achieves 1.2 lower perplexity than the baseline.')).toMatchObject({ kind: 'quality_delta', value: 1.2, unit: 'abs' });
    expect(onlyClaim('The method improves FID by 2.5 points.')).toMatchObject({ value: 2.5, unit: 'abs' });
  });
});

describe('lists', () => {
  it('gives each value its own claim and shares the cue', () => {
    const list = claimsOf('It cuts latency by 12%, 18%, and 25% on the three models, respectively.');
    expect(list.map((c) => c.text)).toEqual(['12%', '18%', '25%']);
    expect(list.every((c) => c.kind === 'speedup')).toBe(true);
  });
  it('pairs slash lists with slash metrics', () => {
    const [a, b] = claimsOf('It reduces the latency/energy by 3x/1.5x.');
    expect(a).toMatchObject({ kind: 'speedup', value: 3 });
    expect(b).toMatchObject({ kind: 'efficiency', value: 1.5 });
  });
  it('slash lists of percentages share the metric after them', () => {
    const c = claimsOf('The small and large variants reach 48.2% / 51.7% AP on the detection benchmark.');
    expect(c.map((x) => [x.kind, x.value, x.metric])).toEqual([['quality_value', 48.2, 'AP'], ['quality_value', 51.7, 'AP']]);
  });
  it('joins TeX figures across their math delimiters ("$4\\times$ and $2.5\\times$")', () => {
    const list = claimsOf('It shrinks the KV cache by $4\\times$ and $2.5\\times$ on the two models, respectively.');
    expect(list.map((c) => [c.kind, c.value])).toEqual([['efficiency', 4], ['efficiency', 2.5]]);
  });
  it('gives a bare figure after "on <setting> and" the unit of the figure before it', () => {
    const [a, b] = claimsOf('Our planner improves the pass rate by 6.2 points on SuiteA and 4.8 on SuiteB.');
    expect(a).toMatchObject({ kind: 'quality_delta', value: 6.2, unit: 'pp' });
    expect(b).toMatchObject({ text: '4.8', kind: 'quality_delta', value: 4.8, unit: 'pp' });
    const [, c] = claimsOf('The kernel speeds up decoding by 2.1x on one GPU and 1.7 on another.');
    expect(c).toMatchObject({ text: '1.7', kind: 'speedup', value: 1.7 });
  });
  it('does not give the unit to a number that names something ("on CIFAR-10 and 100", "and 4 tasks")', () => {
    expect(claimsOf('It lowers the error by 4.45% and 5.68% on CIFAR-10 and 100.').map((c) => c.value)).not.toContain(100);
    expect(claimsOf('Our planner improves the pass rate by 6.2 points on SuiteA and 4 other suites.').map((c) => c.value)).toEqual([6.2]);
  });
  it('passes the unit of the last member to bare ones', () => {
    const [a, b] = claimsOf('The two variants run at 90 / 60 FPS on a laptop.');
    expect(a).toMatchObject({ text: '90', kind: 'measurement', value: 90, unit: 'fps' });
    expect(b).toMatchObject({ text: '60 FPS', value: 60 });
  });
});
