// Scores the extractor over an abstracts file with the contract's own scorer
// (../shared/eval/score.mjs beside the repository), for the eval tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../src/index.js';

export const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const SCORER = join(SHARED, 'eval/score.mjs');
export const HAS_SCORER = existsSync(SCORER);

export interface Score {
  strict: { f1: number };
  detection: { f1: number };
  context: number;
}

export function score(abstracts: string, gold: string): Score {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-score-'));
  try {
    const pred = join(dir, 'pred.jsonl');
    const lines = readFileSync(abstracts, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => {
      const paper = JSON.parse(l) as { id: string; abstract: string };
      return extractClaims(paper.id, paper.abstract).map((c) => JSON.stringify(c));
    });
    writeFileSync(pred, lines.join('\n') + '\n');
    const out = execFileSync(process.execPath, [SCORER, '--abstracts', abstracts, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Score;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
