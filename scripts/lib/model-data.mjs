// The annotated sets the decision model is fit to and judged on, as candidate
// examples: every candidate figure of every abstract, labelled with the kind of
// the gold claim whose span it overlaps (the scorer's matching), else `none`.
// Shared by `npm run train` and `npm run eval -- --cv`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const shared = resolve(root, '../shared');
const fixtures = join(root, 'test/fixtures');

/** The six real development pools: the folds of cross-validation. */
export const POOLS = ['dev-a', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f'];
/** Always in training: the seed gold and the project's own annotated abstracts (written for the extractor). */
export const ALWAYS = ['seed', 'ours', 'demo'];

const dev = { abstracts: join(shared, 'dev/dev-abstracts.jsonl'), gold: join(shared, 'dev/dev-gold.jsonl') };
/** Every annotated set, in the order `npm run eval` lists them: abstracts, gold, and which papers of them it keeps. */
export const SETS = {
  seed: { abstracts: join(shared, 'seeds/seed-abstracts.jsonl'), gold: join(shared, 'gold/seed.jsonl') },
  dev,
  ...Object.fromEntries(POOLS.map((p) => [p, { ...dev, prefix: p }])),
  demo: { abstracts: join(root, 'seeds/demo-abstracts.jsonl'), gold: join(fixtures, 'demo-gold.jsonl') },
  holdout: { abstracts: join(fixtures, 'holdout-abstracts.jsonl'), gold: join(fixtures, 'holdout-gold.jsonl') },
  'holdout-2025': { abstracts: join(fixtures, 'holdout-2025-abstracts.jsonl'), gold: join(fixtures, 'holdout-2025-gold.jsonl') },
  'holdout-2025b': { abstracts: join(fixtures, 'holdout-2025b-abstracts.jsonl'), gold: join(fixtures, 'holdout-2025b-gold.jsonl') },
  'holdout-2025c': { abstracts: join(fixtures, 'holdout-2025c-abstracts.jsonl'), gold: join(fixtures, 'holdout-2025c-gold.jsonl') },
  ours: { abstracts: join(fixtures, 'extraction/dev-abstracts.jsonl'), gold: join(fixtures, 'extraction/dev-gold.jsonl') },
};

export const readJsonl = (path) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** The built extractor and units packages (run `npm run build` first). */
export async function libraries() {
  const extract = join(root, 'shared/extract/dist/index.js');
  if (!existsSync(extract)) throw new Error('shared/extract is not built; run `npm run build` first');
  return {
    extract: await import(pathToFileURL(extract).href),
    units: await import(pathToFileURL(join(root, 'shared/units/dist/index.js')).href),
  };
}

/** One set's papers and gold (null when its files are absent). */
export function loadSet(name) {
  const set = SETS[name];
  if (!set || ![set.abstracts, set.gold].every(existsSync)) return null;
  const keep = (id) => !set.prefix || id.startsWith(set.prefix);
  return {
    name,
    papers: readJsonl(set.abstracts).filter((p) => keep(p.id)),
    gold: readJsonl(set.gold).filter((g) => keep(g.paperId)),
  };
}

function nthIndex(text, needle, n) {
  let at = -1;
  for (let i = 0; i < n; i++) if ((at = text.indexOf(needle, at + 1)) < 0) return -1;
  return at;
}

/** Gold claims of one paper with their spans (the scorer's reading of raw + occurrence). */
export function goldSpans(paper, gold) {
  return gold.flatMap((g) => {
    const at = nthIndex(paper.abstract, g.raw, g.occurrence || 1);
    return at < 0 ? [] : [{ ...g, span: [at, at + g.raw.length] }];
  });
}

const overlap = (a, b) => a[0] < b[1] && b[0] < a[1];

/** Candidates of every paper of a set, each labelled (index into CLASSES). */
export function labelledCandidates(set, extract) {
  const { CLASSES, candidatesOf } = extract;
  const byPaper = new Map();
  for (const g of set.gold) byPaper.set(g.paperId, [...(byPaper.get(g.paperId) ?? []), g]);
  return set.papers.map((paper) => {
    const candidates = candidatesOf(paper.abstract);
    const taken = new Set();
    const labels = candidates.map(() => 0);
    const golds = candidates.map(() => null);
    // each gold claim labels one candidate it overlaps, preferring one that can take its kind
    for (const g of goldSpans(paper, byPaper.get(paper.id) ?? [])) {
      const free = candidates.map((c, i) => [c, i]).filter(([c, i]) => !taken.has(i) && overlap(c.span, g.span));
      const pick = free.find(([c]) => c.decisionFor(g.kind)) ?? free[0];
      if (!pick) continue;
      taken.add(pick[1]);
      labels[pick[1]] = CLASSES.indexOf(g.kind);
      golds[pick[1]] = g;
    }
    return { paper, candidates, labels, golds };
  });
}

/**
 * A claim is kept when P(kind) × P(value right) reaches this. Cross-validation
 * found no threshold above 0 that raised strict F1 (it lowers detection recall),
 * so the kind head alone decides and the value head only shapes confidence.
 */
const THRESHOLD = 0;

/** A candidate's feature names, built once: every fit of every fold reads them for the three heads. */
const NAMES = new WeakMap();
function namesOf(c, extract) {
  let names = NAMES.get(c);
  if (!names) NAMES.set(c, (names = extract.featureNames(c.byFamily)));
  return names;
}

/** Training examples from labelled papers: a class the gold names is allowed even where no rule can read it. */
export function examplesOf(labelled, extract, source) {
  return labelled.flatMap(({ candidates, labels }) =>
    candidates.map((c, i) => {
      const allowed = extract.allowedClasses(c);
      allowed[labels[i]] = true;
      return { features: namesOf(c, extract), label: labels[i], allowed, source };
    }),
  );
}

const close = (a, b) => a != null && b != null && Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-9);

/** The scorer's strict value test: same unit, value (or both ends) within 1% of the gold or one of its accepted values. */
export function valueMatches(claim, g) {
  if (!claim || claim.unit !== g.unit) return false;
  const values = [g, ...(g.accept ?? []).map((v) => (typeof v === 'number' ? { value: v } : v))];
  return values.some((c) => (c.value != null ? close(claim.value, c.value) : close(claim.low, c.low) && close(claim.high, c.high)));
}

/**
 * Value-head examples: each candidate the gold names as a claim whose kind
 * the rules can read, labelled 1 when the value they read is the gold's.
 */
export function valueExamplesOf(labelled, extract, units, source) {
  return labelled.flatMap(({ paper, candidates, labels, golds }) =>
    candidates.flatMap((c, i) => {
      const g = golds[i];
      const d = g && c.decisionFor(g.kind);
      if (!d) return [];
      const claim = units.toClaimRecord(paper.id, c.draft(d));
      return [{ features: [...namesOf(c, extract), ...extract.valueFeatures(g.kind, d.relation, c.q.form)], label: valueMatches(claim, g) ? 1 : 0, allowed: [true, true], source }];
    }),
  );
}

/**
 * Relation-head examples: each candidate the gold names as a change (speedup,
 * efficiency, quality_delta) whose kind the rules can read, labelled with the
 * relation that gives the gold value: the rules' own when it does, else the
 * first that does. Candidates no relation reads right teach nothing.
 */
export function relationExamplesOf(labelled, extract, units, source) {
  const { RELATION_CLASSES, relationsOf, relationFeatures } = extract;
  return labelled.flatMap(({ paper, candidates, golds }) =>
    candidates.flatMap((c, i) => {
      const g = golds[i];
      const choices = g ? relationsOf(g.kind, c.q.form) : [];
      const d = choices.length && c.decisionFor(g.kind);
      if (!d) return [];
      const right = choices.filter((relation) => valueMatches(units.toClaimRecord(paper.id, c.draft({ ...d, relation })), g));
      if (!right.length) return [];
      const label = right.includes(d.relation) ? d.relation : right[0];
      return [{ features: [...namesOf(c, extract), ...relationFeatures(g.kind, d.relation)], label: RELATION_CLASSES.indexOf(label), allowed: RELATION_CLASSES.map((r) => choices.includes(r)), source }];
    }),
  );
}

/** sha256 over the gold lines of the named sets, in set order: the provenance of a fit. */
export function goldHash(sets) {
  const h = createHash('sha256');
  for (const s of sets) for (const g of s.gold) h.update(JSON.stringify(g) + '\n');
  return h.digest('hex');
}

/** Fits a model to the named sets; returns the model file's object (provenance, classes, weights). */
export function fit(sets, labelledBySet, extract, units) {
  // each example names its set: a feature must be seen in settings.minSources of them to get a weight
  const examples = sets.flatMap((s) => examplesOf(labelledBySet.get(s.name), extract, s.name));
  const valueExamples = sets.flatMap((s) => valueExamplesOf(labelledBySet.get(s.name), extract, units, s.name));
  const settings = extract.TRAIN_SETTINGS;
  const weights = extract.train(examples, settings);
  const valueWeights = extract.train(valueExamples, settings, 2);
  const relationExamples = sets.flatMap((s) => relationExamplesOf(labelledBySet.get(s.name), extract, units, s.name));
  const relationWeights = extract.train(relationExamples, settings, extract.RELATION_CLASSES.length);
  return {
    provenance: {
      extractor: extract.EXTRACTOR_VERSION,
      pools: sets.map((s) => s.name),
      goldSha256: goldHash(sets),
      examples: examples.length,
      valueExamples: valueExamples.length,
      relationExamples: relationExamples.length,
      settings,
    },
    classes: [...extract.CLASSES],
    weights,
    valueWeights,
    relationWeights,
    threshold: THRESHOLD,
    calibration: [],
  };
}

/**
 * Leave-one-pool-out predictions: for each pool, the claims of a model fit
 * without it (uncalibrated: their confidence is the raw score), and each
 * claim's [raw score, strict-correct, novelty] (novelty: the share of its
 * evidence that model has no kind weight for, see noveltyOf).
 */
export function outOfFold(always, pools, labelled, extract, units, progress = () => {}) {
  return pools.map((held) => {
    progress(`fold ${held.name}: fitting without it`);
    const model = new extract.Scorer(fit([...always, ...pools.filter((s) => s !== held)], labelled, extract, units));
    const novelty = new Map();
    const claims = labelled.get(held.name).flatMap(({ paper, candidates }) =>
      extract.scoredDrafts(candidates, model).flatMap(({ draft, raw, novelty: n }) => {
        const claim = units.toClaimRecord(paper.id, { ...draft, confidence: raw });
        if (claim) novelty.set(claim, n);
        return claim ?? [];
      }),
    );
    return { set: held, claims, judged: strictJudgements(held, claims).map(([raw, ok, claim]) => [raw, ok, novelty.get(claim)]) };
  });
}

/**
 * The calibration fit on out-of-fold claims ([raw, ok, novelty]): the weights
 * of the score it reads (raw score and novelty), then the isotonic map of that score.
 */
export function calibrationOf(judged, extract) {
  const confidenceScore = extract.fitConfidenceScore(judged);
  return { confidenceScore, calibration: extract.isotonic(judged.map(([raw, ok, novelty]) => [extract.confidenceInput(raw, novelty, confidenceScore), ok])) };
}

/** The final model: fit to every set, its confidence calibrated on the out-of-fold predictions of the pools. */
export function fitCalibrated(always, pools, labelled, extract, units, progress) {
  const folds = outOfFold(always, pools, labelled, extract, units, progress);
  progress?.('fitting on every set');
  return { ...fit([...always, ...pools], labelled, extract, units), ...calibrationOf(folds.flatMap((f) => f.judged), extract) };
}

/** Each predicted claim's [confidence, strict-correct, claim], by the scorer's matching (spans overlap, same kind, unit, value within 1% or accept). */
export function strictJudgements(set, claims) {
  const out = [];
  for (const paper of set.papers) {
    const gold = goldSpans(paper, set.gold.filter((g) => g.paperId === paper.id));
    const mine = claims.filter((c) => c.paperId === paper.id);
    const taken = new Set();
    const ok = new Set();
    for (const g of gold) {
      const cands = mine.filter((p) => !taken.has(p) && overlap(p.span, g.span));
      const p = cands.find((c) => c.kind === g.kind) ?? cands[0];
      if (!p) continue;
      taken.add(p);
      if (p.kind === g.kind && valueMatches(p, g)) ok.add(p);
    }
    for (const p of mine) out.push([p.confidence ?? 0, ok.has(p), p]);
  }
  return out;
}

/** The model file's text: one feature per line, so a diff of two fits reads feature by feature. */
export function modelText(model) {
  const table = (w) => Object.keys(w).sort().map((f) => `  ${JSON.stringify(f)}: ${JSON.stringify(w[f])}`).join(',\n');
  return `{\n "provenance": ${JSON.stringify(model.provenance)},\n "classes": ${JSON.stringify(model.classes)},\n "threshold": ${model.threshold},\n` +
    ` "confidenceScore": ${JSON.stringify(model.confidenceScore)},\n` +
    ` "calibration": ${JSON.stringify(model.calibration)},\n` +
    ` "weights": {\n${table(model.weights)}\n },\n "valueWeights": {\n${table(model.valueWeights)}\n },\n` +
    ` "relationWeights": {\n${table(model.relationWeights)}\n }\n}\n`;
}
