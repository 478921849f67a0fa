#!/usr/bin/env node
// Fits the extractor's decision model to every annotated set and writes
// shared/extract/src/model/weights.json (then `npm run build` ships it).
//
// usage: npm run train [-- --check]
//   --check: fit, compare with the committed weights, exit 1 if they differ
//
// Training data: the seed gold and the six development pools in ../shared
// (beside the repository), and the project's own annotated fixtures. The fit
// is deterministic: the same data give the same file, byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALWAYS, POOLS, fitCalibrated, labelledCandidates, libraries, loadSet, modelText, root } from './lib/model-data.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const unknown = argv.find((a) => a !== '--check');
if (unknown) {
  console.error(`train: unknown option ${unknown}; see npm run train -- --help`);
  process.exit(2);
}

try {
  const { extract, units } = await libraries();
  const always = ALWAYS.map(loadSet);
  const pools = POOLS.map(loadSet);
  const sets = [...always, ...pools];
  const missing = [...ALWAYS, ...POOLS].filter((_, i) => !sets[i]);
  if (missing.length) throw new Error(`training data missing (${missing.join(', ')}): ../shared must sit beside the repository`);
  const started = Date.now();
  process.stderr.write(`train: reading candidates of ${sets.reduce((n, s) => n + s.papers.length, 0)} abstracts\n`);
  const labelled = new Map(sets.map((s) => [s.name, labelledCandidates(s, extract)]));
  const progress = (m) => process.stderr.write(`train: ${m}\n`);
  const text = modelText(fitCalibrated(always, pools, labelled, extract, units, progress));
  const target = join(root, 'shared/extract/src/model/weights.json');
  if (argv.includes('--check')) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === text;
    console.log(same ? 'train: the committed weights equal a fresh fit' : 'train: the committed weights differ from a fresh fit; run npm run train and commit the result');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(target, text);
    const dist = join(root, 'shared/extract/dist/model/weights.json');
    if (existsSync(dist)) writeFileSync(dist, text); // the built package uses it at once
    console.log(`train: wrote ${target} (${Object.keys(JSON.parse(text).weights).length} features, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} catch (e) {
  console.error(`train: ${e.message}`);
  process.exitCode = 1;
}
