// Scores the extractor on the seed gold with the contract's own scorer, when
// the shared contract folder (../shared next to the repository) is present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SCORER, SHARED, score } from './scoring.js';

const abstracts = join(SHARED, 'seeds/seed-abstracts.jsonl');
const gold = join(SHARED, 'gold/seed.jsonl');
const present = HAS_SCORER && existsSync(abstracts) && existsSync(gold);

describe('seed gold', () => {
  it.skipIf(!present)(`strict F1 ≥ 0.90 and detection F1 ≥ 0.95 (skipped when ${SHARED} is absent)`, () => {
    const result = score(abstracts, gold);
    expect(result.strict.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.detection.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.context).toBeGreaterThanOrEqual(0.6);
  });
});
