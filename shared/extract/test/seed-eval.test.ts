// Scores the extractor on the seed gold with the contract's own scorer, when
// the shared contract folder (../shared next to the repository) is present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';

const shared = fileURLToPath(new URL('../../../../shared', import.meta.url));
const abstracts = join(shared, 'seeds/seed-abstracts.jsonl');
const gold = join(shared, 'gold/seed.jsonl');
const scorer = join(shared, 'eval/score.mjs');
const present = [abstracts, gold, scorer].every((p) => existsSync(p));

describe('seed gold', () => {
  it.skipIf(!present)(`strict F1 ≥ 0.90 and detection F1 ≥ 0.95 (skipped when ${shared} is absent)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimflow-seed-'));
    try {
      const pred = join(dir, 'pred.jsonl');
      const lines = readFileSync(abstracts, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => {
        const paper = JSON.parse(l) as { id: string; abstract: string };
        return extractClaims(paper.id, paper.abstract).map((c) => JSON.stringify(c));
      });
      writeFileSync(pred, lines.join('\n') + '\n');
      const out = execFileSync(process.execPath, [scorer, '--abstracts', abstracts, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' });
      const result = JSON.parse(out.trim().split('\n').at(-1)!);
      expect(result.strict.f1).toBeGreaterThanOrEqual(0.9);
      expect(result.detection.f1).toBeGreaterThanOrEqual(0.95);
      expect(result.context).toBeGreaterThanOrEqual(0.6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
