import { loadConfig } from '@claimflow/config';
import { openStore, migrate } from '@claimflow/store';
import { describeStore } from '../cli-context.js';

export const usage = 'claims migrate   apply pending SQL migrations to the store';

export async function run(): Promise<number> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrate: false });
  try {
    const applied = await migrate(store.sql);
    process.stdout.write(`${describeStore(config)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
