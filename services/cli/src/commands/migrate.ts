import { parseArgs } from 'node:util';
import { loadConfig } from '@claimflow/config';
import { analystRoleEnv, ensureAnalystRole, migrate, openStore } from '@claimflow/store';
import { describeStore } from '../cli-context.js';

export const usage =
  'claims migrate [--analyst-role NAME]   apply pending SQL migrations; with --analyst-role, create or update a read-only login role (password from ANALYST_PASSWORD, timeout ANALYST_STATEMENT_TIMEOUT_MS)';

export async function run(argv: string[] = []): Promise<number> {
  let values: { 'analyst-role'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'analyst-role': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`claims migrate: ${(err as Error).message}\nusage: ${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`usage: ${usage}\n`);
    return 0;
  }
  let env: ReturnType<typeof analystRoleEnv> | null = null;
  if (values['analyst-role']) {
    try {
      env = analystRoleEnv(process.env);
    } catch (err) {
      process.stderr.write(`claims migrate: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrate: false });
  try {
    const applied = await migrate(store.sql);
    process.stdout.write(`${describeStore(config)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
    const role = values['analyst-role'];
    if (role && env) {
      const done = await ensureAnalystRole(store.sql, { name: role, ...env });
      const how = env.password ? 'with the password from ANALYST_PASSWORD' : 'without a password (ANALYST_PASSWORD unset: it logs in only where pg_hba trusts it)';
      process.stdout.write(`analyst role ${role} ${done}: read-only, statement_timeout ${env.statementTimeoutMs} ms, ${how}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`claims migrate: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
