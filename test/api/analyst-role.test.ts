import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOverdueAnalystQueries, openStore } from '@claimflow/store';
import { claims } from '../support/cli.js';
import { testDbPrefix } from '../support/pg-database.mjs';
import { freshDatabase, type TestDatabase } from '../support/services.js';

/** `claims migrate --analyst-role NAME`: a read-only login role with its own statement timeout, its password from the environment. */
describe('claims migrate --analyst-role', () => {
  let db: TestDatabase;
  const role = `${testDbPrefix()}_analyst_${randomBytes(4).toString('hex')}`;
  const asUser = (user: string) => {
    const url = new URL(db.url);
    url.username = user;
    url.password = '';
    return url.toString();
  };
  const query = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await freshDatabase('analyst-role');
  });
  afterAll(async () => {
    // A role outlives databases: drop the database (and the grants in it) first, then the role.
    await db?.drop();
    const admin = new URL(db.url);
    admin.pathname = '/postgres';
    await query(admin.toString(), `DROP ROLE IF EXISTS ${role}`).catch(() => {});
  });

  it('creates the role: reads every table and view, writes nothing, stops long queries', async () => {
    const r = await claims(['migrate', '--analyst-role', role], { DATABASE_URL: db.url, ANALYST_PASSWORD: 'correct horse battery', ANALYST_STATEMENT_TIMEOUT_MS: '1500' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`analyst role ${role} created: read-only, statement_timeout 1500 ms, with the password from ANALYST_PASSWORD`);
    expect(r.stdout).not.toContain('correct horse');
    const [pw] = await query(db.url, `SELECT rolpassword IS NOT NULL AS has FROM pg_authid WHERE rolname = '${role}'`);
    expect(pw.has).toBe(true);
    // This test server trusts loopback, so the role logs in without its password here.
    const as = asUser(role);
    expect(await query(as, 'SELECT count(*)::int AS n FROM leaderboard_entries')).toEqual([{ n: 0 }]);
    expect(await query(as, 'SELECT count(*)::int AS n FROM keyed_claims')).toEqual([{ n: 0 }]);
    expect((await query(as, 'SHOW statement_timeout'))[0].statement_timeout).toBe('1500ms');
    await expect(query(as, "INSERT INTO batches (id, name, created_at) VALUES ('x', 'x', now())")).rejects.toThrow(/read-only/);
    await expect(query(as, 'SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
  });

  it('updates the role when run again, and refuses a bad name or a short password with one line', async () => {
    const again = await claims(['migrate', '--analyst-role', role], { DATABASE_URL: db.url, ANALYST_PASSWORD: undefined, ANALYST_STATEMENT_TIMEOUT_MS: '2500' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`analyst role ${role} updated`);
    expect((await query(asUser(role), 'SHOW statement_timeout'))[0].statement_timeout).toBe('2500ms');
    const bad = await claims(['migrate', '--analyst-role', 'Robert"; DROP TABLE claims;--'], { DATABASE_URL: db.url });
    expect(bad.code).toBe(2); // a bad argument: refused before anything is migrated
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('is not a role name');
    const short = await claims(['migrate', '--analyst-role', role], { DATABASE_URL: db.url, ANALYST_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('claims migrate: ANALYST_PASSWORD: must be at least 8 characters\n');
    expect((await claims(['migrate', '--help'])).stdout).toMatch(/^usage: claims migrate \[--analyst-role NAME\]/);
  });

  it('cannot outlast its timeout by lifting it: the session may SET it, the watch cancels the statement', async () => {
    const r = await claims(['migrate', '--analyst-role', role], { DATABASE_URL: db.url, ANALYST_STATEMENT_TIMEOUT_MS: '1000' });
    expect(r.code, r.stderr).toBe(0);
    const client = new pg.Client({ connectionString: asUser(role) });
    await client.connect();
    const owner = await openStore({ databaseUrl: db.url, dataDir: null, migrate: false });
    try {
      // PostgreSQL lets any role change a user-context setting for itself:
      await client.query('SET statement_timeout = 0');
      expect((await client.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('0');
      const started = Date.now();
      const sleeping = client.query('SELECT pg_sleep(20)');
      const settled = sleeping.then(() => 'finished', (err: Error) => err.message);
      await new Promise((res) => setTimeout(res, 300));
      expect(await cancelOverdueAnalystQueries(owner.sql, role)).toEqual([]); // not yet past 1 s
      let cancelled: number[] = [];
      while (!cancelled.length && Date.now() - started < 5000) {
        await new Promise((res) => setTimeout(res, 200));
        cancelled = await cancelOverdueAnalystQueries(owner.sql, role);
      }
      expect(cancelled).toHaveLength(1);
      expect(await settled).toMatch(/canceling statement due to user request/);
      expect(Date.now() - started).toBeLessThan(5000);
      // and a statement within the limit is left alone
      await client.query('SELECT pg_sleep(0.1)');
    } finally {
      await client.end();
      await owner.close();
    }
  });
});
