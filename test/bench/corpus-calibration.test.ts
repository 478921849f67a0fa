import { describe, expect, it } from 'vitest';
import { generateAbstracts, generateAnnotatedAbstracts } from '@claimflow/corpus';
import { extractClaims } from '@claimflow/extract';
import { corpusShape, realAbstracts, realCorpusMissing } from './lib/real-corpus.mjs';

/**
 * The synthetic corpus stands in for real abstracts where ../shared is
 * absent (a user's clone), so it must be shaped like them: the real seed and
 * dev sets average 1,290 (dev) to 1,621 (seed) characters, about 1,390 together,
 * with about 1.9 claims per abstract.
 */
const SEED = 20261129; // the bench's seed
const synthetic = [...generateAbstracts({ seed: SEED, count: 1000 })];
const missing = realCorpusMissing();

describe('the synthetic corpus is calibrated to real abstracts', () => {
  it('is as long as the real sets: between the dev and the seed set on average', () => {
    const { meanChars } = corpusShape(synthetic);
    expect(meanChars).toBeGreaterThanOrEqual(1290);
    expect(meanChars).toBeLessThanOrEqual(1620);
  });

  it('plants about two claims per abstract, some abstracts none', () => {
    const planted = [...generateAnnotatedAbstracts({ seed: SEED, count: 1000 })].map((a) => a.planted.length);
    const mean = planted.reduce((a, b) => a + b, 0) / planted.length;
    expect(mean).toBeGreaterThan(1.8);
    expect(mean).toBeLessThan(3);
    expect(planted.filter((n) => n === 0).length).toBeGreaterThan(30);
  });

  it.skipIf(missing)(`finds as many claims per abstract and per character as in the real sets${missing ? ` (skipped: ${missing})` : ''}`, () => {
    const real = corpusShape(realAbstracts(), extractClaims);
    const syn = corpusShape(synthetic, extractClaims);
    // Within a quarter: the extractor is measured on text that keeps it as busy as real text does.
    expect(syn.meanChars / real.meanChars).toBeGreaterThan(0.85);
    expect(syn.meanChars / real.meanChars).toBeLessThan(1.2);
    expect(syn.claimsPerAbstract! / real.claimsPerAbstract!).toBeGreaterThan(0.75);
    expect(syn.claimsPerAbstract! / real.claimsPerAbstract!).toBeLessThan(1.25);
    expect(syn.claimsPer1kChars! / real.claimsPer1kChars!).toBeGreaterThan(0.75);
    expect(syn.claimsPer1kChars! / real.claimsPer1kChars!).toBeLessThan(1.25);
  });
});
