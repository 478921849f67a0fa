import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Param, Sql } from './sql.js';
import { storeConnectError } from './store-errors.js';

class PgClientSql implements Sql {
  readonly kind = 'postgres' as const;
  constructor(private readonly client: pg.PoolClient) {}
  async query<T>(text: string, params: Param[] = []): Promise<T[]> {
    return (await this.client.query(text, params as unknown[])).rows as T[];
  }
  async copyIn(table: string, columns: readonly string[], text: string): Promise<void> {
    await pipeline(Readable.from([text]), this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {}
}

/**
 * PostgreSQL through a pool; every session gets a statement timeout, and no
 * JIT: the writer's statements touch a few hundred rows, but on a large table
 * whose statistics lag (autovacuum off or behind) their estimated cost passes
 * jit_above_cost and each compiles for ~100 ms to run for 1 ms.
 */
export class PgSql implements Sql {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(url: string, statementTimeoutMs: number, max = 4) {
    this.pool = new pg.Pool({ connectionString: url, max, statement_timeout: statementTimeoutMs || undefined, options: '-c jit=off' });
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
  }

  static async connect(url: string, statementTimeoutMs: number): Promise<PgSql> {
    const sql = new PgSql(url, statementTimeoutMs);
    try {
      await sql.query('SELECT 1');
    } catch (err) {
      await sql.close();
      throw storeConnectError(err, url);
    }
    return sql;
  }

  async query<T>(text: string, params: Param[] = []): Promise<T[]> {
    return (await this.pool.query(text, params as unknown[])).rows as T[];
  }

  copyIn(table: string, columns: readonly string[], text: string): Promise<void> {
    return this.transaction((tx) => tx.copyIn(table, columns, text));
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A server that goes away mid-transaction makes the checked-out client emit
    // 'error'; unhandled, that would crash the process instead of failing the job.
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn(new PgClientSql(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken ??= err as Error;
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.off('error', onError);
      // A client that failed is discarded rather than returned to the pool.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
