// The decision model's parts: candidates and their syntax exclusions, each
// feature family (with a near miss it must not fire on), the scorer's
// softmax, and the trainer's determinism. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { CLASSES, RELATION_CLASSES, Scorer, calibrated, candidatesOf, confidenceInput, extractClaims, featureNames, fitConfidenceScore, isotonic, noveltyOf, softmax, train, TRAIN_SETTINGS, type Example, type Judged, type LinearModel } from '../src/index.js';

/** The features of the candidate whose text is `figure` in `text`. */
function featuresAt(text: string, figure: string): string[] {
  const at = text.indexOf(figure);
  const c = candidatesOf(text).find((x) => x.span[0] === at);
  if (!c) throw new Error(`no candidate at ${figure}`);
  return featureNames(c.byFamily);
}
const spansOf = (text: string) => candidatesOf(text).map((c) => text.slice(...c.span));

describe('candidates', () => {
  it('every figure is a candidate, including those the cascade drops for their meaning', () => {
    const text = 'We propose Lynx. It is 2.5x faster than the baseline, compared to 41.0% for the old system.';
    expect(spansOf(text)).toEqual(['2.5x', '41.0%']);
    expect(featuresAt(text, '41.0%')).toContain('exclusion:baseline-figure');
    expect(featuresAt(text, '41.0%')).toContain('cascade:none');
  });

  it('digits of names, years, citations and device counts are no candidates', () => {
    expect(spansOf('We propose Lynx in 2024 [12]. On ResNet-50 with 8x A100 GPUs and FP8 it runs 3x faster.')).toEqual(['3x']);
  });

  it('a model number after a product name is no candidate; a score after a metric name is', () => {
    expect(spansOf('We propose Lynx. It runs 7.5x faster on an RTX 4090 and a Jetson 3000.')).toEqual(['7.5x']);
    expect(spansOf('We propose Lynx. It reaches BLEU 28.4 and 412 FPS.')).toEqual(['28.4', '412 FPS']);
  });

  it('a score out of its maximum is one candidate ("8.7/10"); a ratio or a split of whole numbers is none', () => {
    expect(spansOf('We propose Lynx. Judges rate it 8.7/10 and 4.5 / 5 in fluency.')).toEqual(['8.7/10', '4.5 / 5']);
    expect(spansOf('We propose Lynx. It uses 0/1 rewards and a 3/4 split.')).toEqual([]);
  });

  it('reads a plus sign set apart from its number, and Hz as frames per second', () => {
    const [gain] = extractClaims('p', 'We propose Lynx. It lifts mAP from 36.0% to 39.0% (+ 3.0%).').filter((c) => c.kind === 'quality_delta');
    expect(gain).toMatchObject({ text: '+ 3.0%', value: 3, unit: 'pp' });
    expect(extractClaims('p', 'We propose Lynx. Our tracker runs at 60 Hz on one CPU core.')).toMatchObject([{ kind: 'measurement', value: 60, unit: 'fps' }]);
  });
});

describe('feature families', () => {
  const sentence = 'We present Lynx. Lynx reduces latency by 40% and memory by 25%, reaching 81.3% accuracy.';

  it('cascade: the 1.3.0 rules\' verdict and relation', () => {
    expect(featuresAt(sentence, '40%')).toEqual(expect.arrayContaining(['cascade:speedup', 'cascade:rel:less']));
  });

  it('form and magnitude: a percent with decimals reads as a score', () => {
    const f = featuresAt(sentence, '81.3%');
    expect(f).toEqual(expect.arrayContaining(['form:percent', 'magnitude:decimals:1']));
    expect(featuresAt(sentence, '40%')).toContain('magnitude:decimals:0');
  });

  it('phrasing: "by N" fires after "by", not on a share "N of"', () => {
    expect(featuresAt(sentence, '40%')).toContain('phrasing:by-N');
    const share = 'We present Lynx. It uses only 40% of the memory.';
    expect(featuresAt(share, '40%')).not.toContain('phrasing:by-N');
    expect(featuresAt(share, '40%')).toContain('phrasing:N-of');
  });

  it('cues: the comparative right after the figure, and none where the figure stands alone', () => {
    const text = 'We present Lynx. It is 3x faster on long inputs.';
    expect(featuresAt(text, '3x')).toContain('cues:R0:Faster');
    expect(featuresAt(text, '3x')).toContain('cues:R0:Faster:adj');
    expect(featuresAt('We present Lynx. Its score is 3.5 overall.', '3.5')).not.toContain('cues:R0:Faster');
  });

  it('list: members of a coordinated list know their place; a lone figure is alone', () => {
    const list = 'We present Lynx. It cuts latency and memory by 40% and 25%, respectively, at 81.3% accuracy.';
    expect(featuresAt(list, '40%')).toContain('list:first-of-list');
    expect(featuresAt(list, '25%')).toContain('list:later-of-list');
    expect(featuresAt(list, '81.3%')).toContain('list:alone');
  });

  it('sentence: "we" and result verbs are read; a background opening sentence is not about the work', () => {
    expect(featuresAt('We show that Lynx improves accuracy by 2%.', '2%')).toEqual(expect.arrayContaining(['sentence:we', 'sentence:result-verb', 'sentence:first']));
    const background = 'Typical detectors lose 12% of recall at night. We present Lynx.';
    expect(featuresAt(background, '12%')).not.toContain('sentence:we');
    expect(featuresAt(background, '12%')).toContain('cascade:dropped:unread');
  });

  it('proposal: what the rules read with no exclusion applied, even for a figure an exclusion drops', () => {
    const text = 'We present Lynx. It is 2x faster than X, which was previously 40% faster than Y.';
    expect(featuresAt(text, '40%')).toContain('cascade:none');
    expect(featuresAt(text, '40%')).toContain('proposal:speedup');
    expect(featuresAt('We present Lynx. Its code has 3.5 thousand lines.', '3.5')).toContain('proposal:none');
  });

  it('qualifier: the bound or hedge read around the figure', () => {
    expect(featuresAt('We present Lynx. It is up to 3x faster.', '3x')).toContain('qualifier:upper_bound');
    expect(featuresAt('We present Lynx. It is 3x faster.', '3x')).toContain('qualifier:exact');
  });

  it('category: the category and scale of the nearest meaningful cue', () => {
    const f = featuresAt('We present Lynx. It cuts memory by 40%.', '40%');
    expect(f).toEqual(expect.arrayContaining(['category:L:efficiency', 'category:L:cost']));
    expect(featuresAt('We present Lynx. It was tested by 12 volunteers in Oslo.', '12')).toContain('category:none');
  });

  it('words: the words beside the figure, digits folded', () => {
    const f = featuresAt('We present Lynx. It beats X by 4.5% on COCO2017 data.', '4.5%');
    expect(f).toEqual(expect.arrayContaining(['words:-1:by', 'words:-2:x', 'words:+1:on', 'words:+2:coco#']));
  });

  it('near: content words a few words out on each side, function words and far words left out', () => {
    const f = featuresAt('We present Lynx. Our kernel on the new phone gives 3.1x higher decode throughput than the cloud service and the old laptop.', '3.1x');
    expect(f).toEqual(expect.arrayContaining(['near:l:kernel', 'near:l:phone', 'near:r:decode', 'near:r:throughput', 'near:r:cloud']));
    expect(f).not.toContain('near:l:the'); // a function word
    expect(f).not.toContain('near:r:laptop'); // past five content words
  });

  it('metric: the metric table\'s scale and polarity', () => {
    expect(featuresAt('We present Lynx. It lowers perplexity by 0.7.', '0.7')).toContain('metric:better:lower');
    expect(featuresAt(sentence, '81.3%')).toContain('metric:scale:percent');
    expect(featuresAt('We present Lynx. It runs in 12 ms.', '12 ms')).toContain('metric:none');
  });
});

describe('the decision', () => {
  it('every claim carries a confidence between 0 and 1', () => {
    const claims = extractClaims('p', 'We present Lynx. It is 3.1x faster than FlashAttention-2, uses 40% less memory and reaches 71.2% top-1 accuracy on ImageNet.');
    expect(claims.map((c) => c.text)).toEqual(['3.1x', '40%', '71.2%']);
    for (const c of claims) expect(c.confidence).toBeGreaterThan(0.5), expect(c.confidence).toBeLessThanOrEqual(1);
  });

  it('softmax gives a class the candidate cannot take no probability', () => {
    const p = softmax([1, 5, 2], [true, false, true]);
    expect(p[1]).toBe(0);
    expect(p[0] + p[2]).toBeCloseTo(1);
    expect(p[2]).toBeGreaterThan(p[0]);
  });

  it('a scorer follows its weights', () => {
    const model: LinearModel = {
      provenance: { extractor: 'test', pools: [], goldSha256: '', examples: 0, settings: {} },
      classes: [...CLASSES], threshold: 0, valueWeights: {}, relationWeights: {}, calibration: [],
      weights: { 'a:1': [0, 3, 0, 0, 0, 0], 'b:1': [3, 0, 0, 0, 0, 0] },
    };
    const all = CLASSES.map(() => true);
    expect(new Scorer(model).decide(['a:1'], all).kind).toBe('speedup');
    expect(new Scorer(model).decide(['b:1'], all).kind).toBeNull();
    expect(new Scorer(model).decide(['a:1'], [true, false, true, true, true, true]).kind).toBeNull();
  });
});

describe('the relation head', () => {
  const model = (relationWeights: Record<string, number[]>): LinearModel => ({
    provenance: { extractor: 't', pools: [], goldSha256: '', examples: 0, settings: {} },
    classes: [...CLASSES], threshold: 0, valueWeights: {}, calibration: [], weights: {}, relationWeights,
  });
  const toward = (relation: string, weight: number) => RELATION_CLASSES.map((r) => (r === relation ? weight : 0));

  it('overrides the rules\' relation when sure, within the kind\'s relations only', () => {
    const scorer = new Scorer(model({ 'cue:x': toward('costlier', 4) }));
    expect(scorer.relationFor(scorer.score(['cue:x']), 'efficiency', 'percent', 'less')).toBe('costlier');
    expect(scorer.relationFor(scorer.score(['cue:x']), 'quality_delta', 'percent', 'gain')).toBe('gain'); // costlier is no quality relation
    expect(scorer.relationFor(scorer.score(['cue:x']), 'efficiency', 'fraction', 'fraction-of')).toBe('fraction-of'); // nor a fraction's
    expect(scorer.relationFor(scorer.score(['cue:x']), 'quality_value', 'percent', 'value')).toBe('value'); // a value has one reading
  });

  it('keeps the rules\' relation when the head is unsure, or absent', () => {
    const unsure = new Scorer(model({ 'cue:x': toward('costlier', 0.1) }));
    expect(unsure.relationFor(unsure.score(['cue:x']), 'speedup', 'percent', 'less')).toBe('less');
    const none = new Scorer(model({}));
    expect(none.relationFor(none.score(['cue:x']), 'speedup', 'percent', 'less')).toBe('less');
  });
});

/** The sizes of the pool-adjacent-violators blocks of `pairs` (the test's own count, independent of isotonic). */
function blockSizes(pairs: [number, boolean][]): number[] {
  const blocks: { sum: number; n: number }[] = [];
  for (const [, ok] of [...pairs].sort((a, b) => a[0] - b[0])) {
    blocks.push({ sum: ok ? 1 : 0, n: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.n >= blocks.at(-1)!.sum / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      blocks.at(-1)!.sum += last.sum;
      blocks.at(-1)!.n += last.n;
    }
  }
  return blocks.map((b) => b.n);
}

describe('calibration', () => {
  it('isotonic points are non-decreasing, follow the outcomes, and are read by interpolation', () => {
    const pairs: [number, boolean][] = [[0.2, false], [0.3, false], [0.5, true], [0.55, false], [0.6, true], [0.9, true], [0.95, true]];
    const points = isotonic(pairs, 1);
    for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeGreaterThanOrEqual(points[i - 1][1]), expect(points[i][0]).toBeGreaterThan(points[i - 1][0]);
    // blocks: {0.2, 0.3} wrong, {0.5 right, 0.55 wrong} at half, {0.6, 0.9, 0.95} right; shares smoothed as (right + 1) / (n + 2)
    expect(points).toEqual([[0.25, 0.25], [0.525, 0.5], [0.8167, 0.8]]);
    expect(calibrated(0.1, points)).toBe(0.25);
    expect(calibrated(0.3875, points)).toBe(0.375); // halfway between the first two points
    expect(calibrated(0.525, points)).toBe(0.5);
    expect(calibrated(0.95, points)).toBe(0.8); // three right claims are not certainty
  });

  it('smoothing keeps the shares non-decreasing: a small all-right block after a large mostly-right one', () => {
    const pairs: [number, boolean][] = [...Array.from({ length: 10 }, (_, i): [number, boolean] => [0.5 + i * 0.01, i !== 0]), [0.9, true]];
    const points = isotonic(pairs, 1);
    for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeGreaterThanOrEqual(points[i - 1][1]);
  });

  it('no share is read off fewer claims than the minimum block: a small block joins the neighbour nearer its share', () => {
    // 30 claims at 0.2-0.49, half right; 4 at 0.6, three right; 40 at 0.7-0.97, all right
    const pairs: [number, boolean][] = [
      ...Array.from({ length: 30 }, (_, i): [number, boolean] => [0.2 + i * 0.01, i % 2 === 0]),
      [0.6, true], [0.6, true], [0.6, true], [0.6, false],
      ...Array.from({ length: 40 }, (_, i): [number, boolean] => [0.7 + i * 0.007, true]),
    ];
    expect(blockSizes(pairs)).toEqual([30, 4, 40]);
    const unmerged = isotonic(pairs, 1);
    const merged = isotonic(pairs, 20);
    expect(unmerged.length).toBe(3);
    // the four claims join the lower block (a share of 0.75 is as near 0.5 as 1.0; the lower wins the tie)
    expect(merged).toEqual([[0.375, 0.528], [0.8365, 0.976]]);
    expect(calibrated(0.6, merged)).not.toBe(calibrated(0.6, unmerged));
    // near miss: blocks that already hold the minimum are left as they are
    expect(isotonic(pairs, 4)).toEqual(unmerged);
  });

  it('the map is monotone and continuous: no jump at a block edge', () => {
    const points: [number, number][] = [[0.3, 0.2], [0.6, 0.7], [0.9, 0.95]];
    let last = -1;
    for (let raw = 0; raw <= 1; raw += 0.01) {
      const p = calibrated(raw, points);
      expect(p).toBeGreaterThanOrEqual(last);
      if (last >= 0) expect(p - last).toBeLessThan(0.03);
      last = p;
    }
  });

  it('no points leave the raw score; past the last point the last share holds', () => {
    expect(calibrated(0.42, [])).toBe(0.42);
    expect(calibrated(0.99, [[0.5, 0.3], [0.9, 0.8]])).toBe(0.8);
  });
});

describe('novelty: the share of a candidate\'s evidence the kind head has no weight for', () => {
  const scorer = new Scorer({
    provenance: { extractor: 't', pools: [], goldSha256: '', examples: 0, settings: {} }, classes: [...CLASSES], threshold: 0, calibration: [],
    weights: { 'bias:1': [0, 1, 0, 0, 0, 0], 'cue:fast': [0, 2, 0, 0, 0, 0], 'word:than': [0, 1, 0, 0, 0, 0] },
    valueWeights: { 'word:seen-by-value-only': [0, 1] }, relationWeights: {},
  });
  const families = (...pairs: [string, string[]][]) => pairs;

  it('counts every value of every family but the bias, seen or not', () => {
    const seen = scorer.scoreByFamily(families(['bias', ['1']], ['cue', ['fast']], ['word', ['than']]));
    expect([seen.evidence, seen.unseen, noveltyOf(seen)]).toEqual([2, 0, 0]);
    const half = scorer.scoreByFamily(families(['bias', ['1']], ['cue', ['fast', 'quick']], ['word', ['than', 'over']]));
    expect(noveltyOf(half)).toBe(0.5);
    // a family the model never saw is unseen evidence too
    expect(noveltyOf(scorer.scoreByFamily(families(['bias', ['1']], ['cue', ['fast']], ['shape', ['Xx']])))).toBe(0.5);
  });

  it('near miss: a feature only the value head weighs is still unseen by the kind head', () => {
    expect(noveltyOf(scorer.scoreByFamily(families(['cue', ['fast']], ['word', ['seen-by-value-only']])))).toBe(0.5);
  });

  it('reads the same from names as from families', () => {
    const byName = scorer.score(['bias:1', 'cue:fast', 'cue:quick', 'word:than', 'word:over']);
    const byFamily = scorer.scoreByFamily(families(['bias', ['1']], ['cue', ['fast', 'quick']], ['word', ['than', 'over']]));
    expect([byName.evidence, byName.unseen]).toEqual([byFamily.evidence, byFamily.unseen]);
  });
});

describe('the score the calibration reads', () => {
  // claims as out-of-fold predictions give them: at each raw score, those with more unseen evidence are right less often
  const judged: Judged[] = [];
  for (let i = 0; i < 400; i++) {
    const raw = 0.6 + (i % 40) / 100;
    const novelty = (i % 5) / 10;
    const rightShare = raw - novelty * 0.8;
    judged.push([raw, (i * 7919) % 100 < rightShare * 100, novelty]);
  }

  it('is fit deterministically, and weighs novelty down when novel claims were right less often', () => {
    const weights = fitConfidenceScore(judged);
    expect(fitConfidenceScore(judged)).toEqual(weights);
    expect(weights.logit).toBeGreaterThan(0);
    expect(weights.novelty).toBeLessThan(0);
    expect(confidenceInput(0.9, 0, weights)).toBeGreaterThan(confidenceInput(0.9, 0.3, weights));
    expect(confidenceInput(0.95, 0.1, weights)).toBeGreaterThan(confidenceInput(0.7, 0.1, weights));
  });

  it('near miss: where novelty says nothing about being right, its weight stays near zero', () => {
    const blind = judged.map(([raw, , novelty], i): Judged => [raw, (i * 7919) % 100 < raw * 100, novelty]);
    expect(Math.abs(fitConfidenceScore(blind).novelty)).toBeLessThan(Math.abs(fitConfidenceScore(judged).novelty) / 3);
  });

  it('without weights the calibration reads the raw score', () => {
    expect(confidenceInput(0.42, 0.3)).toBe(0.42);
  });
});

describe('training', () => {
  // a toy problem: "fast" means speedup, "acc" means quality_value, anything else no claim
  const examples: Example[] = [];
  for (let i = 0; i < 30; i++) {
    const all = CLASSES.map(() => true);
    examples.push({ features: ['w:fast', `noise:${i % 3}`], label: 1, allowed: all });
    examples.push({ features: ['w:acc', `noise:${i % 4}`], label: 4, allowed: all });
    examples.push({ features: ['w:year', `noise:${i % 5}`], label: 0, allowed: all });
  }

  it('is deterministic: the same examples give the same weights', () => {
    expect(JSON.stringify(train(examples))).toBe(JSON.stringify(train(examples)));
  });

  it('learns what separates the classes', () => {
    const weights = train(examples);
    const scorer = new Scorer({ provenance: { extractor: 't', pools: [], goldSha256: '', examples: 0, settings: {} }, classes: [...CLASSES], threshold: 0, valueWeights: {}, relationWeights: {}, calibration: [], weights });
    const all = CLASSES.map(() => true);
    expect(scorer.decide(['w:fast'], all).kind).toBe('speedup');
    expect(scorer.decide(['w:acc'], all).kind).toBe('quality_value');
    expect(scorer.decide(['w:year'], all).kind).toBeNull();
  });

  it('gives no weight to a feature seen fewer times than minCount', () => {
    const weights = train([...examples, { features: ['rare:once'], label: 1, allowed: CLASSES.map(() => true) }]);
    expect(weights['rare:once']).toBeUndefined();
    expect(weights['w:fast']).toBeDefined();
  });

  it('gives no weight to a feature seen in fewer sets of abstracts than minSources, however often', () => {
    const all = CLASSES.map(() => true);
    const fromPools = examples.map((e, i) => ({ ...e, source: `pool-${i % 2}` }));
    const habit = Array.from({ length: 10 }, () => ({ features: ['w:habit', 'w:fast'], label: 1, allowed: all, source: 'pool-0' }));
    const shared = [0, 1].flatMap((p) => Array.from({ length: 5 }, () => ({ features: ['w:shared', 'w:fast'], label: 1, allowed: all, source: `pool-${p}` })));
    const weights = train([...fromPools, ...habit, ...shared]);
    expect(weights['w:habit']).toBeUndefined();
    expect(weights['w:shared']).toBeDefined();
    // near miss: with one set required, the same habit is evidence
    expect(train([...fromPools, ...habit, ...shared], { ...TRAIN_SETTINGS, minSources: 1 })['w:habit']).toBeDefined();
  });
});
