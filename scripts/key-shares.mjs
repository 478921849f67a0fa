#!/usr/bin/env node
// `node scripts/key-shares.mjs [DEV_ABSTRACTS]`: the share of claims with each
// canonical key (metric, setting, baseline) on the dev pools, as the current
// extractor and key tables read them: the table docs/store.md quotes (a test
// holds the two equal). Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { extractClaims } from '@claimflow/extract';
import { claimKeys } from '@claimflow/units';

const file = process.argv[2] ?? new URL('../../shared/dev/dev-abstracts.jsonl', import.meta.url).pathname;

/** The markdown table of key shares per pool (dev-a…, dev-b…, ...) and over all of them. */
export function keyShareTable(text) {
  const pools = new Map();
  const add = (pool, c) => {
    const p = pools.get(pool) ?? { claims: 0, metric: 0, setting: 0, baselines: 0, baseline: 0 };
    const k = claimKeys(c);
    p.claims++;
    if (k.metricKey) p.metric++;
    if (k.settingKeys.length) p.setting++;
    if (c.baseline) p.baselines++;
    if (k.baselineKey) p.baseline++;
    pools.set(pool, p);
  };
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const r = JSON.parse(line);
    const pool = `${String(r.id).slice(0, 5)}…`;
    for (const c of extractClaims(String(r.id), r.abstract)) {
      add(pool, c);
      add('all', c);
    }
  }
  const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(0)} %` : '–');
  const rows = [...pools].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  return [
    '| pool | claims | metric key | setting key | baseline key | baseline key, of claims naming a baseline |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(([pool, p]) => `| ${pool === 'all' ? '**all**' : `\`${pool}\``} | ${p.claims} | ${pct(p.metric, p.claims)} | ${pct(p.setting, p.claims)} | ${pct(p.baseline, p.claims)} | ${pct(p.baseline, p.baselines)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (['--help', '-h'].includes(process.argv[2])) {
    process.stdout.write('usage: node scripts/key-shares.mjs [DEV_ABSTRACTS]   the share of claims with each canonical key per dev pool (the table docs/store.md quotes)\n');
  } else {
    try {
      process.stdout.write(`${keyShareTable(readFileSync(file, 'utf8'))}\n`);
    } catch (e) {
      process.stderr.write(`key-shares: cannot read ${file} (${e.code ?? e.message}): give the dev abstracts' path, or put ../shared beside the repository\n`);
      process.exitCode = 1;
    }
  }
}
