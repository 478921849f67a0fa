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
 * driver, logging, … A native frame (no script: a compiled RegExp, a
 * builtin) counts for the code that called it (`callerUrl`): the rules'
 * regexes are extraction rules, a Buffer builtin under pg is pg. JSON.parse
 * and JSON.stringify count as JSON where V8 gives them a frame of their own;
 * where it inlines them, their time is their caller's: BullMQ's Job.fromJSON
 * and asJSON are all but JSON, so they count as JSON (job payloads); the
 * JSON pg builds for jsonb parameters stays in pg.
 */
export function categoryOf(functionName, url, callerUrl = null) {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (!url && /^(parse|stringify|JSONParse|JSONStringify)$/.test(functionName) && !callerUrl?.includes('node:internal/url')) return 'JSON';
  if (!url && callerUrl) return categoryOf('', callerUrl);
  if (!url) return 'V8 / native';
  // claims run's embedded store: PostgreSQL itself is WASM; PGlite's JS around it (protocol, in-memory file system) is apart from pg.
  if (url.startsWith('wasm://')) return 'PostgreSQL (PGlite WASM)';
  const pkg = packageOf(url);
  if (pkg === '@electric-sql/pglite') return 'PGlite (JS)';
  // BullMQ's Job.fromJSON / asJSON are JSON.parse / JSON.stringify of the payload, inlined: their self time is JSON.
  if (pkg === 'bullmq' && /^(fromJSON|asJSON|toJSON)$/.test(functionName)) return 'JSON (job payloads)';
  if (pkg === 'compromise') return 'compromise';
  if (pkg === 'zod') return 'zod';
  if (/^(bullmq|ioredis|@ioredis\/.*|redis-parser|redis-errors|msgpackr|cluster-key-slot|denque|standard-as-callback|lodash\..*)$/.test(pkg)) return 'ioredis / BullMQ';
  if (/^(pg|pg-.*|pgpass|postgres-.*)$/.test(pkg)) return 'pg';
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
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n);
  /** The script of the nearest caller that has one (for native frames). */
  const callerUrl = (id) => {
    for (let p = parentOf.get(id); p; p = parentOf.get(p.id)) if (p.callFrame.url) return p.callFrame.url;
    return null;
  };
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
    const cat = categoryOf(functionName, url, url ? null : callerUrl(id));
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
