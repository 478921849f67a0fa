import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, claims, freePort, ROOT, ServiceProcess, type Result } from '../support/cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from '../support/services.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Another user can run the CLI only if every folder above the checkout lets others through (a `mktemp -d` clone does not). */
function othersCanReach(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return (statSync(path).mode & 0o004) !== 0;
  }
}
const runsAsNobody = asRoot && othersCanReach(CLI);
const whyNot = !asRoot ? 'needs root to run the worker as another user' : `uid ${NOBODY} cannot reach the checkout at ${ROOT} (a folder above it is closed to others)`;

/** The inbox as a mounted host folder meets it: owned by someone else, and a store to answer for. */
describe('the inbox', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await freshDatabase('inboxops');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, QUEUE_PREFIX: uniquePrefix('inboxops'), LOG_LEVEL: 'warn' };
    expect((await claims(['migrate'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
    await dropPrefix(env.QUEUE_PREFIX);
  });

  it.skipIf(!runsAsNobody)(
    'owned by another user: the worker says at start-up, in one line, what it cannot write and what to do' + (runsAsNobody ? '' : ` (skipped: ${whyNot})`),
    async () => {
      const inbox = mkdtempSync(join(tmpdir(), 'inbox-owned-'));
      chmodSync(inbox, 0o755); // root's, and not writable by others
      const r = await new Promise<Result>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'worker', 'ingest'], { cwd: ROOT, uid: NOBODY, gid: NOBODY, env: { ...process.env, ...env, INBOX_DIR: inbox } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(r.code, r.stderr).toBe(1);
      const human = r.stderr.split('\n').filter((l) => l && !l.startsWith('{'));
      expect(human).toEqual([
        expect.stringMatching(new RegExp(`^claims: inbox folder ${inbox} \\(owned by uid 0\\) is not writable by this process \\(uid ${NOBODY}\\): EACCES\\. .*INBOX_USER=`)),
      ]);
    },
  );

  it('with the inbox on, /readyz checks the store too', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'inbox-ready-'));
    const port = await freePort();
    const worker = new ServiceProcess(['worker', 'ingest', '--health-port', String(port)], { ...env, INBOX_DIR: inbox });
    try {
      await worker.waitUntilAnswering(`http://127.0.0.1:${port}/readyz`);
      const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { checks: Record<string, string> };
      expect(ready.checks).toEqual({ redis: 'ok', store: 'ok' });
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  });
});
