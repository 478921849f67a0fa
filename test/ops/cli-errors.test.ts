import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainError } from '@claimflow/service-kit';
import { CLI, claims, freePort, type Result } from '../support/cli.js';
import { freshDatabase, testRedisUrl, type TestDatabase } from '../support/services.js';

/** One line saying what is wrong and what to do, printed once, exit 2 for usage and 1 for a failure. */
function expectOneLine(r: Result, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const human = r.stderr.split('\n').filter((l) => l && !l.startsWith('{')); // pino's JSON log lines aside
  expect(human.filter((l) => pattern.test(l)), r.stderr).toHaveLength(1);
  expect(human.length, r.stderr).toBeLessThanOrEqual(code === 2 ? 2 : 1);
}

describe('usage errors', () => {
  it.each([['failures'], ['retry']])('claims %s --stage bogus: one line naming the stages, exit 2', async (command) => {
    const r = await claims([command, '--stage', 'bogus'], { REDIS_URL: await testRedisUrl() });
    expectOneLine(r, 2, /^claims \w+: --stage: expected one of ingest, extract, normalize, write, got "bogus"$/);
  });

  it('claims run where there is no seeds/ folder says what to give it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'no-seeds-'));
    const r = await new Promise<Result>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'run'], { cwd, env: { ...process.env, DATA_DIR: join(cwd, 'data') } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expectOneLine(r, 1, /^claims: no input given and no batch file in \.\/seeds .*name files or folders/);
  });

  it('PORT=99999 is refused by the configuration, naming PORT', async () => {
    const r = await claims(['api'], { PORT: '99999', DATA_DIR: mkdtempSync(join(tmpdir(), 'port-')) });
    expectOneLine(r, 1, /^claims: invalid environment: PORT: a port is a number from 0 to 65535$/);
  });
});

describe('values a filter does not take say what it does take', () => {
  it('--kind bogus lists the kinds; --limit abc asks for a whole number (not "received NaN")', async () => {
    const kind = await claims(['query', '--kind', 'bogus'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'kind-')) });
    expectOneLine(kind, 2, /^claims query: --kind: expected one of speedup, efficiency, quality_delta, quality_value, measurement/);
    const limit = await claims(['query', '--limit', 'abc'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'limit-')) });
    expectOneLine(limit, 2, /^claims query: --limit: must be a whole number$/);
  });
});

describe('a port already taken', () => {
  let taken: Server;
  let port: number;
  let db: TestDatabase;
  beforeAll(async () => {
    port = await freePort();
    taken = createServer().listen(port);
    db = await freshDatabase('ports');
    expect((await claims(['migrate'], { DATABASE_URL: db.url })).code).toBe(0);
  });
  afterAll(async () => {
    taken?.close();
    await db?.drop();
  });

  it('by the API: one line naming the port and the flag to change it', async () => {
    const r = await claims(['api', '--port', String(port)], { DATABASE_URL: db.url, REDIS_URL: await testRedisUrl() });
    expectOneLine(r, 1, new RegExp(`^claims: port ${port} on .* is already in use by another process: stop it, or choose another port \\(PORT or --port`));
  });

  it("by a worker's health port: the same", async () => {
    const r = await claims(['worker', 'normalize', '--health-port', String(port)], { DATABASE_URL: db.url, REDIS_URL: await testRedisUrl(), QUEUE_PREFIX: `t-ports-${port}` });
    expectOneLine(r, 1, new RegExp(`^claims: port ${port} on .* is already in use .*HEALTH_PORT or --health-port`));
  });
});

describe('store errors are told apart and printed once', () => {
  let db: TestDatabase;
  let server: URL;
  beforeAll(async () => {
    db = await freshDatabase('storeerr');
    server = new URL(db.url);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const url = (user: string, database: string, port = server.port) => `postgres://${user}@${server.hostname}:${port}/${database}`;

  const cases = [
    ['a database that does not exist', () => url(decodeURIComponent(server.username) || 'postgres', 'claimflow_no_such_db'), /database "claimflow_no_such_db" does not exist: create it \(createdb claimflow_no_such_db\) or fix the database name in DATABASE_URL/],
    ['a role that does not exist', () => url('claimflow_no_such_role', 'postgres'), /role "claimflow_no_such_role" does not exist\. Create the role or fix the user in DATABASE_URL/],
    ['a server that is not answering', () => url('postgres', 'x', '1'), /PostgreSQL is not answering at .*:1\/x .*Start it/],
  ] as const;

  for (const [what, databaseUrl, pattern] of cases) {
    it.each([['query'], ['export', '--format', 'csv', '--out', '-'], ['migrate'], ['reprocess', '--all'], ['leaderboard'], ['leaderboard', 'accuracy']])(`${what}: claims %s`, async (...args) => {
      const r = await claims(args, { DATABASE_URL: databaseUrl() });
      expectOneLine(r, 1, pattern);
    });
    it(`${what}: claims status shows it once, beside the queues, and exits 1`, async () => {
      const r = await claims(['status'], { DATABASE_URL: databaseUrl(), REDIS_URL: await testRedisUrl(), QUEUE_PREFIX: 't-storeerr-status' });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout.split('\n').filter((l) => pattern.test(l))).toHaveLength(1);
      expect(r.stderr).not.toMatch(pattern);
    });
  }

  it('a usage error is one, whatever the store: claims leaderboard METRIC --limit abc exits 2 before opening it', async () => {
    const r = await claims(['leaderboard', 'accuracy', '--limit', 'abc'], { DATABASE_URL: url('postgres', 'claimflow_no_such_db') });
    expectOneLine(r, 2, /^claims leaderboard: --limit: must be a whole number$/);
  });

  it('a worker is not told to use the embedded store, which it cannot share', async () => {
    const r = await claims(['worker', 'write'], { DATABASE_URL: url('postgres', 'x', '1'), REDIS_URL: await testRedisUrl(), QUEUE_PREFIX: 't-storeerr-worker' });
    expectOneLine(r, 1, /^claims: PostgreSQL is not answering at .*\. Start it or fix DATABASE_URL\.$/);
    expect(r.stderr).not.toMatch(/embedded/);
  });

  it('a statement timeout says so, with the setting to raise', async () => {
    expect((await claims(['migrate'], { DATABASE_URL: db.url })).code).toBe(0);
    // Another session holds the claims table, so the query waits past its timeout: a real statement timeout.
    const holder = new pg.Client(db.url);
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE claims IN ACCESS EXCLUSIVE MODE');
      const r = await claims(['query', '--kind', 'speedup'], { DATABASE_URL: db.url, STATEMENT_TIMEOUT_MS: '300' });
      expectOneLine(r, 1, /^claims query: a store query ran longer than STATEMENT_TIMEOUT_MS \(300 ms\) and was cancelled: .*raise STATEMENT_TIMEOUT_MS/);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('a refused password says to fix the password (the test server trusts every local user, so the error is built as pg reports it)', () => {
    const err = Object.assign(new Error('password authentication failed for user "analyst"'), { code: '28P01' });
    expect(explainError(err, { DATABASE_URL: 'postgres://analyst:secret@db.example:5432/claims' })).toBe(
      'PostgreSQL at db.example:5432 refused the password: password authentication failed for user "analyst". Fix the password in DATABASE_URL (user:password@host).',
    );
  });
});

describe('claims extract on a file with nothing usable', () => {
  it('an empty file and an all-rejected file exit 1, saying which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-empty-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeFileSync(join(dir, 'bad.jsonl'), '{"title": 1}\n');
    const empty = await claims(['extract', '--in', join(dir, 'empty.jsonl')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/claims extract: no record in .*empty\.jsonl/);
    const bad = await claims(['extract', '--in', join(dir, 'bad.jsonl')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/claims extract: none of the 1 record\(s\) in .*bad\.jsonl is valid/);
  });
});
