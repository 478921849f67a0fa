#!/usr/bin/env node
// Scores the extractor on the seed gold with the contract's scorer.
// usage: npm run eval [-- --errors] [-- --set seed|demo|dev]
//   seed (default): ../shared seed abstracts and gold
//   demo: seeds/demo-abstracts.jsonl with test/fixtures/demo-gold.jsonl
//   dev:  test/fixtures/extraction/dev-abstracts.jsonl with dev-gold.jsonl
// Extraction goes through the `claims` CLI when it is installed, else through
// the built library (shared/extract/dist), so the figures match either path.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const scorer = join(shared, 'eval/score.mjs');
const setArg = process.argv.indexOf('--set');
const set = setArg > 0 ? process.argv[setArg + 1] : 'seed';
const SETS = {
  seed: [join(shared, 'seeds/seed-abstracts.jsonl'), join(shared, 'gold/seed.jsonl')],
  demo: [join(root, 'seeds/demo-abstracts.jsonl'), join(root, 'test/fixtures/demo-gold.jsonl')],
  dev: [join(root, 'test/fixtures/extraction/dev-abstracts.jsonl'), join(root, 'test/fixtures/extraction/dev-gold.jsonl')],
};
if (!SETS[set]) {
  console.error(`eval: unknown --set ${set} (seed, demo or dev)`);
  process.exit(2);
}
const [abstracts, gold] = SETS[set];

if (!existsSync(shared) || ![abstracts, gold, scorer].every(existsSync)) {
  console.error(`eval: the shared contract folder is missing (expected ${shared} with seeds/, gold/ and eval/score.mjs).`);
  console.error('eval: it lives next to the repository, not in it; nothing to score without it.');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'claimflow-eval-'));
const pred = join(tmp, 'pred.jsonl');
try {
  const cli = join(root, 'node_modules/.bin/claims');
  if (existsSync(cli)) {
    const run = spawnSync(cli, ['extract', '--in', abstracts, '--out', pred], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`claims extract exited with ${run.status}`);
  } else {
    const lib = join(root, 'shared/extract/dist/index.js');
    if (!existsSync(lib)) throw new Error('shared/extract is not built: run `npx tsc -b shared/extract` first');
    const { extractClaims } = await import(pathToFileURL(lib).href);
    const lines = [];
    for (const line of readFileSync(abstracts, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const paper = JSON.parse(line);
      for (const claim of extractClaims(paper.id, paper.abstract)) lines.push(JSON.stringify(claim));
    }
    writeFileSync(pred, lines.join('\n') + '\n');
  }
  const passThrough = process.argv.slice(2).filter((a) => a === '--errors' || a === '--json');
  const score = spawnSync(process.execPath, [scorer, '--abstracts', abstracts, '--gold', gold, '--pred', pred, ...passThrough], { stdio: 'inherit' });
  process.exitCode = score.status ?? 1;
} catch (e) {
  console.error(`eval: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
