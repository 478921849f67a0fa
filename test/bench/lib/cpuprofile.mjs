// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by package.
import { readFileSync } from 'node:fs';

/** "compromise", "zod", "@claimflow/extract", "node:internal", … for a script URL. */
export function packageOf(url) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node (core)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ws = /\/(shared|services)\/([^/]+)\//.exec(url);
  if (ws) return `@claimflow/${ws[2]}`;
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/**
 * What a function is part of, in the terms the profile table uses: the
 * extractor's rules, compromise, JSON, zod, the queue layer, the database
 * driver, logging, … Native frames without a script are V8's own work, but
 * JSON.parse/stringify show up as native `parse`/`stringify`.
 */
export function categoryOf(functionName, url) {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (!url) return /^(parse|stringify|JSONParse|JSONStringify)$/.test(functionName) ? 'JSON' : 'V8 / native';
  const pkg = packageOf(url);
  if (pkg === 'compromise') return 'compromise';
  if (pkg === 'zod') return 'zod';
  if (/^(bullmq|ioredis|@ioredis\/.*|redis-parser|redis-errors|msgpackr|cluster-key-slot|denque|standard-as-callback|lodash\..*)$/.test(pkg)) return 'ioredis / BullMQ';
  if (/^(pg|pg-.*|pgpass|postgres-.*|@electric-sql\/.*)$/.test(pkg)) return 'pg';
  if (/^(pino|pino-.*|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)$/.test(pkg)) return 'logging (pino)';
  if (pkg === '@claimflow/extract') return 'extraction rules';
  if (pkg === '@claimflow/units') return 'unit normalization';
  if (pkg === '@claimflow/store') return 'store (SQL building)';
  if (pkg === '@claimflow/readers') return 'readers (ids, validation)';
  if (pkg.startsWith('@claimflow/')) return 'claimflow (other)';
  if (pkg === 'node (core)') return 'node core';
  return 'other packages';
}

const shortUrl = (url) => (url ? url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(shared|services)\//, '$1/') : '');

/**
 * `window` ([fromUs, toUs] on the system's monotonic clock, as
 * process.hrtime gives it in any process) keeps only the samples taken while
 * the timed batch ran, so start-up (module loading) does not count.
 */
export function summarizeProfile(path, top = 12, window = null, records = null) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window[0] || at > window[1])) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    self.set(node.id, (self.get(node.id) ?? 0) + dt);
    total += dt;
  }
  const idle = [...self].filter(([id]) => byId.get(id).callFrame.functionName === '(idle)').reduce((n, [, t]) => n + t, 0);
  const busy = total - idle;
  const fns = new Map();
  const pkgs = new Map();
  const cats = new Map();
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') continue;
    const key = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + t);
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : functionName === '(program)' ? '(program)' : packageOf(url);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + t);
    const cat = categoryOf(functionName, url);
    cats.set(cat, (cats.get(cat) ?? 0) + t);
  }
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, ms: Math.round(t / 1000), share: busy ? t / busy : 0 }));
  // Every category, not only the top ones: the table must add up to the process's busy time.
  const byCategory = [...cats]
    .sort((a, b) => b[1] - a[1])
    .map(([name, t]) => ({ name, ms: t / 1000, msPerAbstract: records ? t / 1000 / records : null, share: busy ? t / busy : 0 }));
  return { file: path, wallMs: Math.round(total / 1000), busyMs: Math.round(busy / 1000), records, topFunctions: rank(fns), topPackages: rank(pkgs), byCategory };
}
