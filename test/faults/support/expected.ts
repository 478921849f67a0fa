import { extractClaims } from '@claimflow/extract';
import { checkRecord, claimIdFor, readRecords } from '@claimflow/readers';
import type { Store } from '@claimflow/store';

export interface Expected {
  /** claim id → its normalized value, as a clean run stores it */
  claims: Map<string, string>;
  /** lines that must be stored, and lines that must be rejected */
  goodLines: Set<number>;
  badLines: Set<number>;
  papers: Map<string, { title: string; abstract: string }>;
}

const valueKey = (c: { value: number | null; low: number | null; high: number | null; unit: string; kind: string }) =>
  JSON.stringify([c.kind, c.value, c.low, c.high, c.unit]);

/**
 * What a clean run stores for a file, computed in-process with the same
 * libraries: every valid record (the first line of a repeated id) and its claims.
 */
export async function expectedFor(file: string, name = file): Promise<Expected> {
  const e: Expected = { claims: new Map(), goodLines: new Set(), badLines: new Set(), papers: new Map() };
  for await (const raw of readRecords(file)) {
    const r = checkRecord(raw, name);
    if ('rejection' in r || e.papers.has(r.paper.id)) {
      e.badLines.add(raw.line);
      continue;
    }
    e.goodLines.add(raw.line);
    e.papers.set(r.paper.id, { title: r.paper.title, abstract: r.paper.abstract });
    for (const c of extractClaims(r.paper.id, r.paper.abstract)) e.claims.set(claimIdFor(c.paperId, c.span, c.kind), valueKey(c));
  }
  return e;
}

export interface Comparison {
  expected: number;
  found: number;
  duplicates: number;
  lost: number;
  wrong: number;
}

/** The store against a clean run: claims by id and value, and every record accounted for exactly once. */
export async function compareStore(store: Store, batchId: string, e: Expected): Promise<Comparison & { goodStored: number; badRejected: number }> {
  const rows = await store.sql.query<{ id: string; kind: string; value: number | null; low: number | null; high: number | null; unit: string }>(
    `SELECT c.id, c.kind, c.value, c.low, c.high, c.unit FROM claims c
     WHERE c.paper_id IN (SELECT paper_id FROM batch_records WHERE batch_id = $1)`,
    [batchId],
  );
  const seen = new Map<string, number>();
  let wrong = 0;
  for (const r of rows) {
    seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    const want = e.claims.get(r.id);
    if (want !== undefined && want !== valueKey(r)) wrong++;
  }
  const lines = await store.sql.query<{ line: number; n: number }>('SELECT line, count(*)::int AS n FROM batch_records WHERE batch_id = $1 GROUP BY line', [batchId]);
  const rejected = await store.sql.query<{ line: number }>('SELECT line FROM rejections WHERE batch_id = $1', [batchId]);
  const recordDuplicates = lines.filter((l) => l.n > 1).length;
  return {
    expected: e.claims.size,
    found: rows.length,
    duplicates: [...seen.values()].filter((n) => n > 1).length + recordDuplicates + rows.filter((r) => !e.claims.has(r.id)).length,
    lost: [...e.claims.keys()].filter((id) => !seen.has(id)).length,
    wrong,
    goodStored: lines.filter((l) => e.goodLines.has(l.line)).length,
    badRejected: rejected.filter((r) => e.badLines.has(r.line)).length,
  };
}
