import { openStore, type Store } from '@claimflow/store';
import { freshDatabase } from '../../support/services.js';

export { testRedisUrl } from '../../support/services.js';

export const BACKENDS = ['postgres', 'pglite'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface TestStore {
  store: Store;
  /** Closes the store and drops its database. */
  close(): Promise<void>;
}

/** A migrated, empty store: a fresh database on the test PostgreSQL server, or an in-memory PGlite. */
export async function openTestStore(backend: Backend, statementTimeoutMs = 5000): Promise<TestStore> {
  if (backend === 'pglite') {
    const store = await openStore({ dataDir: null });
    return { store, close: () => store.close() };
  }
  const db = await freshDatabase('api');
  const store = await openStore({ databaseUrl: db.url, dataDir: null, statementTimeoutMs });
  return {
    store,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}
