import { parseArgs } from 'node:util';
import { loadConfig } from '@claimflow/config';
import { analystRoleEnv, ensureAnalystRole, migrate, openStore, ROLE_NAME } from '@claimflow/store';
import { describeStore } from '../cli-context.js';

export const usage = 'claims migrate [--analyst-role NAME]   apply pending SQL migrations to the store (DATABASE_URL, else the embedded store in DATA_DIR)';
export const options = [
  '  --analyst-role NAME   also create or update a read-only login role NAME',
  '                        (password from ANALYST_PASSWORD, statement timeout ANALYST_STATEMENT_TIMEOUT_MS)',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'analyst-role': { type: 'string' } } });
  const role = values['analyst-role'];
  // the role's name and settings are checked before anything is migrated: one line, exit 2
  let env: ReturnType<typeof analystRoleEnv> | null = null;
  if (role) {
    if (!ROLE_NAME.test(role)) return refuse(`--analyst-role: "${role}" is not a role name (lower-case letters, digits and _, starting with a letter or _)`);
    try {
      env = analystRoleEnv(process.env);
    } catch (err) {
      return refuse((err as Error).message);
    }
  }
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrate: false });
  try {
    const applied = await migrate(store.sql);
    process.stdout.write(`${describeStore(config)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
    if (role && env) {
      const done = await ensureAnalystRole(store.sql, { name: role, ...env });
      const how = env.password ? 'with the password from ANALYST_PASSWORD' : 'without a password (ANALYST_PASSWORD unset: it logs in only where pg_hba trusts it)';
      process.stdout.write(`analyst role ${role} ${done}: read-only, statement_timeout ${env.statementTimeoutMs} ms, ${how}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

function refuse(message: string): number {
  process.stderr.write(`claims migrate: ${message}\n`);
  return 2;
}
