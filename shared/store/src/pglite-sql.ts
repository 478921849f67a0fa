import { PGlite, type Transaction } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { lockDataDir } from './data-dir-lock.js';
import { hasPgliteTemplate, initDataDir, PGLITE_CONF } from './pglite-template.js';
import type { Param, Sql } from './sql.js';
import { serveReads } from './store-socket.js';

type Queryable = Pick<PGlite, 'query'> | Transaction;

class PgliteTxSql implements Sql {
  readonly kind = 'pglite' as const;
  constructor(private readonly tx: Queryable) {}
  async query<T>(text: string, params: Param[] = []): Promise<T[]> {
    return (await this.tx.query<T>(text, params as unknown[])).rows;
  }
  async copyIn(table: string, columns: readonly string[], text: string): Promise<void> {
    // PGlite has no COPY FROM STDIN; it reads a blob handed to the query as the file /dev/blob.
    await this.tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {}
}

/** The embedded store: PostgreSQL compiled to WASM, in a local folder. */
export class PgliteSql implements Sql {
  readonly kind = 'pglite' as const;

  /** Stops serving other processes' reads (store-socket.ts); set when the store is in a folder. */
  private stopServing: (() => Promise<void>) | null = null;

  private constructor(
    private readonly db: PGlite,
    private readonly unlock: () => void,
  ) {}

  /** `dir` null: in memory (tests). */
  static async open(dir: string | null): Promise<PgliteSql> {
    const unlock = dir ? lockDataDir(dir) : () => {};
    try {
      const path = dir ? `${dir}/pglite` : undefined;
      // A new folder is made from the build's template, in a child process (see pglite-template.ts).
      if (path && !existsSync(`${path}/PG_VERSION`) && hasPgliteTemplate()) await initDataDir(path);
      const db = await PGlite.create(path, { postgresqlconf: PGLITE_CONF });
      const sql = new PgliteSql(db, unlock);
      if (dir) sql.stopServing = await serveReads(sql, dir);
      return sql;
    } catch (err) {
      unlock();
      throw err;
    }
  }

  async query<T>(text: string, params: Param[] = []): Promise<T[]> {
    return (await this.db.query<T>(text, params as unknown[])).rows;
  }

  copyIn(table: string, columns: readonly string[], text: string): Promise<void> {
    return this.transaction((tx) => tx.copyIn(table, columns, text));
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new PgliteTxSql(tx)));
  }

  async close(): Promise<void> {
    try {
      await this.stopServing?.();
      await this.db.close();
    } finally {
      this.unlock();
    }
  }
}
