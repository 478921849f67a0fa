// The decision model: multinomial logistic regression over named features.
// At run time it is a sparse dot product and a softmax over the classes the
// candidate allows; no ML runtime. Weights come from `npm run train`
// (./train.ts) and live in ./weights.json with their provenance.
import { CLAIM_KINDS, type ClaimKind } from '@claimflow/schemas';

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
}

export interface Verdict {
  kind: ClaimKind | null;
  /** Probability of the chosen class among the allowed ones. */
  confidence: number;
}

/** Indexed once per model: a feature's weights by name. */
export class Scorer {
  private readonly table: Map<string, number[]>;
  constructor(readonly model: LinearModel) {
    if (model.classes.join() !== CLASSES.join()) throw new Error(`model classes ${model.classes.join()} are not ${CLASSES.join()}`);
    this.table = new Map(Object.entries(model.weights));
  }

  /** Class probabilities for one candidate; a class not allowed gets 0. */
  probabilities(features: string[], allowed: boolean[]): number[] {
    const z = new Array<number>(CLASSES.length).fill(0);
    for (const f of features) {
      const w = this.table.get(f);
      if (w) for (let k = 0; k < z.length; k++) z[k] += w[k];
    }
    return softmax(z, allowed);
  }

  /** The most probable class and its probability. */
  decide(features: string[], allowed: boolean[]): Verdict {
    const p = this.probabilities(features, allowed);
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return { kind: best === 0 ? null : (CLASSES[best] as ClaimKind), confidence: p[best] };
  }
}

export function softmax(z: number[], allowed: boolean[]): number[] {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (allowed[k] && z[k] > max) max = z[k];
  const e = z.map((v, k) => (allowed[k] ? Math.exp(v - max) : 0));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
