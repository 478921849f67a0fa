#!/usr/bin/env node
// Scores the extractor with the contract's scorer (../shared/eval/score.mjs).
//
// usage: npm run eval [-- --cv] [-- --set NAME] [-- --errors] [-- --json]
//   --cv: leave-one-pool-out cross-validation: for each dev pool, fit the
//         model on the other pools and the seed, score the pool; per-pool and
//         mean scores, and the reliability of confidence (the honest numbers)
//   no --set: one table with the committed weights — seed gold, the whole dev
//             set, each of its six pools, and the project's own fixtures
//             (demo, holdout, holdout-2025, holdout-2025b, holdout-2025c, ours; the holdouts are never
//             trained on); the pools were fit to, so these overstate
//   --set NAME: one set only (seed, dev, dev-a … dev-f, demo, holdout,
//             holdout-2025, holdout-2025b, holdout-2025c, ours);
//             with --errors, every miss of that set
// Needs the shared contract folder beside the repo (../shared); the project's
// own fixtures score without it when a scorer is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { SETS, readJsonl, root, shared } from './lib/model-data.mjs';

const scorer = join(shared, 'eval/score.mjs');
const POOL_NAMES = { 'dev-a': 'vision proceedings', 'dev-b': 'ML proceedings', 'dev-c': 'language proceedings', 'dev-d': '2025 arXiv (LaTeX)', 'dev-e': 'proceedings and 2025 arXiv', 'dev-f': '2025 arXiv, another source' };

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const setArg = argv.indexOf('--set');
const only = setArg >= 0 ? argv[setArg + 1] : null;
if (flag('--help') || flag('-h')) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2);
  const usage = lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))); // the comment block at the top
  process.stdout.write(usage.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
if (only && !SETS[only]) {
  console.error(`eval: unknown --set ${only}; one of ${Object.keys(SETS).join(', ')}`);
  process.exit(2);
}
if (!existsSync(scorer)) {
  console.error(`eval: the scorer is missing (${scorer}): the shared contract folder must sit beside the repository as ../shared`);
  process.exit(2);
}
const lib = join(root, 'shared/extract/dist/index.js');
if (!existsSync(lib)) {
  console.error('eval: shared/extract is not built; run `npm run build` first');
  process.exit(2);
}
const { extractClaims, EXTRACTOR_VERSION } = await import(pathToFileURL(lib).href);

const tmp = mkdtempSync(join(tmpdir(), 'claimflow-eval-'));

/** Scores one set; null when its files are absent. */
function score(name, withErrors) {
  const set = SETS[name];
  if (![set.abstracts, set.gold].every(existsSync)) return null;
  const keep = (id) => !set.prefix || id.startsWith(set.prefix);
  const papers = readJsonl(set.abstracts).filter((p) => keep(p.id));
  const gold = readJsonl(set.gold).filter((g) => keep(g.paperId));
  const files = { abstracts: join(tmp, `${name}.abstracts.jsonl`), gold: join(tmp, `${name}.gold.jsonl`), pred: join(tmp, `${name}.pred.jsonl`) };
  writeFileSync(files.abstracts, papers.map((p) => JSON.stringify(p)).join('\n') + '\n');
  writeFileSync(files.gold, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  writeFileSync(files.pred, papers.flatMap((p) => extractClaims(p.id, p.abstract).map((c) => JSON.stringify(c))).join('\n') + '\n');
  const args = [scorer, '--abstracts', files.abstracts, '--gold', files.gold, '--pred', files.pred, '--json', ...(withErrors ? ['--errors'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scorer failed on ${name}: ${run.stderr.trim()}`);
  const lines = run.stdout.trim().split('\n');
  return { name, papers: papers.length, result: JSON.parse(lines.at(-1)), errors: lines.slice(0, -1) };
}

const f = (x) => x.toFixed(3);

/** `--cv`: the cross-validation table and the reliability of confidence. */
async function crossValidation() {
  const { crossValidate } = await import('./lib/cross-validate.mjs');
  const units = await import(pathToFileURL(join(root, 'shared/units/dist/index.js')).href);
  const extract = await import(pathToFileURL(lib).href);
  const cv = crossValidate({ extract, units }, { scorer, tmp, progress: (m) => process.stderr.write(`eval: ${m}\n`) });
  if (flag('--json')) return console.log(JSON.stringify({ extractor: EXTRACTOR_VERSION, ...cv }));
  console.log(`extractor ${EXTRACTOR_VERSION}, leave-one-pool-out cross-validation (each pool scored by a model fit without it)`);
  console.log('pool       papers  gold  pred  detection (R)    typed  strict  (P / R)          context');
  for (const { name, papers, result: r } of cv.folds) {
    console.log(
      `${name.padEnd(10)} ${String(papers).padStart(6)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}` +
        `  ${f(r.detection.f1)} (${f(r.detection.r)})  ${f(r.typed.f1)}  ${f(r.strict.f1)}  (${f(r.strict.p)} / ${f(r.strict.r)})  ${f(r.context)}`,
    );
  }
  const m = cv.mean;
  console.log(`${'mean'.padEnd(10)} ${''.padStart(18)}  ${f(m.detection)} (${f(m.detectionRecall)})  ${f(m.typed)}  ${f(m.strict)}  ${''.padStart(17)}  ${f(m.context)}`);
  console.log('\nreliability of confidence (held-out claims of all folds)');
  console.log('confidence    claims  strict-correct');
  for (const b of cv.reliability) {
    console.log(`${f(b.low)}-${f(b.high)}  ${String(b.claims).padStart(6)}  ${b.strictPrecision == null ? '   -' : f(b.strictPrecision)}`);
  }
  console.log(`confidence >= 0.9: ${cv.confident.claims} claims, ${cv.confident.strictPrecision == null ? '-' : f(cv.confident.strictPrecision)} strict-correct`);
}

try {
  if (flag('--cv')) {
    await crossValidation();
    process.exit(process.exitCode ?? 0);
  }
  const names = only ? [only] : Object.keys(SETS);
  const rows = names.map((n) => score(n, flag('--errors'))).filter(Boolean);
  if (!rows.length) throw new Error(`nothing to score: ${shared} holds no seed or dev set`);
  if (flag('--json')) {
    console.log(JSON.stringify({ extractor: EXTRACTOR_VERSION, sets: rows.map(({ name, papers, result }) => ({ name, papers, ...result })) }));
  } else {
    if (flag('--errors')) for (const r of rows) for (const e of r.errors) console.log(e);
    console.log(`extractor ${EXTRACTOR_VERSION}`);
    console.log('set        papers  gold  pred  detection  typed  strict  (P / R)        context');
    for (const { name, papers, result: r } of rows) {
      const label = POOL_NAMES[name] ? `  ${name}` : name;
      console.log(
        `${label.padEnd(10)} ${String(papers).padStart(6)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}` +
          `  ${f(r.detection.f1).padStart(9)}  ${f(r.typed.f1)}  ${f(r.strict.f1)}  (${f(r.strict.p)} / ${f(r.strict.r)})  ${f(r.context)}`,
      );
    }
  }
} catch (e) {
  console.error(`eval: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
