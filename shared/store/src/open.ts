import { claimIdFor } from '@claimflow/readers';
import { migrate } from './migrate.js';
import { PgliteSql } from './pglite-sql.js';
import { PgSql } from './pg-sql.js';
import { Store } from './store.js';
import { StoreInUseError } from './data-dir-lock.js';
import { SocketSql } from './store-socket.js';
import type { Sql } from './sql.js';
import type { ClaimIdFn } from './write-papers.js';

export interface StoreOptions {
  /** PostgreSQL URL; unset: the embedded store in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded store; null keeps it in memory. */
  dataDir: string | null;
  statementTimeoutMs?: number;
  /** Apply pending migrations on open (the one-shot `claims migrate` does it in compose). */
  migrate?: boolean;
  /**
   * Only reads will be made: where another process holds the embedded store
   * (`claims api`, `claims run`), its reads are served through that process
   * (store-socket.ts) instead of refusing with the lock error.
   */
  readOnly?: boolean;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const claimId: ClaimIdFn = (paperId, c) => claimIdFor(paperId, c.span, c.kind);
  let sql: Sql;
  try {
    sql = opts.databaseUrl
      ? await PgSql.connect(opts.databaseUrl, opts.statementTimeoutMs ?? 5000)
      : await PgliteSql.open(opts.dataDir);
  } catch (err) {
    const held = err instanceof StoreInUseError && opts.readOnly && opts.dataDir;
    const remote = held ? await SocketSql.connect(opts.dataDir!).catch(() => null) : null;
    if (!remote) throw err;
    // The holder has migrated its store; this process only reads through it.
    return new Store(remote, claimId);
  }
  try {
    if (opts.migrate ?? true) await migrate(sql);
  } catch (err) {
    await sql.close();
    throw err;
  }
  return new Store(sql, claimId);
}
