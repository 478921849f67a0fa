import type { Sql } from '@claimflow/store';

/** Which transactions had committed, as text: equal while no write has committed since. */
export const CURRENT_SNAPSHOT = 'SELECT pg_current_snapshot()::text AS snapshot';

/** A result and the database snapshot it was read in. */
export interface AtSnapshot<R> {
  value: R;
  snapshot: string;
}

/**
 * Runs `read` in one read-only REPEATABLE READ transaction (every query of it
 * sees one snapshot, so the parts agree) and returns the snapshot too, which
 * identifies the result for SnapshotCache. `setup` runs first (SET LOCAL ...).
 */
export function readAtSnapshot<R>(sql: Sql, read: (tx: Sql) => Promise<R>, setup: string[] = []): Promise<AtSnapshot<R>> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const s of setup) await tx.query(s);
    const [{ snapshot }] = await tx.query<{ snapshot: string }>(CURRENT_SNAPSHOT);
    return { snapshot, value: await read(tx) };
  });
}

/**
 * Results that read every claim (/api/stats, the boards index) kept per
 * query along with the snapshot they were read in. A snapshot
 * (pg_current_snapshot(): which transactions had committed) that is unchanged
 * means no write has committed since, so the stored result is exactly what
 * the queries would return; any commit changes it, and the next request reads
 * afresh. Checking costs one trivial query. Least recently used entries go
 * first past `maxEntries`.
 */
export class SnapshotCache<Q extends object, R> {
  private readonly entries = new Map<string, AtSnapshot<R>>();

  constructor(
    private readonly sql: Sql,
    private readonly readAt: (sql: Sql, query: Q) => Promise<AtSnapshot<R>>,
    private readonly maxEntries = 100,
  ) {}

  async get(query: Q): Promise<R> {
    const key = JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    const cached = this.entries.get(key);
    if (cached) {
      const [{ snapshot }] = await this.sql.query<{ snapshot: string }>(CURRENT_SNAPSHOT);
      if (snapshot === cached.snapshot) return this.remember(key, cached);
    }
    return this.remember(key, await this.readAt(this.sql, query));
  }

  private remember(key: string, entry: AtSnapshot<R>): R {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }
}
