// The committed weights (./weights.json, written by `npm run train`), loaded once.
import weights from './weights.json' with { type: 'json' };
import { Scorer, type LinearModel } from './linear.js';

let scorer: Scorer | null = null;

/** The decision model the extractor uses unless given another. */
export function defaultScorer(): Scorer {
  return (scorer ??= new Scorer(weights as unknown as LinearModel));
}
