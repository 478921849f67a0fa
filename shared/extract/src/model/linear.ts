// The decision model: multinomial logistic regression over named features.
// At run time it is a sparse dot product and a softmax over the classes the
// candidate allows; no ML runtime. Weights come from `npm run train`
// (./train.ts) and live in ./weights.json with their provenance.
import { CLAIM_KINDS, type ClaimKind } from '@claimflow/schemas';
import type { FamilyValues } from './features.js';

/** The classes: no claim, then the contract's five kinds. */
export const CLASSES = ['none', ...CLAIM_KINDS] as const;
export type ModelClass = (typeof CLASSES)[number];

export interface Provenance {
  /** Extractor version the features were computed with. */
  extractor: string;
  /** The data the weights were fit to: pool names and the sha256 of the gold lines used. */
  pools: string[];
  goldSha256: string;
  examples: number;
  /** Fitting settings (see ./train.ts). */
  settings: Record<string, number>;
}

export interface LinearModel {
  provenance: Provenance;
  classes: readonly string[];
  /** One weight per class for each feature; features not listed weigh nothing. */
  weights: Record<string, number[]>;
  /**
   * The value head: for a figure of a chosen kind, [wrong, right] weights of
   * whether the rules read its value right (relation, unit, sign). Its
   * features are the candidate's plus the kind's (see valueFeatures).
   */
  valueWeights: Record<string, number[]>;
  /**
   * The relation head: for a change of a chosen kind, weights over
   * RELATION_CLASSES (how the number relates to the result: "less",
   * "costlier", "gain", "drop-relative", ...). Its features are the
   * candidate's plus the kind's and the rules' relation (see relationFeatures).
   */
  relationWeights: Record<string, number[]>;
  /** A claim is kept when P(kind) × P(value right) reaches this. */
  threshold: number;
  /**
   * Isotonic calibration of P(kind) × P(value right), fit on out-of-fold
   * predictions: points [mean raw score of a block, share of its claims that
   * were strict-correct], raw ascending, shares non-decreasing, read by linear
   * interpolation (see calibrated). Empty: no calibration.
   */
  calibration: [number, number][];
  /**
   * What the calibration reads (see confidenceInput): weights of logit(P(kind) × P(value right)), of the
   * claim's novelty (the share of its evidence the kind head has no weight for) and a bias, fit with the
   * calibration on out-of-fold predictions. Absent: the calibration reads the raw score.
   */
  confidenceScore?: ConfidenceScore;
}

/** Weights of the score the calibration reads: sigmoid(logit · logit(raw) + novelty · novelty + bias). */
export interface ConfidenceScore {
  logit: number;
  novelty: number;
  bias: number;
}

export interface Verdict {
  kind: ClaimKind | null;
  /** Probability of the chosen class among the allowed ones. */
  confidence: number;
}

/** The relations a relation head chooses among, by kind (the units library's vocabulary; see relations.ts). */
export const RELATION_CLASSES = [
  'factor', 'factor-worse', 'more', 'less', 'to-share', 'costlier', 'fraction-less', 'fraction-of',
  'gain', 'drop', 'gain-relative', 'drop-relative', 'within', 'retains', 'relative-factor',
] as const;
/**
 * Which relations a figure of a kind can take, by how it is written: a factor
 * is a factor or its inverse, a percent a change or a share, a fraction a
 * fraction. Quality values and measurements have one reading each.
 */
const RELATIONS_BY_FORM: Record<string, Record<string, readonly string[]>> = {
  change: {
    factor: ['factor', 'factor-worse'],
    percent: ['more', 'less', 'to-share', 'costlier'],
    fraction: ['fraction-of', 'fraction-less'],
    bare: ['factor', 'factor-worse', 'fraction-less'],
  },
  quality: {
    factor: ['relative-factor'],
    percent: ['gain', 'drop', 'gain-relative', 'drop-relative', 'within', 'retains'],
    points: ['gain', 'drop', 'within'],
    bare: ['gain', 'drop', 'gain-relative', 'drop-relative', 'within'],
  },
};
export function relationsOf(kind: string, form: string): readonly string[] {
  const group = kind === 'speedup' || kind === 'efficiency' ? 'change' : kind === 'quality_delta' ? 'quality' : null;
  return (group && RELATIONS_BY_FORM[group][form]) || [];
}

/** The relation head's features beyond the candidate's: the kind, and the relation the rules read. */
export function relationFeatures(kind: string, ruleRelation: string): string[] {
  return [`kind:${kind}`, `rule-relation:${kind}|${ruleRelation}`];
}

/** The relation head overrides the rules' relation only when it is at least this sure: at 0.5 it also overruled rare phrasings the rules read right ("20% slower"); 0.7 kept the cross-validated gain on unread text. */
const RELATION_OVERRIDE = 0.7;

/** The value head's features beyond the candidate's: the kind, and the kind with the relation and form that produced the value. */
export function valueFeatures(kind: string, relation: string, form: string): string[] {
  return [`kind:${kind}`, `kind×relation:${kind}|${relation}`, `kind×form:${kind}|${form}`];
}

const BOTH = [true, true];

const K = CLASSES.length;
const R = RELATION_CLASSES.length;
const VALUE_AT = K;

/** A candidate's scores: the sums of its features' kind and value weights, and the rows they came from (for the relation head). */
export interface Scores {
  sums: Float64Array;
  /** Row numbers of the features found, in the order they were added. */
  rows: number[];
  /** How many of the candidate's features were looked up (the bias aside), and how many of them the kind head has no weight for. */
  evidence: number;
  unseen: number;
}

/** Columns of a row of the main table: the kinds' weights, then the value head's [wrong, right]. */
const MAIN = K + 2;

/** Scores of no feature: zero sums, no rows. */
export const emptyScores = (): Scores => ({ sums: new Float64Array(MAIN), rows: [], evidence: 0, unseen: 0 });

/**
 * The share of a candidate's evidence the kind head has no weight for: a phrasing, a word or a combination
 * the training data never showed (or showed in fewer sets than minSources). Out of fold, claims with more of
 * it were less often right at the same raw score (the evidence that decided them was thinner), so the
 * calibration reads it beside the raw score (confidenceInput).
 */
export const noveltyOf = (scores: Scores): number => (scores.evidence ? scores.unseen / scores.evidence : 0);

/** The bias feature's family: every candidate has it, so it says nothing about novelty. */
const BIAS_FAMILY = 'bias';
const BIAS_PREFIX = `${BIAS_FAMILY}:`;

/**
 * Indexed once per model: each feature gets a row number, and its weights for
 * the three heads sit in two flat tables (the kind and value heads side by
 * side, the relation head apart), looked up once per candidate (`score`).
 * Flat tables of numbers, rather than a small array object per feature, keep
 * the weights a candidate reads close together in memory. The kind and value
 * heads are summed at once; the relation head reads the same rows later, and
 * only for the figures whose kind is a change.
 */
export class Scorer {
  /** Row number by feature name. */
  private readonly table = new Map<string, number>();
  /** The same rows by family, then by value: "family:value" split at its first colon (a family's name has none). */
  private readonly byFamily = new Map<string, Map<string, number>>();
  /** MAIN weights per row. */
  private readonly main: Float64Array;
  /** R relation weights per row; `hasRelations[row]` says whether the row has any. */
  private readonly relations: Float64Array;
  private readonly hasRelations: Uint8Array;
  /** 1 where the row has kind weights (noveltyOf counts the features without). */
  private readonly hasKind: Uint8Array;
  private readonly hasValueHead: boolean;
  private readonly hasRelationHead: boolean;
  constructor(readonly model: LinearModel) {
    if (model.classes.join() !== CLASSES.join()) throw new Error(`model classes ${model.classes.join()} are not ${CLASSES.join()}`);
    const heads = [model.weights, model.valueWeights ?? {}, model.relationWeights ?? {}];
    for (const head of heads) for (const f of Object.keys(head)) if (!this.table.has(f)) this.table.set(f, this.table.size);
    const n = this.table.size;
    this.main = new Float64Array(n * MAIN);
    this.relations = new Float64Array(n * R);
    this.hasRelations = new Uint8Array(n);
    this.hasKind = new Uint8Array(n);
    for (const [f, w] of Object.entries(model.weights)) {
      this.main.set(w, this.table.get(f)! * MAIN);
      this.hasKind[this.table.get(f)!] = 1;
    }
    for (const [f, w] of Object.entries(model.valueWeights ?? {})) this.main.set(w, this.table.get(f)! * MAIN + VALUE_AT);
    for (const [f, w] of Object.entries(model.relationWeights ?? {})) {
      const row = this.table.get(f)!;
      this.relations.set(w, row * R);
      this.hasRelations[row] = 1;
    }
    for (const [f, row] of this.table) {
      const at = f.indexOf(':');
      if (at < 0) continue; // no feature is named without a family
      const family = f.slice(0, at);
      let values = this.byFamily.get(family);
      if (!values) this.byFamily.set(family, (values = new Map()));
      values.set(f.slice(at + 1), row);
    }
    this.hasValueHead = Object.keys(model.valueWeights ?? {}).length > 0;
    this.hasRelationHead = Object.keys(model.relationWeights ?? {}).length > 0;
  }

  /** Looks a candidate's features up once: the kind and value sums, and the rows found. */
  score(features: string[]): Scores {
    const scores: Scores = emptyScores();
    for (const f of features) {
      const row = this.table.get(f);
      if (row !== undefined) scores.rows.push(row);
      if (f.startsWith(BIAS_PREFIX)) continue;
      scores.evidence++;
      if (row === undefined || !this.hasKind[row]) scores.unseen++;
    }
    this.sum(scores);
    return scores;
  }

  /**
   * score(featureNames(byFamily)), to the bit (the same rows, added in the same
   * order), without building a name per feature: the names were new strings
   * that each lookup had to hash, where most values are constants.
   */
  scoreByFamily(byFamily: FamilyValues, into?: Scores): Scores {
    // `into`, emptied (no rows; sum() writes every sum), is a new Scores: a caller done with the last candidate's
    // scores reuses one, not a typed array and a list per candidate
    const scores: Scores = into ?? emptyScores();
    if (into) into.rows.length = 0;
    let evidence = 0;
    let unseen = 0;
    for (let i = 0; i < byFamily.length; i++) {
      const values = byFamily[i][1];
      const isBias = byFamily[i][0] === BIAS_FAMILY;
      if (!isBias) evidence += values.length;
      const rows = this.familyRows(i, byFamily[i][0]);
      if (!rows) {
        if (!isBias) unseen += values.length;
        continue;
      }
      for (let j = 0; j < values.length; j++) {
        const row = rows.get(values[j]);
        if (row !== undefined) scores.rows.push(row);
        if (!isBias && (row === undefined || !this.hasKind[row])) unseen++;
      }
    }
    scores.evidence = evidence;
    scores.unseen = unseen;
    this.sum(scores);
    return scores;
  }

  /**
   * The rows of the family `name`, the `at`-th of a candidate's families. Every candidate lists the same
   * families in the same order (familyValuesOf), so the family last found at each place is checked first, by
   * its name (the same string each time), before the table: 22 look-ups per candidate saved.
   */
  private familyRows(at: number, name: string): Map<string, number> | undefined {
    if (this.familyNameAt[at] !== name) {
      this.familyNameAt[at] = name;
      this.familyRowsAt[at] = this.byFamily.get(name);
    }
    return this.familyRowsAt[at];
  }
  private readonly familyNameAt: string[] = [];
  private readonly familyRowsAt: (Map<string, number> | undefined)[] = [];

  /**
   * The kind and value sums of a candidate's rows: each column summed over the rows in their order, the same
   * additions in the same order as adding each row's weights in turn (so the same sums to the bit), column by
   * column because V8 ran that in about two thirds of the instructions.
   */
  private sum(scores: Scores) {
    const { rows, sums } = scores;
    for (let k = 0; k < MAIN; k++) sums[k] = this.columnSum(rows, k);
  }
  private columnSum(rows: number[], k: number): number {
    const { main } = this;
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += main[rows[i] * MAIN + k];
    return sum;
  }

  /**
   * The relation head's sum for relation `k` over the rows (those with relation weights), in their order, then
   * over `extra`'s. Only the relations the figure's form allows are summed: mostProbable reads no other sum,
   * and each is the same additions in the same order as adding each row's weights in turn, so the same to the
   * bit (a form allows 2 to 6 of the 15; summed relation by relation, as the kind sums are, see sum()).
   */
  private relationSum(rows: number[], extra: (number | undefined)[], k: number): number {
    const { relations, hasRelations } = this;
    let sum = 0;
    for (let i = 0; i < rows.length; i++) if (hasRelations[rows[i]]) sum += relations[rows[i] * R + k];
    for (let i = 0; i < extra.length; i++) {
      const row = extra[i];
      if (row !== undefined && hasRelations[row]) sum += relations[row * R + k];
    }
    return sum;
  }

  /** The most probable class among the allowed ones, and its probability. */
  kindOf(scores: Scores, allowed: boolean[]): Verdict {
    const [best, p] = mostProbable(scores.sums, K, allowed);
    return { kind: best === 0 ? null : (CLASSES[best] as ClaimKind), confidence: p };
  }

  /**
   * The relation for a figure of this kind: the relation head's choice among
   * the relations its form allows where it is sure enough, else the rules'.
   */
  relationFor(scores: Scores, kind: string, form: string, ruleRelation: string): string {
    const choices = relationsOf(kind, form);
    if (choices.length < 2 || !choices.includes(ruleRelation) || !this.hasRelationHead) return ruleRelation;
    // one zeroed table for every call, not a new one per call (mostProbable reads it before the next call)
    const z = relationSums.fill(0);
    const { allowed, columns } = allowedRelations(choices);
    // relationFeatures(kind, ruleRelation)'s rows, in its order, found once per pair
    const extra = this.rowsOf(this.relationRows, [kind, ruleRelation], () => relationFeatures(kind, ruleRelation));
    for (const k of columns) z[k] = this.relationSum(scores.rows, extra, k);
    const [best, p] = mostProbable(z, R, allowed);
    return p >= RELATION_OVERRIDE ? RELATION_CLASSES[best] : ruleRelation;
  }

  /**
   * Probability that the value read for a figure of this kind is right (1 with no value head): the
   * candidate's sums and the rows of valueFeatures(kind, relation, form), found once per combination
   * (kinds, relations and forms are closed vocabularies) rather than names built and hashed per candidate.
   */
  valueRightFor(scores: Scores, kind: string, relation: string, form: string): number {
    if (!this.hasValueHead) return 1;
    let [wrong, right] = [scores.sums[VALUE_AT], scores.sums[VALUE_AT + 1]];
    for (const row of this.rowsOf(this.valueRows, [kind, relation, form], () => valueFeatures(kind, relation, form))) {
      if (row !== undefined) (wrong += this.main[row * MAIN + VALUE_AT]), (right += this.main[row * MAIN + VALUE_AT + 1]);
    }
    return softmax([wrong, right], BOTH)[1];
  }

  /** Rows of the value and relation heads' extra features, by the words their names are made of (see rowsOf). */
  private readonly valueRows: RowTree = new Map();
  private readonly relationRows: RowTree = new Map();

  /** The rows of `names()` (undefined for a name the model lacks), kept under `keys` after the first call. */
  private rowsOf(tree: RowTree, keys: string[], names: () => string[]): (number | undefined)[] {
    let node = tree;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = node.get(keys[i]) as RowTree | undefined;
      if (!next) node.set(keys[i], (next = new Map()));
      node = next;
    }
    let rows = node.get(keys[keys.length - 1]) as (number | undefined)[] | undefined;
    if (!rows) node.set(keys[keys.length - 1], (rows = names().map((f) => this.table.get(f))));
    return rows;
  }

  /** The most probable class and its probability. */
  decide(features: string[], allowed: boolean[]): Verdict {
    return this.kindOf(this.score(features), allowed);
  }
}

/** log(p / (1 - p)), with p kept a millionth inside (0, 1). */
export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
}

/** 1 / (1 + e^-z): the inverse of logit. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The score the calibration reads for a claim: its raw score, weighed with its novelty (the raw score itself with no weights). */
export function confidenceInput(raw: number, novelty: number, weights?: ConfidenceScore): number {
  if (!weights) return raw;
  return sigmoid(weights.logit * logit(raw) + weights.novelty * novelty + weights.bias);
}

/**
 * A raw score through the calibration: linear between the points around it,
 * flat past the first and the last (the raw score itself where there are
 * none). Interpolating, rather than reading the step a score falls in, keeps
 * the map continuous: with steps, a raw score a hair above a block's edge
 * jumped to the next block's share, and a few claims near an edge moved a
 * whole reliability bucket.
 */
export function calibrated(raw: number, points: [number, number][]): number {
  if (!points.length) return raw;
  if (raw <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (raw > x1) continue;
    const [x0, y0] = points[i - 1];
    return Math.round((y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0)) * 1e3) / 1e3;
  }
  return points.at(-1)![1];
}

/**
 * The fewest claims a step of the calibration is read off. Measured by cross-validation (extractor 2.11.0):
 * with 20, no held-out bucket of the reliability table was out of order, where without it the lowest (10
 * claims under 0.5, 8 right) sat above the next; claims at 0.9 or more were unchanged.
 */
export const MIN_BLOCK = 20;

/**
 * Pool-adjacent violators: the non-decreasing fit of the 0/1 outcomes to the
 * raw scores, as one point per block: [its mean raw score, its share of
 * right claims]. Means strictly increase, so interpolation is well defined.
 * Each share is smoothed as (right + 1) / (n + 2) (a uniform prior on it):
 * a block of five claims all right is not "certain", and the top block no
 * longer reads 1.0 when held-out claims there are 97% right. Smoothing can
 * lower a small block below the one before, so shares are kept
 * non-decreasing. Measured by cross-validation: claims at 0.9 or more went
 * from 94.7% to 95.2% strict-correct, the table stayed monotone.
 *
 * No share is read off fewer than `minBlock` claims (MIN_BLOCK): a block
 * smaller than that is merged with the neighbour whose share is nearer (the
 * smallest first), so a step of three claims all right does not lift the
 * scores around it. Merging neighbours of a non-decreasing sequence keeps it
 * non-decreasing.
 */
export function isotonic(pairs: [number, boolean][], minBlock = MIN_BLOCK): [number, number][] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const blocks: { rawSum: number; sum: number; n: number }[] = [];
  for (const [raw, ok] of sorted) {
    blocks.push({ rawSum: raw, sum: ok ? 1 : 0, n: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.n >= blocks.at(-1)!.sum / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      const prev = blocks.at(-1)!;
      prev.rawSum += last.rawSum;
      prev.sum += last.sum;
      prev.n += last.n;
    }
  }
  mergeSmallBlocks(blocks, minBlock);
  let floor = 0;
  return blocks.map((b) => [Math.round((b.rawSum / b.n) * 1e4) / 1e4, (floor = Math.max(floor, Math.round(((b.sum + 1) / (b.n + 2)) * 1e3) / 1e3))]);
}

/** Merges blocks of fewer than `minBlock` claims into a neighbour, the smallest first, toward the nearer share (the lower on a tie). */
function mergeSmallBlocks(blocks: { rawSum: number; sum: number; n: number }[], minBlock: number): void {
  const share = (b: { sum: number; n: number }) => b.sum / b.n;
  while (blocks.length > 1) {
    let i = -1;
    for (let k = 0; k < blocks.length; k++) if (blocks[k].n < minBlock && (i < 0 || blocks[k].n < blocks[i].n)) i = k;
    if (i < 0) return;
    const toLower = i === blocks.length - 1 || (i > 0 && share(blocks[i]) - share(blocks[i - 1]) <= share(blocks[i + 1]) - share(blocks[i]));
    const at = toLower ? i - 1 : i;
    const [a, b] = [blocks[at], blocks[at + 1]];
    blocks.splice(at, 2, { rawSum: a.rawSum + b.rawSum, sum: a.sum + b.sum, n: a.n + b.n });
  }
}

/**
 * RELATION_CLASSES.map((r) => choices.includes(r)), and the indices where it is true, made once per list of
 * choices (they are RELATIONS_BY_FORM's).
 */
const ALLOWED_RELATIONS = new Map<readonly string[], { allowed: boolean[]; columns: number[] }>();
function allowedRelations(choices: readonly string[]): { allowed: boolean[]; columns: number[] } {
  let entry = ALLOWED_RELATIONS.get(choices);
  if (!entry) {
    const allowed = RELATION_CLASSES.map((r) => choices.includes(r));
    ALLOWED_RELATIONS.set(choices, (entry = { allowed, columns: allowed.flatMap((ok, k) => (ok ? [k] : [])) }));
  }
  return entry;
}

const scratch = new Float64Array(Math.max(K, R));
/** The relation head's sums, zeroed by each relationFor call. */
const relationSums = new Float64Array(R);
/** Rows by the words of a feature's name, one level per word. */
type RowTree = Map<string, RowTree | (number | undefined)[]>;
/**
 * The most probable allowed class of `z[0..n)` and its probability: softmax()
 * and the first index of its largest value, with the same arithmetic in the
 * same order (so the same probabilities to the bit), without its arrays.
 */
function mostProbable(z: ArrayLike<number>, n: number, allowed: boolean[]): [number, number] {
  let max = -Infinity;
  for (let k = 0; k < n; k++) if (allowed[k] && z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < n; k++) sum += scratch[k] = allowed[k] ? Math.exp(z[k] - max) : 0;
  let best = 0;
  let pBest = scratch[0] / sum;
  for (let k = 1; k < n; k++) {
    const p = scratch[k] / sum;
    if (p > pBest) (best = k), (pBest = p);
  }
  return [best, pBest];
}

export function softmax(z: number[], allowed: boolean[]): number[] {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (allowed[k] && z[k] > max) max = z[k];
  const e = z.map((v, k) => (allowed[k] ? Math.exp(v - max) : 0));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
