import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';
import { claimsOf, onlyClaim } from './helpers.js';

describe('qualifiers', () => {
  it.each([
    ['Our kernel is up to 5x faster.', 'upper_bound'],
    ['The loss stays within 0.5% of the baseline accuracy.', 'upper_bound'],
    ['Our kernel is at most 5x slower.', 'upper_bound'],
    ['Our kernel is over 5x faster.', 'lower_bound'],
    ['Our kernel is more than 5x faster.', 'lower_bound'],
    ['Our kernel is at least 5x faster.', 'lower_bound'],
    ['Our kernel is about 5x faster.', 'approximate'],
    ['Our kernel is nearly 5x faster.', 'approximate'],
    ['Our kernel is roughly 5x faster.', 'approximate'],
    ['Our kernel is ~5x faster.', 'approximate'],
    ['Our kernel gives a sim 5x speedup.', 'approximate'],
    ['Our kernel is 5x faster on average.', 'average'],
    ['Our kernel gives an average speedup of 5x.', 'average'],
    ['Our agent reaches a score averaging 87% of expert level.', 'average'],
    ['Our planner gives a 34% average improvement in task completion.', 'average'],
    ['Our planner reduces average task completion time by 23%.', 'average'],
    ['Our detector improves average precision by 2.1 points.', 'exact'],
    ['Our kernel is 5x faster.', 'exact'],
  ])('%s → %s', (sentence, qualifier) => {
    expect(onlyClaim(sentence).qualifier).toBe(qualifier);
  });

  it('a qualifier before a run of figures with their settings is the whole run\'s', () => {
    expect(claimsOf('It achieves up to 7.5x speedup on GPU-A, 4.8x on GPU-B, and 8.9x on GPU-C.').map((c) => c.qualifier)).toEqual(['upper_bound', 'upper_bound', 'upper_bound']);
    // near misses: a new clause is no run, and a figure with a comparison of its own is no member
    expect(claimsOf('It is up to 7.5x faster on GPU-A, while the loader is 2x faster.').map((c) => c.qualifier)).toEqual(['upper_bound', 'exact']);
    expect(claimsOf('It reaches 80.1% accuracy on SetA, 2.3% higher than the tree model.').map((c) => c.kind)).toEqual(['quality_value', 'quality_delta']);
  });

  it('a qualifier after a list is the whole list\'s', () => {
    expect(claimsOf('It outperforms the tree models by 8.9% and 17.2% on average in accuracy.').map((c) => c.qualifier)).toEqual(['average', 'average']);
  });

  it('a bound on the share a result retains is the opposite bound on its loss', () => {
    expect(onlyClaim('The pruned model retains more than 99% of the dense accuracy.')).toMatchObject({ value: -1, unit: 'pp', qualifier: 'upper_bound' });
    expect(onlyClaim('The pruned model retains 97% of the dense accuracy.')).toMatchObject({ value: -3, qualifier: 'upper_bound' });
  });

  it('coordinated figures share the qualifier', () => {
    const q = claimsOf('It improves accuracy by up to 2% and 4% on the two tasks.').map((c) => c.qualifier);
    expect(q).toEqual(['upper_bound', 'upper_bound']);
    const r = claimsOf('It offers up to 3x faster and 5x cheaper inference.').map((c) => c.qualifier);
    expect(r).toEqual(['upper_bound', 'upper_bound']);
  });

  it('"more than" is a qualifier, not a direction or a baseline', () => {
    expect(onlyClaim('Compute efficiency improves by more than 3x compared to sampling.')).toMatchObject({
      kind: 'efficiency', value: 3, qualifier: 'lower_bound', baseline: 'sampling',
    });
  });
});

describe('context', () => {
  it('finds the baseline after "than", "over", "compared to", "versus"', () => {
    expect(onlyClaim('Our model is 2x faster than FastNet on phones.').baseline).toBe('FastNet');
    expect(onlyClaim('We obtain a 3x speedup over the eager runtime.').baseline).toBe('eager runtime');
    expect(onlyClaim('Latency drops by 30% compared to the cloud service.').baseline).toBe('cloud service');
    expect(onlyClaim('It is 4x cheaper versus dense training.').baseline).toBe('dense training');
  });
  it('takes the subject of "outperforms X by N"', () => {
    expect(onlyClaim('Our tagger outperforms SpanBERT by 1.5 F1 points.').baseline).toBe('SpanBERT');
    // "up to" before the figure is not part of what is compared
    expect(onlyClaim('Our retriever outperforms the earlier systems up to 12% in recall.').baseline).toBe('earlier systems');
  });
  it('takes what a result improves upon, and a quantified set of systems beaten', () => {
    expect(onlyClaim('On the long-context task, the reader improved upon the current best system by 7.0%.').baseline).toBe('current best system');
    expect(onlyClaim('Our tagger can outperform all previous models by 12%.').baseline).toBe('all previous models');
    // near misses: building upon a system, and a scope after "over"
    expect(onlyClaim('The model builds upon ResNet and improves accuracy by 2%.').baseline).toBeNull();
    expect(onlyClaim('It works well over various domains with a 2x speedup.').baseline).toBeNull();
  });

  it('takes the reference of a share of another\'s result ("98.2% of the performance of the full model")', () => {
    expect(claimsOf('It achieves 98.2% of the performance of the full model with a tenth of the data.')[0]).toMatchObject({ kind: 'quality_delta', value: -1.8, baseline: 'full model' });
    expect(claimsOf('It achieves 80.2% accuracy on the test set.')[0].baseline).toBeNull();
  });

  it('names a baseline without article, possessive or the measure after its name', () => {
    expect(onlyClaim('Its search cost is 420x smaller than NetZ\'s.').baseline).toBe('NetZ');
    expect(onlyClaim('The students retain 97% of the large teacher performance on average.').baseline).toBe('large teacher');
    expect(onlyClaim('It matches an autoregressive baseline with a 14x decoding speedup.').baseline).toBe('autoregressive baseline');
  });

  it('names the metric from the cue phrase', () => {
    expect(onlyClaim('It reduces the peak memory footprint by 35%.').metric).toBe('peak memory footprint');
    expect(onlyClaim('We get a 2x end-to-end speedup.').metric).toBe('end-to-end speed'); // the measure, not the change noun
    expect(onlyClaim('The model is 3x faster.').metric).toBe('speed');
    expect(onlyClaim('The model reaches 77.5% top-1 accuracy.').metric).toBe('top-1 accuracy');
  });
  it('keeps an activity named after a determiner, not a verb, in the metric', () => {
    expect(onlyClaim('The tracker improves the decoding speed by 2x.').metric).toBe('decoding speed');
    expect(onlyClaim('The tracker needs a processing time of 9 ms per frame.').metric).toBe('processing time per frame');
    expect(onlyClaim('The tracker speeds up inference by reducing latency by 40%.').metric).toBe('latency'); // "reducing" is the verb
  });

  it('names no metric by a judged change noun ("consistent gains of 2-4%")', () => {
    expect(onlyClaim('Our approach yields consistent gains of 2-4% across the suites.').metric).toBe('performance');
  });
  it('does not take a verb before a change noun for its metric ("yields an average improvement of")', () => {
    expect(onlyClaim('Our approach yields an average improvement of 4.3% across the suites.')).toMatchObject({ metric: 'performance', unit: 'pp' });
    expect(onlyClaim('We observe an accuracy improvement of 2.1% on the math set.').metric).toBe('accuracy');
  });
  it('keeps what a measurement is counted per in its metric, not a unit of time', () => {
    expect(onlyClaim('It reaches an inference time of 13.4 ms per page on one GPU.').metric).toBe('inference time per page');
    expect(onlyClaim('Our runtime achieves 0.108s/token on two consumer GPUs.').metric).toBe('time per token');
    expect(onlyClaim('It sustains a decode throughput of 1,943 tokens/s per accelerator.').metric).toBe('decode throughput per accelerator');
    expect(onlyClaim('The decoder generates 95 tokens per second on a laptop.').metric).toBe('throughput'); // "per second" is the unit's
  });
  it('names the measure of "more energy efficient"', () => {
    expect(claimsOf('It is 2x faster and 1.3x more energy efficient than the accelerator.')[1]).toMatchObject({ kind: 'efficiency', metric: 'energy efficiency' });
  });
  it('knows the per-token serving times of language models', () => {
    expect(onlyClaim('The server reduces time-per-output-token (TPOT) by 35%.')).toMatchObject({ kind: 'speedup', metric: 'TPOT' });
  });
  it('knows the returns and rewards of reinforcement learning as quality metrics', () => {
    expect(claimsOf('The policy improves sample efficiency by 3x and final return by 27%.').at(-1)).toMatchObject({ kind: 'quality_delta', value: 27, unit: '%', metric: 'final return' });
  });
  it('takes a system named with its size as a baseline ("8B baselines"), not an amount ("over 100")', () => {
    expect(claimsOf('Our 3B model outperforms 8B baselines by 5.1% on the suites.')[0].baseline).toBe('8B baselines');
  });
  it('leaves out words that judge a metric and a parenthesis it never opened', () => {
    expect(onlyClaim('The pruned model needs 7x lesser inference latency.').metric).toBe('inference latency');
    expect(onlyClaim('The schedule yields up to 33% extra FLOPs reduction.').metric).toBe('FLOPs');
    expect(claimsOf('It shrinks the cache 4.7x with negligible accuracy loss (<0.5%).').at(-1)?.metric).toBe('accuracy');
    expect(claimsOf('It reaches SetA (93.6% top-1) and SetB (70.9% top-1) accuracy.').at(-1)?.metric).toBe('top-1 accuracy');
    expect(onlyClaim('It achieves state-of-the-art accuracy of 91.2% on the suite.').metric).toBe('accuracy');
    expect(onlyClaim('It shows competitive latency of 12 ms on a phone.').metric).toBe('latency');
    // near miss: a word that names a kind of metric stays ("balanced accuracy")
    expect(onlyClaim('It reaches 88.1% balanced accuracy on the suite.').metric).toBe('balanced accuracy');
  });
  it('"more than an order of magnitude" is an amount, not what the figure is compared with', () => {
    expect(onlyClaim('It raises throughput by more than an order of magnitude over the CPU baseline.')).toMatchObject({ value: 10, qualifier: 'lower_bound', baseline: 'CPU baseline' });
    // near miss: a system after "than" is still the baseline
    expect(onlyClaim('It is 3x faster than the CPU baseline.').baseline).toBe('CPU baseline');
  });

  it('"less accurate" is a loss of accuracy, "more accurate" a gain', () => {
    expect(onlyClaim('The pruned network is 1.2 points less accurate than the dense one.')).toMatchObject({ kind: 'quality_delta', value: -1.2, unit: 'pp', metric: 'accuracy' });
    expect(onlyClaim('The pruned network is 1.2 points more accurate than the dense one.')).toMatchObject({ kind: 'quality_delta', value: 1.2, unit: 'pp', metric: 'accuracy' });
  });

  it('names the speed of convergence', () => {
    expect(onlyClaim('The optimizer converges 3x faster than SGD.')).toMatchObject({ kind: 'speedup', metric: 'convergence speed', baseline: 'SGD' });
  });

  it('knows hyphenated metric names and metrics cut at k', () => {
    expect(onlyClaim('It improves the F1-score by 2.2 points.').metric).toBe('F1-score');
    expect(onlyClaim('Retrieval reaches 71.5% Recall@10 on the test queries.').metric).toBe('Recall@10');
  });
  it('leaves the baseline empty for absolute figures', () => {
    expect(onlyClaim('It runs at 48 FPS, faster than the old detector.').baseline).toBeNull();
  });
  it('finds the setting after "on"', () => {
    const text = 'We propose a model. It reaches 70.2% accuracy on ImageNet with a single GPU.';
    expect(extractClaims('p', text)[0].setting).toBe('ImageNet');
  });
  it('keeps a comparison for the later figures of its sentence, not for the next sentence', () => {
    const text = 'We propose a model. Compared with SlowNet, it is 2x faster and needs 40% less energy. It also uses 30% less memory.';
    expect(extractClaims('p', text).map((c) => c.baseline)).toEqual(['SlowNet', 'SlowNet', null]);
  });
});
