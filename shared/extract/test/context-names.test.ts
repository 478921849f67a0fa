// Context names of extractor 2.4: what got faster, measures and systems
// paired with lists of figures, names in apposition, references inside a
// metric, the model a work shrinks. Sentences are our own; each rule has a
// near miss it must leave alone.
import { describe, expect, it } from 'vitest';
import { claimsOf, onlyClaim } from './helpers.js';

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

  it('the opponent ends at the sentence\'s verb: "win rate against X reaches 52.3%"', () => {
    expect(onlyClaim('Its win rate against ChatBase-4 reaches 52.3% on the chat suite.')).toMatchObject({ kind: 'quality_value', baseline: 'ChatBase-4' });
    // near miss: a name that goes on past its first word keeps its words
    expect(onlyClaim('Its win rate against Chat Base Large is 52.3%.')).toMatchObject({ baseline: 'Chat Base Large' });
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

describe('"scores" as a verb names no metric', () => {
  it('"FooNet scores 71.3 on X": the subject is the system, not the metric', () => {
    expect(onlyClaim('We propose FooNet. FooNet scores 71.3 on the ReasonSet benchmark.').metric).toBeNull();
    expect(onlyClaim('We propose FooNet. Our model scores 71.3% on ReasonSet.').metric).toBeNull();
    expect(onlyClaim('We propose FooNet. FooNet-7B scores only 64.2 on ChatEval, yet it is small.').metric).toBeNull();
  });

  it('near miss: "a score of", "an F1 score of" and "BLEU score 31.2" are the noun', () => {
    expect(onlyClaim('We propose FooNet. FooNet achieves an F1 score of 71.3 on ReasonSet.').metric).toBe('F1 score');
    expect(onlyClaim('We propose FooNet. FooNet reaches a BLEU score 31.2 on the TransSet test set.').metric).toBe('BLEU score');
  });
});

describe('a score named by what it scores', () => {
  it('"improves over X by 1.8": X is the baseline, without "over"', () => {
    expect(onlyClaim('The translator improves over the strongest baseline by 1.8 BLEU.').baseline).toBe('strongest baseline');
    // near miss: "upon" was read before, and still is
    expect(onlyClaim('The translator improves upon DeepTrans by 1.8 BLEU.').baseline).toBe('DeepTrans');
  });

  it('"improves the MT-Bench score by 0.4": the benchmark names the score, no system is compared', () => {
    const claim = onlyClaim('FooChat improves the MT-Bench score by 0.4.');
    expect(claim.baseline).toBeNull();
    expect(claim.metric).toBe('MT-Bench score');
  });

  it('"the MT-Bench scores by 0.4 and 0.3": a benchmark\'s scores keep both words, as in the singular', () => {
    const out = claimsOf('FooChat improves the MT-Bench scores by 0.4 and 0.3 over BarChat.');
    expect(out.map((c) => [c.metric, c.unit])).toEqual([['MT-Bench score', 'abs'], ['MT-Bench score', 'abs']]);
    // near miss: a metric abbreviation names its scores already
    expect(onlyClaim('The detector improves the mAP scores by 1.2 points.').metric).toBe('mAP');
  });

  it('near miss: a system named before a specific metric is the one compared', () => {
    expect(onlyClaim('FooNet improves the ResNet-50 accuracy by 1.2%.').baseline).toBe('ResNet-50');
    expect(onlyClaim('Our pruning improved the FooTalk BLEU score by over 1.7.').baseline).toBe('FooTalk');
  });
});
