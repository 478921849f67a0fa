/** Parameters a query takes: the values pg and PGlite both serialize. */
export type Param = string | number | boolean | null | Date | readonly (string | number | boolean | null)[];

/**
 * The one query interface the store is written against. `pg` and PGlite both
 * implement it, so the same SQL runs on a server and embedded.
 */
export interface Sql {
  readonly kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: Param[]): Promise<T[]>;
  /**
   * Loads rows into a table with COPY ... FROM (text format: see copy-text.ts):
   * from STDIN on PostgreSQL, from a blob on PGlite. Inside a transaction it
   * runs in that transaction (the writer's staging tables live only there).
   */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it commits, or none. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
