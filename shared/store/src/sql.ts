/** Parameters a query takes: the values pg and PGlite both serialize. */
export type Param = string | number | boolean | null | Date | readonly (string | number | boolean | null)[];

/**
 * The one query interface the store is written against. `pg` and PGlite both
 * implement it, so the same SQL runs on a server and embedded.
 */
export interface Sql {
  readonly kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: Param[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of it commits, or none. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
