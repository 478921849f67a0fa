import { claimIdFor } from '@claimflow/readers';
import { migrate } from './migrate.js';
import { PgliteSql } from './pglite-sql.js';
import { PgSql } from './pg-sql.js';
import { Store } from './store.js';

export interface StoreOptions {
  /** PostgreSQL URL; unset: the embedded store in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded store; null keeps it in memory. */
  dataDir: string | null;
  statementTimeoutMs?: number;
  /** Apply pending migrations on open (the one-shot `claims migrate` does it in compose). */
  migrate?: boolean;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const sql = opts.databaseUrl
    ? await PgSql.connect(opts.databaseUrl, opts.statementTimeoutMs ?? 5000)
    : await PgliteSql.open(opts.dataDir);
  try {
    if (opts.migrate ?? true) await migrate(sql);
  } catch (err) {
    await sql.close();
    throw err;
  }
  return new Store(sql, (paperId, c) => claimIdFor(paperId, c.span, c.kind));
}
