// Leave-one-pool-out cross-validation of the decision model: for each
// development pool, fit on the other pools and the always-trained sets, then
// score the pool with the contract's scorer. Also the reliability of
// `confidence`: each held-out pool's claims are calibrated with the
// calibration fit on the other pools' out-of-fold predictions, bucketed, and
// set against how many of them are strict-correct.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { ALWAYS, POOLS, calibrationOf, labelledCandidates, loadSet, outOfFold } from './model-data.mjs';

export const BUCKETS = [0, 0.5, 0.7, 0.8, 0.9, 0.95];

/** Runs the folds; returns per-pool scorer results, their mean, and the reliability table. */
export function crossValidate({ extract, units }, { scorer, tmp, progress = () => {} }) {
  const always = ALWAYS.map(loadSet).filter(Boolean);
  const pools = POOLS.map(loadSet).filter(Boolean);
  if (!pools.length) throw new Error('no development pools: ../shared/dev must sit beside the repository');
  const labelled = new Map([...always, ...pools].map((s) => [s.name, labelledCandidates(s, extract)]));
  const folds = outOfFold(always, pools, labelled, extract, units, progress);
  const judged = folds.flatMap((fold) => {
    const { confidenceScore, calibration } = calibrationOf(folds.filter((f) => f !== fold).flatMap((f) => f.judged), extract);
    return fold.judged.map(([raw, ok, novelty]) => [extract.calibrated(extract.confidenceInput(raw, novelty, confidenceScore), calibration), ok]);
  });
  const results = folds.map(({ set, claims }) => ({ name: set.name, papers: set.papers.length, result: score(set, claims, scorer, tmp) }));
  const mean = (f) => results.reduce((a, x) => a + f(x.result), 0) / results.length;
  return {
    folds: results,
    mean: {
      strict: mean((r) => r.strict.f1),
      typed: mean((r) => r.typed.f1),
      detection: mean((r) => r.detection.f1),
      detectionRecall: mean((r) => r.detection.r),
      context: mean((r) => r.context),
    },
    reliability: BUCKETS.map((low, i) => {
      const high = BUCKETS[i + 1] ?? 1.0001;
      const inBucket = judged.filter(([c]) => c >= low && c < high);
      const correct = inBucket.filter(([, ok]) => ok).length;
      return { low, high: Math.min(high, 1), claims: inBucket.length, strictPrecision: inBucket.length ? correct / inBucket.length : null };
    }),
    /** Claims with confidence ≥ 0.9 and the share of them strict-correct. */
    confident: (() => {
      const top = judged.filter(([c]) => c >= 0.9);
      return { claims: top.length, strictPrecision: top.length ? top.filter(([, ok]) => ok).length / top.length : null };
    })(),
  };
}

function score(set, claims, scorer, tmp) {
  const files = { abstracts: join(tmp, `${set.name}.a.jsonl`), gold: join(tmp, `${set.name}.g.jsonl`), pred: join(tmp, `${set.name}.p.jsonl`) };
  const lines = (xs) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  writeFileSync(files.abstracts, lines(set.papers));
  writeFileSync(files.gold, lines(set.gold));
  writeFileSync(files.pred, lines(claims));
  const run = spawnSync(process.execPath, [scorer, '--abstracts', files.abstracts, '--gold', files.gold, '--pred', files.pred, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scorer failed on ${set.name}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}
