#!/usr/bin/env node
// `npm run audit`: npm audit of the production dependencies, failing on high
// or critical advisories. Where the registry's audit endpoint cannot be reached
// (an offline machine, a proxy that refuses it) it says so and exits 0, unless
// --strict; a real finding always fails.
import { spawnSync } from 'node:child_process';

const strict = process.argv.includes('--strict');
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}

if (!report?.metadata?.vulnerabilities) {
  const reason = report?.message ?? report?.error?.summary ?? `npm audit exited ${run.status}`;
  process.stderr.write(`audit: the registry's audit endpoint did not answer (${reason}); production dependencies NOT audited\n`);
  process.exit(strict ? 2 : 0);
}

const counts = report.metadata.vulnerabilities;
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
for (const [name, v] of serious) {
  const via = v.via.map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ');
  process.stderr.write(`audit: ${v.severity} ${name}@${v.range}: ${via}\n`);
}
process.stderr.write(`audit: production dependencies: ${['critical', 'high', 'moderate', 'low'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}\n`);
process.exit(serious.length ? 1 : 0);
