// Context rules of extractor 1.3.0: baselines named without a comparison word,
// and metric phrases tidied to the name an analyst filters on. Sentences are
// our own, one per class of wording.
import { describe, expect, it } from 'vitest';
import { namesSystem, objectImproved, ownerOfMeasureCut, selfNamedBaseline, shareOwner } from '../src/rules/context/reference.js';
import { singularHead, speedOfActivity, withAbbreviationAfter, withCountedNoun, withoutChangeWords, withoutScoreAfterAbbreviation } from '../src/rules/context/metric-tidy.js';
import { extractClaims } from '../src/index.js';
import { claimsOf, onlyClaim } from './helpers.js';

describe('baselines named without a comparison word', () => {
  it('a share of a reference system: "N% of the original X", "of X\'s metric", "of its ..."', () => {
    expect(shareOwner(' of the original TinyNet accuracy on both tasks.', 'The pruned model keeps 98.1% and 97.0%')).toBe('original TinyNet');
    expect(shareOwner(" of RefNet's mIoU while using", 'It reaches 99.5%')).toBe('RefNet');
    expect(shareOwner(' of its parameters.', "It reaches 99.5% of RefNet's mIoU with only 12%")).toBe('RefNet');
    expect(shareOwner(' of the memory.', 'It needs 10%')).toBeNull(); // a share of a resource names no system
    expect(shareOwner(' of the bitrate relative to CodecX.', 'It saves 20%')).toBeNull();
  });
  it('the system whose measure is cut: "the latency of the original X by N"', () => {
    expect(ownerOfMeasureCut('It cuts the decoding latency of the original KernelA by ')).toBe('original KernelA');
    expect(ownerOfMeasureCut('We compress the size of ModelP and ModelQ by more than ')).toBe('ModelP and ModelQ');
    expect(ownerOfMeasureCut('It matches the score of training on all data and cuts cost by ')).toBeNull(); // a clause, not a system
  });
  it('the object improved: "improves prior work by N", unless it is a metric', () => {
    expect(objectImproved('It improves prior work by ')).toBe('prior work');
    expect(objectImproved('We improve the state-of-the-art by ')).toBe('state-of-the-art');
    expect(objectImproved('It improves the few-shot accuracy of ModelZ by ')).toBe('ModelZ');
    expect(objectImproved('It improves accuracy by ')).toBeNull();
    expect(objectImproved('It improves accuracy on the test split by ')).toBeNull();
  });
  it('a phrase that calls itself the baseline, before the figure', () => {
    expect(selfNamedBaseline('For the TinyLM-1B baseline, a ')).toBe('TinyLM-1B baseline');
    expect(selfNamedBaseline('Even our simple baseline is strong, and it is ')).toBe('our simple baseline');
    expect(selfNamedBaseline('It beats several baselines and is ')).toBeNull();
  });
  it('knows a system phrase from a metric or a clause', () => {
    expect(namesSystem('previous methods')).toBe(true);
    expect(namesSystem('VGG-16')).toBe(true);
    expect(namesSystem('bitrate relative to CodecX')).toBe(false);
    expect(namesSystem('5.3 and wall-clock')).toBe(false);
  });
  it('end to end: the rules fill a claim\'s baseline', () => {
    expect(onlyClaim('It improves previous work by 1.4% on the two benchmarks.').baseline).toBe('previous work');
    expect(onlyClaim('Unlike prior two-stage detectors, our detector gives a 3x speedup.').baseline).toBe('prior two-stage detectors');
    expect(claimsOf('It adds +2.1%, +0.8%, and +1.5% top-1 accuracy improvement to NetA, NetB, and NetC, respectively.').map((c) => c.baseline)).toEqual([
      'NetA', 'NetB', 'NetC',
    ]);
  });
});

describe('metric phrases, tidied', () => {
  it('drops the words of the change around a quality metric', () => {
    expect(withoutChangeWords('accuracy drop')).toBe('accuracy');
    expect(withoutChangeWords('loss of top-1 accuracy')).toBe('top-1 accuracy');
    expect(withoutChangeWords('reduction in accuracy')).toBe('accuracy');
    expect(withoutChangeWords('training loss')).toBe('training loss'); // the loss is the metric
  });
  it('names plural metric heads in the singular, counted resources stay plural', () => {
    expect(singularHead('hallucination rates')).toBe('hallucination rate');
    expect(singularHead('recognition accuracies')).toBe('recognition accuracy');
    expect(singularHead('parameters')).toBe('parameters');
    expect(withoutScoreAfterAbbreviation('mAP scores')).toBe('mAP');
    expect(withoutScoreAfterAbbreviation('F1 score')).toBe('F1 score');
    expect(withoutScoreAfterAbbreviation('quality scores')).toBe('quality scores');
  });
  it('keeps "number of" and an abbreviation given right after the name', () => {
    const text = 'It cuts the number of multiplications by 4x and lifts Mean Reciprocal Rank (MRR) by 2 points (ours).';
    const at = (p: string) => ({ text: p, start: text.indexOf(p), end: text.indexOf(p) + p.length });
    expect(withCountedNoun('multiplications', text, at('multiplications'))).toBe('number of multiplications');
    expect(withAbbreviationAfter('Mean Reciprocal Rank', text, at('Mean Reciprocal Rank'))).toBe('Mean Reciprocal Rank (MRR)');
    expect(withAbbreviationAfter('points', text, at('points'))).toBe('points'); // "(ours)" is no abbreviation
  });
  it('a bare speed takes the activity named after the figure', () => {
    const text = 'It is 2.5x faster during inference.';
    expect(speedOfActivity('speed', text, { start: 6, end: text.indexOf('x') + 1 })).toBe('inference speed');
    expect(speedOfActivity('speed', 'It is 2.5x faster at 30 FPS.', { start: 6, end: 10 })).toBe('speed');
  });
  it('end to end: "mAP scores" is the mAP; a saving names what was saved, not the saving', () => {
    expect(claimsOf('We present Lynx. It reaches mAP scores of 41.2% and 38.9% on the two splits.').map((c) => c.metric)).toEqual(['mAP', 'mAP']);
    expect(claimsOf('We present Lynx. It brings a 12x memory saving over dense storage.').map((c) => c.metric)).toEqual(['memory']);
    // near miss: a quality change keeps its own words ("F1 score" is the metric's name as written)
    expect(onlyClaim('Our tagger improves the F1 score by 2.1 points.').metric).toBe('F1 score');
  });
  it('end to end: a measurement is not named by a quality metric beside it; the quality figure keeps it', () => {
    const claims = claimsOf('We present Lynx. It runs at 155 frames per second and reaches 42.1 AP.');
    expect(claims.map((c) => [c.kind, c.metric])).toEqual([['measurement', 'FPS'], ['quality_value', 'AP']]);
  });
  it('end to end: a relative change says so in its metric', () => {
    expect(onlyClaim('Our ranker improves NDCG by 12% relatively.').metric).toBe('NDCG (relative)');
    expect(onlyClaim('Pruning causes an accuracy drop of only 0.4%.').metric).toBe('accuracy');
  });
});

describe('unnamed quality changes', () => {
  it('take the metric a change noun names: "improvement in X", "X degradation of N"', () => {
    expect(onlyClaim('Our planner gives a 21% improvement in route completion rates.').metric).toBe('route completion rate');
    expect(onlyClaim('The watermark brings an average fidelity degradation of 0.4%.').metric).toBe('average fidelity');
  });
  it('never take where the change was measured', () => {
    expect(onlyClaim('The agent gets a 6% improvement in a harder setting.').metric).toBe('performance');
  });
  it("take the sentence's one quality metric, but only on the figure's own scale", () => {
    expect(claimsOf('We beat the previous best by 2.6%, reaching an accuracy of 61.2%.')[0].metric).toBe('accuracy');
    expect(onlyClaim('The tutor learns to fix such errors (up to 12 points improvement).').unit).toBe('pp');
  });
  it('a sentence carries a baseline from one claim to the next that names none', () => {
    const claims = claimsOf('We shrink the size of ModelP by more than 40%, while the accuracy only falls by about 1%.');
    expect(claims.map((c) => c.baseline)).toEqual(['ModelP', 'ModelP']);
  });
  it('reads "similar or better X to Y" as a comparison', () => {
    expect(claimsOf('Our net is up to 9x faster and gives similar or better accuracy to existing models.')[0].baseline).toBe('existing models');
  });
});

describe('runs of compared figures', () => {
  it('each system beaten is named right before its "by"', () => {
    const claims = claimsOf('Our model outperforms larger models, e.g. ModelB by 4% and ModelC by 3% on the benchmark.');
    expect(claims.map((c) => c.baseline)).toEqual(['ModelB', 'ModelC']);
    expect(onlyClaim('Our detector outperforms DetB by 2.1 AP on the test split.').baseline).toBe('DetB');
  });
  it('a model named with its size is no resource claim', () => {
    expect(claimsOf('Our 14B-parameter model outperforms ModelB by 4% on the benchmark.').map((c) => c.kind)).toEqual(['quality_delta']);
  });
  it('a run of "A% vs. B%" pairs gives the work\'s values', () => {
    const claims = claimsOf('It scores better on long inputs (71.5% vs. 62.0% at 8k tokens) and with more compute (77.1% vs. 65.3% at 16k total tokens).');
    expect(claims.map((c) => [c.text, c.kind])).toEqual([['71.5%', 'quality_value'], ['77.1%', 'quality_value']]);
  });
  it('the level a change reached, given beside it, is a value', () => {
    const claims = claimsOf('Accuracy rises by 0.7% (from 91.2% to 91.9%) on the second set.');
    expect(claims.map((c) => [c.text, c.kind])).toEqual([['0.7%', 'quality_delta'], ['91.9%', 'quality_value']]);
  });
});

describe('parallel comparatives and names', () => {
  it('"1.2 higher than A and 2.7 higher than B" is one run', () => {
    const claims = claimsOf('It reaches a GLUE score of 81.0, which is 1.2 higher than NetA Transformer and 2.7 higher than the original model.');
    expect(claims.map((c) => [c.text, c.kind, c.baseline])).toEqual([
      ['81.0', 'quality_value', null], ['1.2', 'quality_delta', 'NetA Transformer'], ['2.7', 'quality_delta', 'original model'],
    ]);
  });
  it('a capitalized cue word inside a name is no cue', () => {
    const claims = claimsOf('It reaches a GLUE score of 81.0, which is 1.2 higher than Length Aware Net and 2.7 higher than the original model.');
    expect(claims.map((c) => c.kind)).toEqual(['quality_value', 'quality_delta', 'quality_delta']);
  });
  it('scores normalized to a human\'s are quality values', () => {
    expect(claimsOf('Our agent averages 640% expert human performance on the first suite.').map((c) => [c.kind, c.metric])).toEqual([
      ['quality_value', 'expert human performance'],
    ]);
  });
});

describe('bounded losses', () => {
  it('"falls within the N% range of X" bounds a loss like "within N% of X"', () => {
    expect(onlyClaim('It only falls within the 2.5% accuracy range of fully supervised training.')).toMatchObject({ kind: 'quality_delta', value: -2.5, unit: 'pp' });
  });
});

describe('phrase edges', () => {
  it('a baseline phrase ends at a setting, a relative clause or a new subject', () => {
    expect(onlyClaim('It is 2x faster than NetA and NetB in the streaming setting.').baseline).toBe('NetA and NetB');
    expect(onlyClaim('It is 3x faster than prior methods that need labels.').baseline).toBe('prior methods');
    expect(onlyClaim('It stays within 0.8% of the performance of full fine-tuning.').baseline).toBe('full fine-tuning');
    expect(onlyClaim('It improves accuracy by 1.3% over its closest competitor.').baseline).toBe('closest competitor');
  });
  it('a metric keeps the benchmark or variant named right before it', () => {
    expect(onlyClaim('It reaches 72.3% ImageNet-1K top-1 accuracy.').metric).toBe('ImageNet-1K top-1 accuracy');
    expect(onlyClaim('It improves 3D AP by 4.1%.').metric).toBe('3D AP');
  });
});

describe('names from the rest of the text', () => {
  it("an unnamed quality change takes the paper's one metric", () => {
    const claims = extractClaims('t', 'We propose a parser. It reaches an accuracy of 61.2% on the test split. It improves prior work by 1.4% on both benchmarks.');
    expect(claims.map((c) => c.metric)).toEqual(['accuracy', 'accuracy']);
  });
  it('keeps "performance" when the paper names two metrics', () => {
    const claims = extractClaims('t', 'We propose a parser. It reaches 61.2% accuracy and 55.0 F1. It improves prior work by 1.4% on both benchmarks.');
    expect(claims.at(-1)?.metric).toBe('performance');
  });
  it('a value with no metric of its own takes the quality word just before it', () => {
    expect(claimsOf('It shows (1) higher performance within the same budget (83.4% vs. 60.0% at 4k context).')[0].metric).toBe('performance');
  });
  it('a measurement named only by its unit takes the measure noun written before it', () => {
    expect(onlyClaim('It runs with inference times below 50 ms on a laptop.').metric).toBe('inference time');
    expect(onlyClaim('The model takes 3 days to train.').metric).toBe('time');
  });
});
