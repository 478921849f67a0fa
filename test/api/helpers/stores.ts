import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '@claimflow/store';
import pg from 'pg';

/** The real PostgreSQL the tests run against (trust auth); each test file gets its own database. */
export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const BACKENDS = ['postgres', 'pglite'] as const;
export type Backend = (typeof BACKENDS)[number];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(PG_ADMIN_URL);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestStore {
  store: Store;
  /** Closes the store and drops its database. */
  close(): Promise<void>;
}

/**
 * A migrated, empty store: a fresh `claimflow_api_<random>` database on the
 * PostgreSQL server, or an in-memory PGlite.
 */
export async function openTestStore(backend: Backend, statementTimeoutMs = 5000): Promise<TestStore> {
  if (backend === 'pglite') {
    const store = await openStore({ dataDir: null });
    return { store, close: () => store.close() };
  }
  const name = `claimflow_api_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const store = await openStore({ databaseUrl: url, dataDir: null, statementTimeoutMs });
  return {
    store,
    async close() {
      await store.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
