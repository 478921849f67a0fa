// Scores abstracts the rules were not tuned on when first written — the demo
// set (seeds/demo-abstracts.jsonl, hand-checked gold) and the dev set
// (test/fixtures/extraction, see build.mjs), and a holdout set — with the contract's own scorer
// (../shared/eval/score.mjs beside the repository root).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scorer = join(repo, '../shared/eval/score.mjs');
const hasScorer = existsSync(scorer);

const SETS = [
  { name: 'demo', abstracts: join(repo, 'seeds/demo-abstracts.jsonl'), gold: join(repo, 'test/fixtures/demo-gold.jsonl'), floor: 0.9 },
  { name: 'dev', abstracts: join(repo, 'test/fixtures/extraction/dev-abstracts.jsonl'), gold: join(repo, 'test/fixtures/extraction/dev-gold.jsonl'), floor: 0.9 },
  // Written and annotated apart from the rules and first scored only after they were done (0.868): a guard, not a target.
  { name: 'holdout', abstracts: join(repo, 'test/fixtures/holdout-abstracts.jsonl'), gold: join(repo, 'test/fixtures/holdout-gold.jsonl'), floor: 0.85, detection: 0.9 },
];

interface Score {
  strict: { f1: number };
  detection: { f1: number };
}

function score(abstracts: string, gold: string): Score {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-general-'));
  try {
    const pred = join(dir, 'pred.jsonl');
    const lines = readFileSync(abstracts, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => {
      const paper = JSON.parse(l) as { id: string; abstract: string };
      return extractClaims(paper.id, paper.abstract).map((c) => JSON.stringify(c));
    });
    writeFileSync(pred, lines.join('\n') + '\n');
    const out = execFileSync(process.execPath, [scorer, '--abstracts', abstracts, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Score;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('generalization beyond the seed abstracts', () => {
  for (const set of SETS) {
    const title = hasScorer
      ? `${set.name} set: strict F1 ≥ ${set.floor}`
      : `${set.name} set: skipped, the contract scorer ${scorer} is absent (it lives in ../shared beside the repository)`;
    it.skipIf(!hasScorer || !existsSync(set.abstracts))(title, () => {
      const result = score(set.abstracts, set.gold);
      expect(result.strict.f1).toBeGreaterThanOrEqual(set.floor);
      expect(result.detection.f1).toBeGreaterThanOrEqual(set.detection ?? 0.95);
    });
  }
});
