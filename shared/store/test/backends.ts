import { freshDatabase } from '../../../test/support/services.js';
import { openStore, type Store } from '../src/index.js';

export interface OpenedStore {
  store: Store;
  cleanup: () => Promise<void>;
}

/** The two stores a store test runs on, for describe.each: PGlite in memory, and a fresh PostgreSQL database named after `label`. */
export function storeBackends(label: string): [string, () => Promise<OpenedStore>][] {
  return [
    ['embedded PGlite', async () => {
      const store = await openStore({ dataDir: null });
      return { store, cleanup: () => store.close() };
    }],
    ['PostgreSQL', async () => {
      const db = await freshDatabase(label);
      const store = await openStore({ databaseUrl: db.url, dataDir: null });
      return { store, cleanup: async () => { await store.close(); await db.drop(); } };
    }],
  ];
}
