// Real abstracts for the benchmarks: the seed and dev sets in ../shared (beside
// the repo for the developers and in CI, absent from a user's clone). They are
// read, never copied into the repo; the bench replicates them with fresh ids
// into its scratch folder to reach the sizes it needs.
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = process.env.CLAIMFLOW_SHARED_DIR || fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const REAL_SOURCES = ['seeds/seed-abstracts.jsonl', 'dev/dev-abstracts.jsonl'];

/** Why the real corpus cannot be used here, or null when it can. */
export function realCorpusMissing() {
  const missing = REAL_SOURCES.filter((f) => !existsSync(`${SHARED_DIR}${f}`));
  return missing.length ? `the real corpus is not there (${missing.map((f) => `../shared/${f}`).join(', ')} missing): real-corpus figures are skipped` : null;
}

let cached = null;

/** The real abstracts, `{id, title, abstract}`, seed set first; [] when ../shared is absent. */
export function realAbstracts() {
  if (cached) return cached;
  if (realCorpusMissing()) return (cached = []);
  cached = REAL_SOURCES.flatMap((f) =>
    readFileSync(`${SHARED_DIR}${f}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .filter((r) => typeof r.abstract === 'string' && r.abstract.trim() && typeof r.title === 'string')
      .map((r) => ({ id: String(r.id), title: r.title, abstract: r.abstract })),
  );
  return cached;
}

/**
 * `count` real abstracts in a row, cycling through the set; record i gets the
 * fresh id `real-<startId + i>` (in its title too), so replicated copies are distinct papers and
 * runs with different `startId` never share a row.
 */
export function* replicateReal(count, startId = 0) {
  const base = realAbstracts();
  if (!base.length) throw new Error(realCorpusMissing());
  for (let i = 0; i < count; i++) {
    const a = base[(startId + i) % base.length];
    // The title carries the fresh id too: the writer takes records with the same
    // title and abstract for one paper (paper identity by content), so plain
    // copies were all stored as the 284 originals and every other record was
    // rejected as a duplicate, which measured a writer that wrote almost nothing.
    yield { id: `real-${startId + i}`, title: `${a.title} [real-${startId + i}]`, abstract: a.abstract };
  }
}

/** Writes `count` replicated real abstracts as JSONL (streaming). */
export async function writeRealJsonl(path, { count, startId = 0 }) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buf = '';
  for (const a of replicateReal(count, startId)) {
    buf += JSON.stringify(a) + '\n';
    if (buf.length >= 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return { lines: count };
}

/** Mean characters and claims (as `extract` counts them) per abstract, and claims per 1,000 characters. */
export function corpusShape(abstracts, extract) {
  const chars = abstracts.reduce((n, a) => n + a.abstract.length, 0);
  const claims = extract ? abstracts.reduce((n, a) => n + extract(a.id, a.abstract).length, 0) : null;
  return {
    abstracts: abstracts.length,
    meanChars: chars / abstracts.length,
    claimsPerAbstract: claims == null ? null : claims / abstracts.length,
    claimsPer1kChars: claims == null ? null : (claims / chars) * 1000,
  };
}
