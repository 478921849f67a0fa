import { parseArgs } from 'node:util';
import { loadConfig } from '@claimflow/config';
import { openStore, migrate } from '@claimflow/store';
import { describeStore } from '../cli-context.js';

export const usage = 'claims migrate   apply pending SQL migrations to the store (DATABASE_URL, else the embedded store in DATA_DIR)';

export async function run(argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {} });
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
