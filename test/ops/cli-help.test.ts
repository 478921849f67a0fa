import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { claims, freePort, ServiceProcess } from '../support/cli.js';
import { freshDatabase, testRedisUrl, type TestDatabase } from '../support/services.js';

/** Every command and subcommand answers --help and -h on stdout with exit 0, starting nothing; unknown flags are refused. */
const COMMANDS = ['extract', 'run', 'ingest', 'worker', 'worker extract', 'api', 'status', 'query', 'export', 'rejections', 'failures', 'retry', 'migrate', 'reprocess',
  'harvest', 'harvest arxiv-oai', 'harvester', 'search', 'search save'];

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

describe('claims --help', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let port: number;
  beforeAll(async () => {
    db = await freshDatabase('help');
    port = await freePort();
    // Were any command to start anything, it would use these: a fresh database, a free port, an unreachable Redis.
    env = { DATABASE_URL: db.url, PORT: String(port), HEALTH_PORT: String(port), REDIS_URL: 'redis://127.0.0.1:1', DATA_DIR: mkdtempSync(join(tmpdir(), 'help-')) };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each(['--help', '-h', 'help'])('claims %s lists every command on stdout, exit 0', async (flag) => {
    const r = await claims([flag]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of ['extract', 'run', 'ingest', 'worker', 'api', 'status', 'query', 'export', 'rejections', 'failures', 'retry', 'migrate', 'reprocess', 'harvest', 'harvester', 'search']) {
      expect(r.stdout).toContain(`claims ${c}`);
    }
  });

  it('claims help run is claims run --help', async () => {
    const a = await claims(['help', 'run']);
    const b = await claims(['run', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it.each(COMMANDS.flatMap((c) => [[c, '--help'], [c, '-h']]))('claims %s %s: usage and options on stdout, exit 0', async (command, flag) => {
    const r = await claims([...command.split(' '), flag], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: claims ${command.split(' ')[0]}`));
  });

  it('asking for help starts nothing: no server on the port, no migration, no wait on a connection', async () => {
    // What printing usage costs on this machine now: a help that tried a connection (its Redis is unreachable) would take far longer.
    // Relative to it, not to a fixed time, so a loaded machine slows both alike.
    const timed = async (args: string[]) => {
      const t0 = Date.now();
      const r = await claims(args, env);
      expect(r.code, args.join(' ')).toBe(0);
      return Date.now() - t0;
    };
    const plain = await timed(['--help']);
    for (const args of [['api', '--help'], ['api', '--port', String(port), '-h'], ['worker', 'extract', '--help'], ['migrate', '--help'], ['run', '--help'], ['harvester', '--help'], ['harvest', 'hf-daily', '--help']]) {
      expect(await timed(args), args.join(' ')).toBeLessThan(plain * 3 + 3000);
    }
    expect(await listening(port)).toBe(false);
    const client = new pg.Client(db.url);
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'");
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it.each(COMMANDS.filter((c) => c !== 'worker'))('claims %s --bogus is refused with the usage, exit 2', async (command) => {
    const r = await claims([...command.split(' '), '--bogus'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^claims ${command.split(' ')[0]}: .*--bogus`));
    expect(lines[1]).toMatch(/^usage: claims /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command, and no command, are usage errors on stderr, exit 2', async () => {
    const r = await claims(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims: unknown command 'frobnicate'/);
    expect((await claims([])).code).toBe(2);
  });
});

describe('flags that were only environment variables', () => {
  let db: TestDatabase;
  let redis: string;
  beforeAll(async () => {
    db = await freshDatabase('flags');
    redis = await testRedisUrl();
    expect((await claims(['migrate'], { DATABASE_URL: db.url })).code).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('claims api --port N --host H listens there, whatever PORT and HOST say', async () => {
    const port = await freePort();
    const api = new ServiceProcess(['api', '--port', String(port), '--host', '127.0.0.1'], { DATABASE_URL: db.url, REDIS_URL: redis, PORT: '1', HOST: '0.0.0.0' });
    try {
      await api.waitUntilAnswering(`http://127.0.0.1:${port}/healthz`);
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });

  it('claims worker extract --health-port N serves its health there', async () => {
    const port = await freePort();
    const worker = new ServiceProcess(['worker', 'extract', '--health-port', String(port)], { DATABASE_URL: db.url, REDIS_URL: redis, HEALTH_PORT: '0', QUEUE_PREFIX: `t-flags-${port}` });
    try {
      await worker.waitUntilAnswering(`http://127.0.0.1:${port}/readyz`);
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  });

  it('a bad port flag is a usage error naming the flag', async () => {
    const r = await claims(['api', '--port', '99999'], { DATABASE_URL: db.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims api: --port: expected a port number from 0 to 65535, got "99999"\nusage: /);
  });

  it('negative numbers work as values: claims query --max -1 --min -5.5', async () => {
    const r = await claims(['query', '--min', '-5.5', '--max', '-1', '--format', 'csv'], { DATABASE_URL: db.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^paper_id|^[a-z_]+,/);
  });
});
