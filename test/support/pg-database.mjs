// A fresh PostgreSQL database per test file or bench run; shared by test/support/services.ts and test/bench/lib/util.mjs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs one statement on the admin database, closing the client whatever happens. */
async function onAdmin(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * What every database and role the tests and benchmarks make on a server
 * starts with: TEST_DB_PREFIX, default `cf` (README, "Development"). A
 * prefix of one's own keeps them apart from anything else on a shared server.
 */
export function testDbPrefix() {
  const prefix = process.env.TEST_DB_PREFIX || 'cf';
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix)) {
    throw new Error(`TEST_DB_PREFIX: expected lower-case letters, digits and _ (starting with a letter or _), at most 31 characters, got "${prefix}"`);
  }
  return prefix;
}

/**
 * Creates `<prefix>_<label>_<hex>` on the server of `adminUrl` (prefix:
 * TEST_DB_PREFIX, or TEST_DB_PREFIX_bench for the benchmarks); `drop()`
 * removes it, even with connections open.
 */
export async function createDatabase(adminUrl, label, prefix = testDbPrefix()) {
  const name = `${prefix}_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
