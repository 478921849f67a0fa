import { Rng } from '@claimflow/corpus';
import { HOSTILE } from './fuzz.js';

const PARAMS = ['kind', 'unit', 'min', 'max', 'qualifier', 'metric', 'setting', 'paper', 'batch', 'q', 'sort', 'cursor', 'limit', 'format', 'offset', '__proto__', 'constructor'];
const VALUES = [
  ...HOSTILE,
  '', ' ', '-1', '0', '1e309', '-1e309', 'NaN', 'Infinity', '99999999999999999999999', '1.5.5', '0x10', 'speedup', 'x', 'pp',
  'value', 'recent', 'paper', '1000', '1001', '%00', '%', '_', '\\', "'", '"', '\u0000', '\ud800', 'a'.repeat(10_000),
  '!!!', 'foo & bar | !baz', '"unbalanced', '-', ':*', '<->', 'eyJ2IjoxfQ', 'W10=', 'WyJ2IiwxLCJ4Il0', 'null', '[]', '{}',
];
/** Header values must be printable ASCII for any client to send them. */
const HEADER_VALUES = VALUES.filter((v) => /^[\x20-\x7e]{0,200}$/.test(v));
const PATHS = ['/api/claims', '/api/claims.csv', '/api/claims.jsonl', '/api/stats', '/api/batches', '/api/papers/', '/api/batches/', '/docs/json', '/', '/healthz', '/nope'];
const BODIES = ['', '{', '{"records": 5}', '{"records": [{"title": 1}]}', '[]', 'title,abstract\n"unterminated', '\u0000\u0001\u0002', JSON.stringify({ records: [{ title: "'; DROP TABLE papers;--", abstract: '<script>' }] })];
const TYPES = ['application/json', 'application/x-ndjson', 'text/csv', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x'];

/** Percent-encodes anything, a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
function encodeHostile(s: string): string {
  return s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '%ED%A0%80' : encodeURIComponent(c)));
}

export interface FuzzRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Random and hostile requests, deterministic by seed. */
export function* hostileRequests(seed: number, count: number, token: string): Generator<FuzzRequest> {
  for (let i = 0; i < count; i++) {
    const r = new Rng(seed, i);
    if (r.next() < 0.2) {
      const auth: Record<string, string> = r.next() < 0.5 ? { authorization: `Bearer ${r.next() < 0.5 ? token : r.pick(HEADER_VALUES)}` } : {};
      yield { method: 'POST', url: '/api/batches', headers: { 'content-type': r.pick(TYPES), ...auth }, body: r.pick(BODIES) };
      continue;
    }
    let path = r.pick(PATHS);
    if (path.endsWith('/') && path !== '/') path += encodeHostile(r.pick(VALUES)).slice(0, 2000);
    const query = Array.from({ length: r.int(0, 5) }, () => `${encodeHostile(r.pick(PARAMS))}=${encodeHostile(r.pick(VALUES))}`).join('&');
    yield { method: 'GET', url: query ? `${path}?${query}` : path, headers: {} };
  }
}

export interface FuzzOutcome {
  requests: number;
  serverErrors: { url: string; status: number; body: string }[];
  unexplained: { url: string; status: number }[];
  slowest: { url: string; ms: number };
}

/** Sends every request; a 5xx, or a 4xx without a message, is a finding. */
export async function fuzzApi(base: string, requests: Iterable<FuzzRequest>): Promise<FuzzOutcome> {
  const out: FuzzOutcome = { requests: 0, serverErrors: [], unexplained: [], slowest: { url: '', ms: 0 } };
  for (const req of requests) {
    out.requests++;
    const started = performance.now();
    const res = await fetch(base + req.url, { method: req.method, headers: req.headers, body: req.body });
    const body = await res.text();
    const ms = performance.now() - started;
    if (ms > out.slowest.ms) out.slowest = { url: req.url.slice(0, 200), ms: Math.round(ms) };
    if (res.status >= 500) out.serverErrors.push({ url: req.url.slice(0, 200), status: res.status, body: body.slice(0, 300) });
    else if (res.status >= 400) {
      let message: unknown;
      try {
        message = JSON.parse(body).message;
      } catch {
        message = undefined;
      }
      if (typeof message !== 'string' || !message) out.unexplained.push({ url: req.url.slice(0, 200), status: res.status });
    }
  }
  return out;
}
