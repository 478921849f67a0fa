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
 * Creates `<prefix>_<label>_<hex>` on the server of `adminUrl`; `drop()`
 * removes it, even with connections open.
 */
export async function createDatabase(adminUrl, label, prefix = 'cf') {
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
