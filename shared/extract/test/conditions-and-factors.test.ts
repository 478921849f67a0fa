// Decisions of extractor 2.4: conditions a figure was measured under, margins
// of a named metric, ranges and factors written as words, factors the work is
// run under, changes in apposition, what pruning cuts. Sentences are our own;
// each rule has a near miss it must leave alone.
import { describe, expect, it } from 'vitest';
import { claimsOf, near, onlyClaim } from './helpers.js';

describe('conditions after the figure', () => {
  it('what follows "under" is the load, not the measure: "by 48% under bursty traffic"', () => {
    const c = onlyClaim('The scheduler increases throughput by 48% under bursty traffic.');
    expect(c).toMatchObject({ kind: 'speedup', metric: 'throughput' });
    expect(near(c.value, 1.48)).toBe(true);
  });

  it('near miss: a measure named right after the figure still counts ("48% less traffic")', () => {
    expect(onlyClaim('The protocol sends 48% less traffic.')).toMatchObject({ kind: 'efficiency', metric: 'traffic' });
  });

  it('a measure right after "at" is the operating point: "raises throughput by 1.8x at a 32K context length"', () => {
    expect(onlyClaim('The cache also raises decoding throughput by 1.8x at a 32K context length.')).toMatchObject({
      kind: 'speedup', value: 1.8, metric: 'decoding throughput',
    });
    // near miss: the same measure right after the figure, with no "at", is what it measures
    expect(onlyClaim('The cache needs 1.8x less memory for a 32K context length.')).toMatchObject({ kind: 'efficiency', value: 1.8 });
  });

  it('a model size glued to its noun labels nothing: "outperforms 8B baselines on X by 4.7 points"', () => {
    expect(onlyClaim('Our 3B model outperforms 8B baselines on the math suite by 4.7 points.')).toMatchObject({ kind: 'quality_delta', value: 4.7 });
    // near miss: a bare number right after a cue is what the cue labels, a setting ("batch size 64")
    expect(onlyClaim('Throughput at batch size 64 rises 2.6x.')).toMatchObject({ kind: 'speedup', value: 2.6, text: '2.6x' });
  });

  it('a bare factor after "speedup ratio of" or "compression ratio of" is the change', () => {
    expect(onlyClaim('The drafter achieves a speedup ratio of 3.6 over plain decoding.')).toMatchObject({ kind: 'speedup', value: 3.6, unit: 'x' });
    expect(onlyClaim('The codec reaches a compression ratio of 12.5.')).toMatchObject({ kind: 'efficiency', value: 12.5 });
    // near miss: a ratio that is no change noun's sets up the run
    expect(claimsOf('The acceptance ratio of 0.8 is high.')).toEqual([]);
  });

  it('"keeps N% of the accuracy" is a share retained; "keeps N% of the tokens" a resource used', () => {
    expect(onlyClaim('The compressed model keeps 97.5% of the original accuracy.')).toMatchObject({ kind: 'quality_delta', value: -2.5, unit: 'pp' });
    expect(onlyClaim('The compressed model keeps only 25% of the tokens.')).toMatchObject({ kind: 'efficiency', value: 4 });
  });

  it('a far measure past "at" is the price paid: "96% of the teacher\'s performance at a fraction of the cost"', () => {
    expect(onlyClaim("The student retains 96.2% of the teacher's performance at a fraction of the cost.")).toMatchObject({
      kind: 'quality_delta', value: -3.8, baseline: 'teacher',
    });
  });
});

describe('a bare margin of a named metric', () => {
  it('"an mAP of 41.2, outperforming X by 1.7": the margin is in the metric\'s units', () => {
    const out = claimsOf('Our detector reaches an mAP of 41.2, outperforming DetBase by 1.7.');
    expect(out.map((c) => [c.kind, c.value, c.metric])).toEqual([
      ['quality_value', 41.2, 'mAP'],
      ['quality_delta', 1.7, 'mAP'],
    ]);
    expect(out[1].baseline).toBe('DetBase');
  });

  it('near miss: with no metric in the sentence a bare margin says nothing', () => {
    expect(claimsOf('Our planner outperforms the greedy planner by 3.')).toEqual([]);
  });
});

describe('a range never starts inside a name', () => {
  it('"the win rate against GPT-4 to 38.5%": 38.5% is the level reached', () => {
    expect(onlyClaim('Tuning on our data raises the win rate against GPT-4 to 38.5%.')).toMatchObject({ kind: 'quality_value', value: 38.5, metric: 'win rate' });
  });

  it('near miss: a range of plain numbers stays a range ("from 2 to 5x")', () => {
    expect(onlyClaim('The speedup of our kernel ranges from 2 to 5x.')).toMatchObject({ kind: 'speedup', value: [2, 5] });
  });
});

describe('pruning is a cut of what is pruned', () => {
  it('"prunes 60% of the weights" removes them: a 2.5x saving, not a share of 60%', () => {
    const c = onlyClaim('Our method prunes 60% of the parameters with no loss in accuracy.');
    expect(c).toMatchObject({ kind: 'efficiency', metric: 'parameters' });
    expect(near(c.value, 2.5)).toBe(true);
  });

  it('"we prune ResNet-56 by 40%": a compression of the named model', () => {
    expect(onlyClaim('We prune ResNet-56 by 40% with no loss in accuracy.')).toMatchObject({ kind: 'efficiency', metric: 'compression', baseline: 'ResNet-56' });
  });

  it('near miss: an adjective that names its own measure still directs only that measure ("6x fewer GPUs and 3x the throughput")', () => {
    const out = claimsOf('Our system needs 6x fewer GPUs and delivers 3x the throughput of the baseline.');
    expect(out.map((c) => c.kind)).toEqual(['efficiency', 'speedup']);
  });
});

describe('factors written as words', () => {
  it('"doubles the success rate", "double the mAP": +100% relative, as the contract asks', () => {
    expect(onlyClaim('Our tuned agent doubles the success rate of its base model.')).toMatchObject({ kind: 'quality_delta', value: 100, unit: '%', metric: 'success rate' });
    expect(onlyClaim('The detector achieves double the mAP of other real-time detectors.')).toMatchObject({ kind: 'quality_delta', value: 100, unit: '%' });
  });

  it('near miss: doubling a setting is an action, not a result ("by doubling the batch size")', () => {
    expect(claimsOf('We speed up training by doubling the batch size.')).toEqual([]);
  });

  it('"order of magnitude" with no article is one order: "provides order of magnitude compression"', () => {
    expect(onlyClaim('The student provides order of magnitude compression with similar accuracy.')).toMatchObject({ kind: 'efficiency', value: 10 });
  });

  it('near miss: plural "orders of magnitude" with no count is at least two', () => {
    expect(onlyClaim('Our index cuts memory by orders of magnitude.')).toMatchObject({ kind: 'efficiency', value: 100, qualifier: 'lower_bound' });
  });
});

describe('factors the work is run under', () => {
  it('"under 2x multi-scale training", "in the x4 rescaling", "the 3x schedule" set up the experiment', () => {
    expect(claimsOf('It lifts our detector under 2x single-scale training from 36.2% to 39.0% mAP (+ 2.8%).').map((c) => c.text)).toEqual(['39.0%', '+ 2.8%']);
    expect(claimsOf('Our model has PSNR gains of at least 0.3 dB over HCFlow in the x4 rescaling.').map((c) => c.text)).toEqual(['0.3']);
    expect(claimsOf('Our detector reaches 41.2 AP with the 3x schedule.').map((c) => c.text)).toEqual(['41.2']);
  });

  it('near miss: a factor before "under" is a result measured under a load', () => {
    expect(onlyClaim('It is 2x faster under heavy load.')).toMatchObject({ kind: 'speedup', value: 2, metric: 'speed' });
  });

  it('"within 1% under 4x compression": a condition after "within" names no reference', () => {
    expect(onlyClaim('It keeps accuracy within 1% under 4x compression.')).toMatchObject({ kind: 'quality_delta', value: -1, baseline: null });
  });
});

describe('a change noun in apposition to a value', () => {
  it('"a word error rate of 4.2%, a relative reduction of 15% over X": the change of that metric', () => {
    const out = claimsOf('The proposed model achieves a word error rate of 4.2% on a test set, a relative reduction of 15% over BigASR.');
    expect(out.map((c) => [c.kind, c.value, c.unit, c.baseline])).toEqual([
      ['quality_value', 4.2, '%', null],
      ['quality_delta', 15, '%', 'BigASR'],
    ]);
  });

  it('near miss: a second value after a comma stays a value ("an accuracy of 81.2%, and 79.0% on B")', () => {
    expect(claimsOf('Our model reaches an accuracy of 81.2% on A, and 79.0% on B.').map((c) => c.kind)).toEqual(['quality_value', 'quality_value']);
  });
});

describe('metric names after a single letter, and "exceeding"', () => {
  it('"C-index", "F-score", "q-error" are the metrics they name (compromise keeps them one word)', () => {
    expect(onlyClaim('The approach reaches a C-index of 0.71 for survival prediction.')).toMatchObject({ kind: 'quality_value', value: 0.71, metric: 'C-index' });
    expect(onlyClaim('The tagger reaches an F-score of 91.3% on the test set.')).toMatchObject({ kind: 'quality_value', metric: 'F-score' });
  });

  it('"exceeding X by 2.4" beats X by a margin of the sentence\'s metric', () => {
    const out = claimsOf('It attains a mean Dice of 86.3 on a CT benchmark, exceeding nnFormer by 2.4.');
    expect(out.map((c) => [c.kind, c.value, c.baseline])).toEqual([
      ['quality_value', 86.3, null],
      ['quality_delta', 2.4, 'nnFormer'],
    ]);
  });

  it('near miss: exceeding a level is a bound, not a margin ("exceeds 90% accuracy")', () => {
    expect(onlyClaim('Our model exceeds 90% accuracy on all tasks.')).toMatchObject({ kind: 'quality_value', value: 90, qualifier: 'lower_bound' });
  });
});

describe('the means of a result is no measure', () => {
  it('"memory savings of up to 50% by dropping intermediate results": a saving of memory, whatever is dropped', () => {
    expect(onlyClaim('We obtain memory savings of up to 50% by dropping intermediate results.')).toMatchObject({ kind: 'efficiency', value: 2, metric: 'memory' });
  });

  it('near miss: a measure named before "by doing" still counts ("reduces latency by 30% by caching keys")', () => {
    expect(onlyClaim('It reduces latency by 30% by caching keys.')).toMatchObject({ kind: 'speedup', metric: 'latency' });
  });
});
