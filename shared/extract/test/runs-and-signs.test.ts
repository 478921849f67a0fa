// Rules of extractor 1.2: runs of one change across settings, labelled and
// signed changes, figures set against a reference, opening sentences that
// report a result. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';
import { claimsOf } from './helpers.js';

const claims = (sentence: string) => extractClaims('t', `We study retrieval. ${sentence}`);
const brief = (sentence: string) => claims(sentence).map((c) => [c.kind, c.text, c.value ?? [c.low, c.high], c.unit]);

describe('a run of one change across settings', () => {
  it('repeats a delta for each metric of the run', () => {
    expect(brief('Our ranker beats the strongest baseline by 5.1% in NDCG@10, 3.2% in Recall@10, and 6.0% in MRR.')).toEqual([
      ['quality_delta', '5.1%', 5.1, 'pp'],
      ['quality_delta', '3.2%', 3.2, 'pp'],
      ['quality_delta', '6.0%', 6, 'pp'],
    ]);
    expect(claims('Our ranker beats the strongest baseline by 5.1% in NDCG@10 and 3.2% in Recall@10.')[1].metric).toBe('Recall@10');
  });

  it('repeats it for each system beaten and each setting', () => {
    expect(brief('It beats SystemA by 4% and SystemB by 2.5% on the legal benchmark.').map((c) => c[0])).toEqual(['quality_delta', 'quality_delta']);
    expect(brief('It improved by 6.2% compared to the prior best on TaskA, and by 2.1% on TaskB.').map((c) => c[2])).toEqual([6.2, 2.1]);
  });

  it('repeats a resource saving for each model', () => {
    expect(brief('Pruning cuts inference costs for ModelA by up to 30% and ModelB by up to 40% on CIFAR10.').map((c) => [c[0], Number((c[2] as number).toFixed(3))])).toEqual([
      ['efficiency', 1.429],
      ['efficiency', 1.667],
    ]);
  });

  it('a change in parentheses comments on the value before it: the next value starts no run of changes', () => {
    const out = claimsOf('Its accuracy is 91.2% (+2.3%) on SetA and 88.7% (+1.9%) on SetB.');
    expect(out.map((c) => [c.kind, c.value])).toEqual([['quality_value', 91.2], ['quality_delta', 2.3], ['quality_value', 88.7], ['quality_delta', 1.9]]);
    // near miss: changes joined by "and" are still one run
    expect(claimsOf('It improves accuracy by 2.3% on SetA and 1.9% on SetB.').map((c) => c.kind)).toEqual(['quality_delta', 'quality_delta']);
  });

  it('stops at a figure with a measure of its own', () => {
    const out = claims('It reaches a compression ratio of 6x and an inference speed-up of 3x on ResNet-56.');
    expect(out.map((c) => c.kind)).toEqual(['efficiency', 'speedup']);
  });

  it('stops at a figure that starts a new statement', () => {
    const out = claims('We beat the baseline by 2.0%, achieving an accuracy of 71.5%.');
    expect(out.map((c) => c.kind)).toEqual(['quality_delta', 'quality_value']);
  });
});

describe('labelled and signed changes', () => {
  it('reads "metric: +N%" as a change of that metric', () => {
    const out = claims('Gains hold across tasks (Acc@1: +4.2%) and generation (FVD: -31.5%).');
    expect(out.map((c) => [c.metric, c.value, c.unit])).toEqual([
      ['Acc@1', 4.2, 'pp'],
      ['FVD', 31.5, '%'],
    ]);
  });

  it('reads a signed figure in parentheses after a value as the change of its metric', () => {
    expect(claimsOf('Our decoder lifts the mIoU from 37.4 to 41.0 (+3.6) on the city set.').map((c) => [c.kind, c.value, c.unit, c.metric])).toEqual([
      ['quality_value', 41, 'abs', 'mIoU'], ['quality_delta', 3.6, 'pp', 'mIoU'],
    ]);
    expect(claimsOf('Our sampler reaches an FID of 9.1 (-3.2) on the face set.').at(-1)).toMatchObject({ kind: 'quality_delta', value: 3.2, unit: 'abs' });
    expect(claimsOf('Our tagger reaches 71.3% top-1 accuracy (+2.1 over the baseline).').at(-1)).toMatchObject({ kind: 'quality_delta', value: 2.1, baseline: 'baseline' });
    expect(claimsOf('Our scorer attains 89.2% accuracy on the review set, +3.4 over the previous best.').at(-1)).toMatchObject({ kind: 'quality_delta', value: 3.4, unit: 'pp', baseline: 'previous best' });
    // near miss: no value before it
    expect(claimsOf('We train 12 (+4) layers for accuracy.')).toEqual([]);
  });

  it('reads a minus on a lower-is-better metric as a gain', () => {
    const [c] = claims('Our model gives -12.5 perplexity on the held-out set.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: 12.5, unit: 'abs' });
  });

  it('reads a change beyond 100 points of a percent metric as relative', () => {
    const [c] = claims('It improves the accuracy of the 2-bit model by up to 140%.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: 140, unit: '%' });
  });

  it('reads "relatively" after the figure as relative', () => {
    const out = claims('It gains +9.1 accuracy (21.0% relatively) on the sentiment task.');
    expect(out.map((c) => c.unit)).toEqual(['pp', '%']);
  });

  it('reads a percent change right after a value written as a fraction of one as relative', () => {
    const after = (sentence: string) => claims(sentence).map((c) => [c.kind, c.value, c.unit]);
    expect(after('Our parser reaches an F1 of 0.71, up from 0.62, a 14.5% improvement.')).toEqual([['quality_value', 0.71, 'abs'], ['quality_delta', 14.5, '%']]);
    expect(after('Parsing F1 rises from 0.62 to 0.71 (+14.5%).')).toEqual([['quality_value', 0.71, 'abs'], ['quality_delta', 14.5, '%']]);
  });

  it('near miss: after a value in percent, or a value of another metric, a percent change stays in points', () => {
    expect(claims('Our parser reaches an F1 of 71.2, a 4.5% gain over the previous parser.')[1]).toMatchObject({ value: 4.5, unit: 'pp' });
    expect(claims('Our tagger cuts the loss to 0.31 and improves accuracy by 2.1%.')[1]).toMatchObject({ value: 2.1, unit: 'pp' });
  });

  it('a "relative" right after a figure is that figure\'s, not the next one\'s', () => {
    const out = claims('Our recognizer delivers a 23.4% relative reduction in WER and a 2.1% gain in accuracy.');
    expect(out.map((c) => [c.value, c.unit, c.metric])).toEqual([[23.4, '%', 'WER (relative)'], [2.1, 'pp', 'accuracy']]);
    // near miss: "relative" before the words that name the metric still makes the change relative
    expect(claims('Our recognizer yields a relative word error rate reduction of 18%.')[0]).toMatchObject({ value: 18, unit: '%' });
  });

  it('reads a bare figure set against a reference as a difference', () => {
    const out = claims('It reaches a GLUE score of 81.2, which is 1.3 higher than the distilled baseline.');
    expect(out.map((c) => [c.kind, c.value])).toEqual([
      ['quality_value', 81.2],
      ['quality_delta', 1.3],
    ]);
  });

  it('reads a noun of change before "of" as a change: "a reduction in accuracy of less than 1%"', () => {
    const [c] = claims('We show a reduction in accuracy of less than 1% against the dense layers.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: -1, unit: 'pp', qualifier: 'upper_bound' });
  });
});

describe('kind and direction from what is measured', () => {
  it('a comparative decides the direction whatever noun follows it', () => {
    const [c] = claims('It runs with 4.5 times faster inference time than the cloud model.');
    expect(c).toMatchObject({ kind: 'speedup', value: 4.5 });
  });

  it('compression verbs are reductions of a resource', () => {
    const [c] = claims('The index can be compressed by 80% on the web corpus.');
    expect(c).toMatchObject({ kind: 'efficiency', value: 5 });
  });

  it('counted work is a resource: multiplications, length of outputs', () => {
    expect(claims('It reduces the number of multiplications by 7.5x on ImageNet.')[0]).toMatchObject({ kind: 'efficiency', value: 7.5 });
    expect(claims('We reduced the length of the generated rationales by 60% without loss.')[0]).toMatchObject({ kind: 'efficiency', value: 2.5 });
  });

  it('"larger models" beaten by a margin is no size claim', () => {
    const [c] = claims('Our model outperforms larger proprietary models, e.g. ModelX by 4%.');
    expect(c).toMatchObject({ kind: 'quality_delta', value: 4 });
  });
});

describe('the opening sentence', () => {
  it('reports a result when a coined name is its subject', () => {
    expect(extractClaims('t', 'ProbeNet is 3x faster than the baseline. It is small.').map((c) => c.text)).toEqual(['3x']);
  });

  it('stays background when the field is its subject', () => {
    expect(extractClaims('t', 'Training video models is an order of magnitude slower than image models. We fix this.')).toEqual([]);
  });
});

describe('context fields', () => {
  it('an unnamed quality change is about performance', () => {
    expect(claims('It beats the strongest baseline by 3.5% on the hard split.')[0].metric).toBe('performance');
    expect(claims('It brings a 4.1% average improvement on five tasks.')[0].metric).toBe('performance');
  });

  it('the metric of a speedup is speed', () => {
    expect(claims('We obtain a 2.5x inference acceleration on phones.')[0].metric).toBe('inference speed');
  });

  it('the example named after "such as" is the baseline, and an open parenthesis is cut', () => {
    expect(claims('It is 30% more accurate than strong methods such as TreeNet.')[0].baseline).toBe('TreeNet');
    expect(claims('It is 2x faster than QFast (Lee et al., 2023).')[0].baseline).toBe('QFast');
  });

  it('a comparison in a background sentence does not stand for later results', () => {
    const text = 'We study caching. Classic caches are slower than hand-tuned kernels. Our cache is 2x faster on GPUs.';
    expect(extractClaims('t', text)[0].baseline).toBeNull();
  });
});

describe('abbreviations and conditions', () => {
  it('a metric abbreviation the abstract defines keeps the metric\'s polarity', () => {
    const text = 'We study jailbreaks and measure the word-level Attack Success Rate (ASR). Our filter gives a 12% reduction in ASR over the baselines.';
    expect(extractClaims('t', text)[0]).toMatchObject({ kind: 'quality_delta', value: 12, unit: 'pp', metric: 'Attack Success Rate (ASR)' });
  });

  it('the short form of a method name measures nothing', () => {
    const text = 'We study Mixture of Experts (MoE) serving. Our server outperforms the best system by 3.1x on MoE models.';
    expect(extractClaims('t', text)[0].kind).toBe('speedup');
  });

  it('a cue that names a condition is no measure: "in low-data settings"', () => {
    expect(claims('It outperforms prior solvers by up to 9% in low-data settings.')[0]).toMatchObject({ kind: 'quality_delta', value: 9 });
  });
});

describe('runs of levels and margins in parentheses', () => {
  it('pairs in parentheses after a change are the levels reached', () => {
    const out = claims('We see an increase in accuracy on SetA (from 61% to 70%), SetB (52.5% to 58%) and SetC (4.1% to 9%).');
    expect(out.map((c) => [c.kind, c.text, c.value])).toEqual([
      ['quality_value', '70%', 70],
      ['quality_value', '58%', 58],
      ['quality_value', '9%', 9],
    ]);
  });

  it('a ratio range in parentheses with no change before stays a range', () => {
    expect(claims('The share of hard cases varies by corpus (20% to 35%).').every((c) => c.value !== 35)).toBe(true);
  });

  it('margins listed in parentheses after "by a wide margin" are changes', () => {
    const out = claims('It outperforms the strongest prior model by a wide margin (4.2% mAP on SetA, 3.1% on SetB and 2% on SetC).');
    expect(out.map((c) => [c.kind, c.value])).toEqual([
      ['quality_delta', 4.2],
      ['quality_delta', 3.1],
      ['quality_delta', 2],
    ]);
  });

  it('a verb starting a new clause after the metric leaves the figure a value', () => {
    const out = claims('The detector achieves 55.1% mAP and 63.0% NDS surpassing the earlier methods on the city set.');
    expect(out.map((c) => c.kind)).toEqual(['quality_value', 'quality_value']);
  });
});

describe('context: metric phrases and baselines', () => {
  it('keeps the plain nouns that name the metric: "file sizes", "wall-clock time"', () => {
    expect(claims('It gives 3 times smaller file sizes than PNG.')[0].metric).toBe('file size');
    expect(claims('It can improve throughput by 12% on the cluster.')[0].metric).toBe('throughput');
  });

  it('a compression verb with no noun after it names the resource nearby', () => {
    expect(claims('The index storage requirement can be compressed by 80%.')[0].metric).toBe('index storage requirement');
  });

  it('an abbreviation the abstract defines is named in full', () => {
    const text = 'We define the Attack Success Rate (ASR). Our filter gives a 12% reduction in ASR over plain decoding.';
    expect(extractClaims('t', text)[0].metric).toBe('Attack Success Rate (ASR)');
  });

  it('the system beaten before "by" is the baseline, not a later comparison', () => {
    expect(claims('It surpasses commercial tools by 9% to 20% relatively, and also outperforms academic systems.')[0].baseline).toBe('commercial tools');
  });

  it('a scope or a threat after "over"/"against" is no baseline', () => {
    expect(claims('It gains +2.1 accuracy over various domains.')[0].baseline).toBeNull();
    expect(claims('It keeps accuracy within 1.5% of the FP32 baseline.')[0].baseline).toBe('FP32 baseline');
  });
});

describe('metric phrases stop at the figure', () => {
  it('the unit of a figure is no modifier of its metric: "a 5.2 point improvement"', () => {
    expect(claims('It gives a 5.2 point improvement on the test set.')[0].metric).toBe('performance');
  });
});
