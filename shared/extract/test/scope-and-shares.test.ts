// Rules of extractor 1.2 about what is not the work's result (cited findings,
// drawbacks of others, conditions, counts of items) and
// about shares (judged items, resources used, costs cut to a share, overhead).
// Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';

const claims = (sentence: string) => extractClaims('t', `We study caching. ${sentence}`);
const kinds = (sentence: string) => claims(sentence).map((c) => c.kind);

describe('figures that are not the work\'s result', () => {
  it.each([
    ['reported-finding', 'The older engine was reported to be 40x faster than CPUs.'],
    ['drawback-of-others', 'However, this approach requires twice as many passes for decoding.'],
    ['drawback-of-others', 'For example, indexing 10 GB of logs requires 80 to 200 GB of storage.'],
    ['condition', 'If a 2% relative loss in accuracy is acceptable, the cache is 3x smaller.'],
    ['prior-work (recent)', 'Recent works cut memory by 30% with quantization.'],
  ])('%s: %s', (_rule, sentence) => {
    const out = claims(sentence);
    if (sentence.startsWith('If')) expect(out.map((c) => c.text)).toEqual(['3x']);
    else expect(out).toEqual([]);
  });

  it('keeps our own figures in the same shapes', () => {
    expect(kinds('However, our cache is 3x smaller than the baseline.')).toEqual(['efficiency']);
    expect(kinds('Without fine-tuning, our model reaches 71.3% accuracy.')).toEqual(['quality_value']);
    expect(kinds('Without bells and whistles, the GridNet detector achieves 58.2% mAP on the driving set.')).toEqual(['quality_value']);
  });

  it('a count of datasets in a list of values is no value', () => {
    const out = claims('It reaches an average ranking of 1.8 and 1.2 on 6 text datasets and 4 image datasets, respectively.');
    expect(out.map((c) => c.text)).toEqual(['1.8', '1.2']);
    expect(out[0]).toMatchObject({ kind: 'quality_value', unit: 'abs' });
  });
});

describe('shares', () => {
  it('a share of items judged to have a property is a quality value', () => {
    expect(claims('Experts find that 91% of the generated proofs are formally correct.')[0]).toMatchObject({ kind: 'quality_value', value: 91, unit: '%' });
  });

  it('a resource used, with or without "of"', () => {
    const out = claims('It matches the teacher while only using 40% parameters and 25% FLOPs.');
    expect(out.map((c) => [c.kind, c.value])).toEqual([
      ['efficiency', 2.5],
      ['efficiency', 4],
    ]);
  });

  it('a small increase of a resource is not a share of it', () => {
    const [c] = claims('It gains 1.1 points with only 0.02% parameter increase.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: 1.1 });
  });

  it('a cost cut to a share is a saving', () => {
    expect(claims('It can further reduce the annotation cost to 20% with active learning.')[0]).toMatchObject({ kind: 'efficiency', value: 5 });
  });

  it('a thing said to be only a share of another is a saving of that share', () => {
    expect(claims('The pruned cache is just 25% of the original cache size.')[0]).toMatchObject({ kind: 'efficiency', value: 4 });
    expect(claims('Our detector is only 40% of the size of the teacher.')[0]).toMatchObject({ kind: 'efficiency', value: 2.5 });
    expect(claims('The eviction policy keeps only 10% of the cache entries while matching full-cache recall.')[0]).toMatchObject({ kind: 'efficiency', value: 10 });
    // near miss: a part of a whole the work still spends is a breakdown, not a saving
    expect(claims('Attention is only 30% of the total runtime.').filter((c) => c.kind === 'speedup')).toEqual([]);
  });

  it('"N% the size of X" is a share, whatever comes before it', () => {
    expect(claims('The student is 25% the size of its teacher.')[0]).toMatchObject({ kind: 'efficiency', value: 4 });
    expect(claims('It needs 10% the memory footprint of a dense model.')[0]).toMatchObject({ kind: 'efficiency', value: 10 });
    // near miss: a change of the size, not a share of it
    const [change] = claims('The index shrinks the size by 25%.');
    expect(change.kind).toBe('efficiency');
    expect(change.value).toBeCloseTo(1 / 0.75, 6);
  });

  it('calls to a model or a tool are a resource', () => {
    expect(claims('The planner reduces the number of LLM calls by 4.3x.')[0]).toMatchObject({ kind: 'efficiency', value: 4.3, metric: 'number of LLM calls' });
    expect(claims('The agent needs 60% fewer tool calls than the baseline.')[0]).toMatchObject({ kind: 'efficiency', value: 2.5 });
    // near miss: calls served per second are a rate
    expect(claims('The server handles 3x more calls per second.')[0]).toMatchObject({ kind: 'speedup', value: 3 });
  });

  it('an overhead in time is a slowdown', () => {
    const out = claims('The tracer adds a low overhead (2.5% on the web suite, 8% on the batch suite).');
    expect(out.map((c) => [c.kind, Number(c.value!.toFixed(4))])).toEqual([
      ['speedup', 0.9756],
      ['speedup', 0.9259],
    ]);
  });

  it('an overhead cut to a share of the run is the overhead left, a slowdown', () => {
    const [c] = claims('Checkpointing overhead drops from 18% to 2% of training time.');
    expect(c.kind).toBe('speedup');
    expect(c.value).toBeCloseTo(1 / 1.02, 6);
    // near miss: a resource cut to a share is a saving of it
    expect(claims('The pipeline cuts memory to 25% of the original.')[0]).toMatchObject({ kind: 'efficiency', value: 4 });
  });

  it('fewer false alarms are a gain: "reduced false alarms by 54%"', () => {
    expect(claims('The monitor reduced false alarms by 54% on the ward data.')[0]).toMatchObject({ kind: 'quality_delta', value: 54 });
    // near miss: a metric where higher is better loses what the verb takes away
    expect(claims('The ablation reduced recall by 4%.')[0]).toMatchObject({ kind: 'quality_delta', value: -4 });
  });

  it('a reduced overhead is a saving of it, and a resource before "overhead" names which', () => {
    expect(claims('Our scheduler reduces the scheduling overhead by 40%.').map((c) => [c.kind, Number(c.value!.toFixed(4))])).toEqual([['speedup', 1.6667]]);
    expect(claims('Our encoding cuts the memory overhead by 50%.').map((c) => [c.kind, Number(c.value!.toFixed(4))])).toEqual([['efficiency', 2]]);
    expect(claims('Checkpointing adds only a 4% memory overhead.').map((c) => [c.kind, Number(c.value!.toFixed(4))])).toEqual([['efficiency', 0.9615]]);
    expect(claims('The tracer has 40% less overhead than the sampler.').map((c) => [c.kind, Number(c.value!.toFixed(4))])).toEqual([['speedup', 1.6667]]);
    expect(claims('The tracer adds less than 3% overhead.').map((c) => [c.kind, Number(c.value!.toFixed(4)), c.qualifier])).toEqual([['speedup', 0.9709, 'upper_bound']]);
    // near miss: the overhead left after a cut ("to 5%") is no saving of 20x
    expect(claims('The compiler cuts the runtime overhead from 30% to 5%.').filter((c) => c.kind === 'speedup' && c.value! > 1)).toEqual([]);
  });

  it('a level set against another level is the work\'s value', () => {
    const out = claims('It gives higher performance at the same budget (71.0% vs. 64.2% at 8k tokens).');
    expect(out.map((c) => [c.kind, c.text])).toEqual([['quality_value', '71.0%']]);
  });
});

describe('names and sizes that look like claims', () => {
  it('dimensions are no factors: "512 x 512 x 768"', () => {
    expect(claims('It renders volumes of up to 256 x 256 x 128 voxels.')).toEqual([]);
  });

  it('a capitalized comparative inside a name measures nothing: "Faster R-CNN"', () => {
    const [c] = claims('We raise the box AP of a Faster R-CNN detector from 31.0% to 35.4% on the street set.');
    expect(c).toMatchObject({ kind: 'quality_value', value: 35.4 });
  });

  it('every figure of a compared list belongs to the baselines', () => {
    const out = claims('Our fused model reaches 74.1% accuracy compared to 71.9% and 66.0% for the two single streams.');
    expect(out.map((c) => c.text)).toEqual(['74.1%']);
  });

  it('beating a system by a margin is a change of the sentence\'s metric, whatever set up the run', () => {
    const [, c] = claims('It reaches 70.2% top-1 accuracy with batch size 512 in 100 epochs, outperforming the contrastive baseline by 5.3%.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: 5.3, unit: 'pp', metric: 'top-1 accuracy' });
  });
});

describe('values next to their metric, and figures alone in parentheses', () => {

  it('"an area under the ROC curve of 0.94" is a value of AUC', () => {
    const [c] = claims('The classifier reaches an area under the ROC curve of 0.94 on the external cohort.');
    expect(c).toMatchObject({ kind: 'quality_value', value: 0.94, metric: 'area under the ROC curve' });
    // near miss: an area that is no curve's is no metric
    expect(claims('The chip has an area under the budget of 12.')).toEqual([]);
  });
  it('a figure alone in parentheses reads the words around them', () => {
    const [, c] = claims('It gives a 2.5x speedup with minimal (<1%) loss of top-1 accuracy.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: -1, unit: 'pp', qualifier: 'upper_bound' });
  });

  it('a decimal right after its metric, or two words before it, is its value', () => {
    expect(claims('On the news corpus (with test set perplexity 61.3), it is also smaller.')[0]).toMatchObject({ kind: 'quality_value', value: 61.3, unit: 'abs' });
    expect(claims('We obtain 58.1 test set perplexity on the news corpus.')[0]).toMatchObject({ kind: 'quality_value', value: 58.1 });
  });

  it('a share of threats stopped is a success rate', () => {
    const out = claims('Our defense blocks 70% of black-box attacks.');
    expect(out[0]).toMatchObject({ kind: 'quality_value', value: 70, unit: '%' });
  });

  it('a test error is on a percent scale', () => {
    expect(claims('Merging gives a 2.1% increase in the test error.')[0]).toMatchObject({ kind: 'quality_delta', value: -2.1, unit: 'pp' });
  });
});

describe('losses of a metric', () => {
  it('"loss of <metric>" is a loss of that metric; "reduction in <error>" is a gain', () => {
    expect(claims('It is 2x faster with a loss of top-1 accuracy of 0.4%.')[1]).toMatchObject({ kind: 'quality_delta', value: -0.4 });
    expect(claims('It gives a 6% reduction in word error rate over the baseline.')[0]).toMatchObject({ kind: 'quality_delta', value: 6 });
  });
});

describe('changes named only by a noun, and rates of words', () => {
  it('"an increase of N%" with no measure of its own is about the sentence\'s metric', () => {
    const out = claims('Accuracy rises on SetA; on SetB we observe an increase of 0.7% over the plain model.');
    expect(out[0]).toMatchObject({ kind: 'quality_delta', value: 0.7, metric: 'Accuracy' });
  });

  it('words per second is a throughput', () => {
    expect(claims('It decodes just over 120 words per second on one core.')[0]).toMatchObject({ kind: 'measurement', unit: 'tok/s', metric: 'throughput' });
  });
});
