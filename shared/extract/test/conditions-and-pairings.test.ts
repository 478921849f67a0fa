// Conditions a figure was measured under, margins of a named metric, lists of
// measures paired with lists of figures, and what got faster. Sentences are
// our own; each rule has a near miss it must leave alone.
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

describe('what got faster', () => {
  it('"1.5x faster convergence" is convergence speed, "40x faster convolutional operations" theirs', () => {
    expect(onlyClaim('Our optimizer achieves 1.5x faster convergence.').metric).toBe('convergence speed');
    expect(onlyClaim('The binarized network gives 40x faster convolutional operations.').metric).toBe('convolutional operations speed');
    expect(onlyClaim('Our method achieves 1.5x faster inference on a single GPU.').metric).toBe('inference speed');
  });

  it('near miss: a comparison or a condition after "faster" names nothing', () => {
    expect(onlyClaim('Our kernel runs 2x faster than the reference kernel.').metric).toBe('speed');
    expect(onlyClaim('With our cache, generation is 2.8 times faster with no change in output quality.').metric).toBe('speed');
    expect(onlyClaim('Our kernel is 3x faster overall.').metric).toBe('speed');
  });
});

describe('measures paired with figures, "respectively"', () => {
  it('"speedups in TTFT and throughput, respectively": each figure takes the measure in its place', () => {
    const out = claimsOf('Our engine achieves $1.9\\times$ and $4.8\\times$ speedups in time-to-first-token and throughput, respectively.');
    expect(out.map((c) => c.metric)).toEqual(['time-to-first-token', 'throughput']);
  });

  it('"5.1% and 6.2% improvements in Dice and mIoU, respectively"', () => {
    expect(claimsOf('It obtains 5.1% and 6.2% improvements in Dice and mIoU, respectively.').map((c) => c.metric)).toEqual(['Dice', 'mIoU']);
  });

  it('near miss: settings paired with figures leave the one measure to both', () => {
    const out = claimsOf('It improves accuracy by 1.2% and 2.4% on SetA and SetB, respectively.');
    expect(out.map((c) => c.metric)).toEqual(['accuracy', 'accuracy']);
  });

  it('near miss: as many measures as figures, or none is paired', () => {
    const out = claimsOf('It obtains 5.1%, 6.2% and 7.0% improvements in Dice and mIoU, respectively.');
    expect(new Set(out.map((c) => c.metric)).size).toBe(1);
  });
});

describe('baseline phrases end at a new clause', () => {
  it('"30% smaller than X yet scores 2.1 points higher": the baseline is X', () => {
    const out = claimsOf('Our model is 30% smaller than VisBase-1.5 yet scores 2.1 points higher on a hard benchmark.');
    expect(out.map((c) => c.baseline)).toEqual(['VisBase-1.5', 'VisBase-1.5']);
    expect(out[1].metric).not.toMatch(/yet/);
  });
});

describe('what got faster, named around the figure', () => {
  it('"trains 80% faster" is training speed, "decodes up to 3x faster" decoding speed', () => {
    expect(onlyClaim('The hybrid model trains 80% faster on GPUs.').metric).toBe('training speed');
    expect(onlyClaim('Our decoder decodes up to 3x faster than beam search.').metric).toBe('decoding speed');
  });

  it('"accelerates the prefill stage of X by 1.25x": the activity accelerated', () => {
    expect(onlyClaim('The collective accelerates the prefill stage of BigLM by 1.25x.').metric).toBe('prefill stage speed');
    expect(onlyClaim('Our compiler speeds up training of large models by 1.35x.').metric).toBe('training speed');
  });

  it('near miss: a system accelerated is no activity ("accelerates our model", "accelerates VGG-16")', () => {
    expect(onlyClaim('The new kernel accelerates our model by 2x.').metric).toBe('speed');
    expect(onlyClaim('The new kernel accelerates VGG-16 by 3x.').metric).toBe('speed');
  });
});

describe('metric names an analyst filters on', () => {
  it('a top-k cut named alone is accuracy at that cut: "93.6% top-1"', () => {
    expect(claimsOf('It reaches 93.6% top-1 on CIFAR-10.')[0].metric).toBe('top-1 accuracy');
    expect(claimsOf('It reaches 71.2% top-5 error on ImageNet.')[0].metric).toBe('top-5 error');
  });

  it('the reference named in front of the measure is the baseline\'s, not the metric\'s', () => {
    expect(onlyClaim('The pruned model achieves 99.2% of the original BERT performance.')).toMatchObject({ metric: 'performance', baseline: 'original BERT' });
  });

  it('near miss: a metric the baseline merely shares a word with keeps it ("KV cache" against "KV cache compression methods")', () => {
    expect(onlyClaim('Our method shrinks the KV cache by 4x compared to KV cache compression methods.').metric).toBe('KV cache');
  });

  it('hedges and the figure itself are no part of the name: "just 1MB model size"', () => {
    expect(onlyClaim('The detector needs just 1MB model size.').metric).toBe('model size');
    expect(onlyClaim('It improves 3D AP by 2 points.').metric).toBe('3D AP');
  });
});

describe('rates against an opponent', () => {
  it('a win rate is measured against someone: "Compared to SoT, ... a 90% net win rate"', () => {
    expect(onlyClaim('Compared to SketchOfThought, our system achieves a 90% net win rate.')).toMatchObject({ kind: 'quality_value', baseline: 'SketchOfThought' });
  });

  it('near miss: a plain level keeps no baseline ("71.2% accuracy, compared to 65.0% for X")', () => {
    expect(claimsOf('Our model reaches 71.2% accuracy, compared to 65.0% for OldNet.')[0].baseline).toBeNull();
  });
});

describe('the model a work shrinks or speeds up is the baseline', () => {
  it('"compresses AlexNet by 51-fold and GoogLeNet by 10-fold": each model before its own "by"', () => {
    expect(claimsOf('Our scheme compresses AlexNet by 51-fold and GoogLeNet by 10-fold.').map((c) => c.baseline)).toEqual(['AlexNet', 'GoogLeNet']);
  });

  it('"reduce inference costs for VGG-16 by up to 34%"', () => {
    expect(onlyClaim('Filter pruning can reduce inference costs for VGG-16 by up to 34%.').baseline).toBe('VGG-16');
  });

  it('near miss: what is compressed must be a model\'s name ("compresses the cache by 4x")', () => {
    expect(onlyClaim('It compresses the cache by 4x.').baseline).toBeNull();
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

describe('baselines of lists, and names in apposition', () => {
  it('figures against as many systems pair in order: "outperforms A and B by 1.3x and 1.9x"', () => {
    expect(claimsOf('It outperforms recent RingAttn and DeepSpeed-Ulysses by 1.3x and 1.9x.').map((c) => c.baseline)).toEqual(['RingAttn', 'DeepSpeed-Ulysses']);
  });

  it('near miss: one figure against two systems keeps both ("beats RVQuant and HAQ by 3%")', () => {
    expect(onlyClaim('Our quantizer beats RVQuant and HAQ by 3%.').baseline).toBe('RVQuant and HAQ');
  });

  it('near miss: a shared head is not split ("loss weighting and gradient balancing approaches")', () => {
    const out = claimsOf('It is 0.9% and 1.4% more accurate than loss weighting and gradient balancing approaches.');
    expect(out.map((c) => c.baseline)).toEqual(['loss weighting and gradient balancing approaches', 'loss weighting and gradient balancing approaches']);
  });

  it('"each later system beaten is named before its own by" still holds: "outperforms A by 4% and B by 3%"', () => {
    expect(claimsOf('It outperforms RVQuant by 4% and HAQ by 3%.').map((c) => c.baseline)).toEqual(['RVQuant', 'HAQ']);
  });

  it('a generic noun in apposition gives way to the name: "the strong baseline Likelihood Regret"', () => {
    expect(onlyClaim('It improves over the strong baseline Likelihood Regret by 5%.').baseline).toBe('Likelihood Regret');
    expect(onlyClaim('It is 2% more accurate than the best ResNeXt-101.').baseline).toBe('ResNeXt-101');
  });

  it('near miss: "best" before a common noun stays ("the best performing baseline")', () => {
    expect(onlyClaim('It is 2% more accurate than the best performing baseline.').baseline).toBe('best performing baseline');
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

describe('names kept whole', () => {
  it('an abbreviation or gloss in parentheses is part of the baseline: "the previous state-of-the-art (SOTA)"', () => {
    expect(onlyClaim('It is 3% more accurate than the previous state-of-the-art (SOTA) on both tasks.').baseline).toBe('previous state-of-the-art (SOTA)');
    expect(onlyClaim('It outperforms RT-2-X (55B) by 4%.').baseline).toBe('RT-2-X (55B)');
  });

  it('near miss: a citation after the name is not ("BERT (Devlin et al., 2019)")', () => {
    expect(onlyClaim('It outperforms BERT (Devlin et al., 2019) by 4%.').baseline).toBe('BERT');
  });

  it('a share of items judged to have a property is named by both: "share of ecologically valid tasks"', () => {
    const out = claimsOf('Expert review shows that 93% of the generated tasks are ecologically valid, and 92.2% of the synthesized programs are functionally correct.');
    expect(out.map((c) => c.metric)).toEqual(['share of ecologically valid tasks', 'share of functionally correct programs']);
  });
});

describe('measurements named by the measure before them', () => {
  it('"the P99 time-to-first-token drops to 180 ms", "the mean TTFT is 95 ms"', () => {
    expect(onlyClaim('With our scheduler, the P99 time-to-first-token drops to 180 ms.').metric).toBe('P99 time-to-first-token');
    expect(onlyClaim('With our scheduler, the mean TTFT is 95 ms.').metric).toBe('mean TTFT');
  });

  it('near miss: a unit with no measure named before it says only what it is ("finishes in 2.5 hours")', () => {
    expect(onlyClaim('Fine-tuning finishes in 2.5 hours on one GPU.').metric).toBe('time');
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
