// Fits the decision model: multinomial logistic regression with an L2 prior,
// full-batch Adam for a fixed number of steps over features in sorted order,
// so the same examples give the same weights, byte for byte. Small enough
// (a few thousand candidates, a few thousand features) to need no library.
import { CLASSES, logit, sigmoid, softmax, type ConfidenceScore } from './linear.js';

export interface Example {
  features: string[];
  /** Index into CLASSES. */
  label: number;
  /** Which classes the candidate can take (see Candidate.decisionFor). */
  allowed: boolean[];
  /** The set of abstracts it comes from (a dev pool, the seed, our fixtures); an example with none stands for itself. */
  source?: string;
}

export const TRAIN_SETTINGS = {
  /** L2 strength per example: keeps rare features from memorizing their few papers. */
  l2: 0.002,
  steps: 300,
  learningRate: 0.05,
  /** A feature seen in fewer training candidates than this gets no weight. */
  minCount: 2,
  /**
   * A feature seen in fewer sets of abstracts (sources) than this gets no weight: a word or a
   * phrasing that only one pool uses is more likely its authors' habit than evidence that holds on
   * new text. Cross-validated (each pool held out, so its own words count for nothing): mean strict
   * 0.881 -> 0.883, dev-a, dev-b and dev-d one or two claims up, dev-f unchanged (docs/extraction.md).
   */
  minSources: 2,
};

export type TrainSettings = typeof TRAIN_SETTINGS;

/** Fits weights for `classes` classes (the kinds by default; 2 for the value head). */
export function train(examples: Example[], settings: TrainSettings = TRAIN_SETTINGS, classes = CLASSES.length): Record<string, number[]> {
  const K = classes;
  const counts = new Map<string, number>();
  const sources = new Map<string, Set<unknown>>();
  for (const e of examples) {
    for (const f of new Set(e.features)) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      let seenIn = sources.get(f);
      if (!seenIn) sources.set(f, (seenIn = new Set()));
      seenIn.add(e.source ?? e);
    }
  }
  const vocabulary = [...counts].filter(([f, n]) => n >= settings.minCount && sources.get(f)!.size >= settings.minSources).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = examples.map((e) => ({ ...e, ids: [...new Set(e.features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])).sort((a, b) => a - b) }));
  const W = new Float64Array(vocabulary.length * K);
  const m = new Float64Array(W.length);
  const v = new Float64Array(W.length);
  const grad = new Float64Array(W.length);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const n = rows.length;
  for (let step = 1; step <= settings.steps; step++) {
    grad.fill(0);
    for (const row of rows) {
      const z = new Array<number>(K).fill(0);
      for (const i of row.ids) for (let k = 0; k < K; k++) z[k] += W[i * K + k];
      const p = softmax(z, row.allowed);
      for (let k = 0; k < K; k++) {
        const g = (p[k] - (k === row.label ? 1 : 0)) / n;
        if (g !== 0) for (const i of row.ids) grad[i * K + k] += g;
      }
    }
    for (let j = 0; j < W.length; j++) {
      const g = grad[j] + settings.l2 * W[j];
      m[j] = b1 * m[j] + (1 - b1) * g;
      v[j] = b2 * v[j] + (1 - b2) * g * g;
      const mh = m[j] / (1 - b1 ** step);
      const vh = v[j] / (1 - b2 ** step);
      W[j] -= (settings.learningRate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), (x) => Math.round(x * 1e4) / 1e4);
    if (w.some((x) => x !== 0)) weights[f] = w;
  });
  return weights;
}

/** fitConfidenceScore's ridge: enough to keep Newton's steps defined on separable claims, too small to move the fit. */
const RIDGE = 1e-3;

/** One out-of-fold claim: its raw score, its novelty (noveltyOf) and whether it was strict-correct. */
export type Judged = [raw: number, ok: boolean, novelty: number];

/**
 * The weights of the score the calibration reads (confidenceInput): a logistic regression of whether an
 * out-of-fold claim was strict-correct on logit(raw score), its novelty and a bias, fit by Newton's method
 * for a fixed number of steps (deterministic; three weights need no more). A tiny ridge keeps the steps
 * defined where the claims are separable. Only the order of the scores matters to the isotonic map read
 * after it: the novelty weight against the logit's says how much less sure a claim is for its unseen evidence.
 */
export function fitConfidenceScore(judged: Judged[]): ConfidenceScore {
  const rows = judged.map(([raw, ok, novelty]) => ({ x: [logit(raw), novelty, 1], y: ok ? 1 : 0 }));
  let w = [1, 0, 0];
  for (let step = 0; step < 25; step++) {
    const g = [0, 0, 0];
    const h = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (const { x, y } of rows) {
      const p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
      for (let i = 0; i < 3; i++) {
        g[i] += (p - y) * x[i];
        for (let j = 0; j < 3; j++) h[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 0; i < 3; i++) (g[i] += RIDGE * w[i]), (h[i][i] += RIDGE);
    const d = solve3(h, g);
    w = w.map((v, i) => v - d[i]);
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { logit: round(w[0]), novelty: round(w[1]), bias: round(w[2]) };
}

/** Solves the 3×3 system a·x = b by Gaussian elimination with partial pivoting. */
function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  for (let i = 0; i < 3; i++) {
    let p = i;
    for (let k = i + 1; k < 3; k++) if (Math.abs(m[k][i]) > Math.abs(m[p][i])) p = k;
    [m[i], m[p]] = [m[p], m[i]];
    for (let k = i + 1; k < 3; k++) {
      const f = m[k][i] / m[i][i];
      for (let j = i; j <= 3; j++) m[k][j] -= f * m[i][j];
    }
  }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = m[i][3];
    for (let j = i + 1; j < 3; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return x;
}
