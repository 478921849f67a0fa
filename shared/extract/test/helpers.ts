import { extractClaims } from '../src/index.js';

/** Claims of one sentence, compact: text, kind, value (or [low, high]), unit, qualifier. */
export function claimsOf(sentence: string) {
  // a first sentence that names the work, so the second is read as a result
  const text = `We propose a method. ${sentence}`;
  return extractClaims('test', text).map((c) => ({
    text: c.text,
    kind: c.kind,
    value: c.value ?? [c.low, c.high],
    unit: c.unit,
    qualifier: c.qualifier,
    metric: c.metric,
    baseline: c.baseline,
  }));
}

/** The single claim of a sentence (fails the test if there is not exactly one). */
export function onlyClaim(sentence: string) {
  const all = claimsOf(sentence);
  if (all.length !== 1) throw new Error(`expected one claim in "${sentence}", got ${JSON.stringify(all)}`);
  return all[0];
}

export const near = (a: number | (number | null)[], b: number) => typeof a === 'number' && Math.abs(a - b) < 1e-3 * Math.max(1, Math.abs(b));
