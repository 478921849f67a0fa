// Leave-one-pool-out cross-validation of the decision model: for each
// development pool, fit on the other pools and the always-trained sets, then
// score the pool with the contract's scorer. Also the reliability of
// `confidence`: held-out claims bucketed by confidence against how many of
// them are strict-correct.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { ALWAYS, POOLS, fit, goldSpans, labelledCandidates, loadSet } from './model-data.mjs';

export const BUCKETS = [0, 0.5, 0.7, 0.8, 0.9, 0.95];

/** Runs the folds; returns per-pool scorer results, their mean, the pooled result and the reliability table. */
export function crossValidate({ extract, units }, { scorer, tmp, progress = () => {} }) {
  const always = ALWAYS.map(loadSet).filter(Boolean);
  const pools = POOLS.map(loadSet).filter(Boolean);
  if (!pools.length) throw new Error('no development pools: ../shared/dev must sit beside the repository');
  const labelled = new Map([...always, ...pools].map((s) => [s.name, labelledCandidates(s, extract)]));
  const folds = [];
  const judged = []; // [confidence, strict-correct] of every held-out claim
  for (const held of pools) {
    progress(`fold ${held.name}: fitting on ${[...always, ...pools].filter((s) => s !== held).map((s) => s.name).join(', ')}`);
    const model = new extract.Scorer(fit([...always, ...pools.filter((s) => s !== held)], labelled, extract, units));
    const claims = labelled.get(held.name).flatMap(({ paper, candidates }) =>
      extract.decideCandidates(candidates, model).flatMap((d) => units.toClaimRecord(paper.id, d) ?? []),
    );
    folds.push({ name: held.name, papers: held.papers.length, result: score(held, claims, scorer, tmp) });
    judged.push(...strictJudgements(held, claims));
  }
  const mean = (f) => folds.reduce((a, x) => a + f(x.result), 0) / folds.length;
  return {
    folds,
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

const close = (a, b) => a != null && b != null && Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-9);
const overlap = (a, b) => a[0] < b[1] && b[0] < a[1];

/** Each predicted claim with whether it is strict-correct, by the scorer's matching (spans overlap, same kind, unit, value within 1% or accept). */
function strictJudgements(set, claims) {
  const out = [];
  for (const paper of set.papers) {
    const gold = goldSpans(paper, set.gold.filter((g) => g.paperId === paper.id));
    const mine = claims.filter((c) => c.paperId === paper.id);
    const taken = new Set();
    const ok = new Set();
    for (const g of gold) {
      const cands = mine.filter((p) => !taken.has(p) && overlap(p.span, g.span));
      const p = cands.find((c) => c.kind === g.kind) ?? cands[0];
      if (!p) continue;
      taken.add(p);
      const values = [g, ...(g.accept ?? []).map((v) => (typeof v === 'number' ? { value: v } : v))];
      const valueOk = p.unit === g.unit && values.some((c) => (c.value != null ? close(p.value, c.value) : close(p.low, c.low) && close(p.high, c.high)));
      if (p.kind === g.kind && valueOk) ok.add(p);
    }
    for (const p of mine) out.push([p.confidence ?? 0, ok.has(p)]);
  }
  return out;
}
