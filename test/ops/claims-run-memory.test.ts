import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../support/cli.js';
import { testRedisUrl } from '../support/services.js';
import { HAS_SHARED, SHARED_DIR } from '../support/shared-data.js';

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const seeds = HAS_SHARED ? `${SHARED_DIR}seeds/seed-abstracts.jsonl` : 'seeds/';

/**
 * `claims run` on a new DATA_DIR peaked near 940 MB: initdb inside PGlite grows
 * its WASM heap to ~700 MB and WASM memory is never returned. The store now
 * starts from a template made at build time, unpacked in a child process,
 * with smaller shared buffers; the whole run stays under 400 MB.
 */
describe('claims run memory', () => {
  it.skipIf(!hasTime)(
    `peaks under 400 MB RSS on a new embedded store over ${seeds === 'seeds/' ? 'seeds/ (../shared is absent, so not the 88 seed abstracts)' : 'the 88 seed abstracts'}` +
      (hasTime ? '' : ' (skipped: /usr/bin/time is not installed; apt-get install time)'),
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'run-mem-'));
      const env = { ...process.env, REDIS_URL: await testRedisUrl(), DATA_DIR: dataDir, DATABASE_URL: '', QUEUE_PREFIX: '', PORT: '0' };
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(TIME, ['-f', 'maxrss_kb=%M', process.execPath, CLI, 'run', seeds], { cwd: ROOT, env });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.stdout.resume();
        child.on('close', (c) => resolve({ code: c, stderr: err }));
      });
      expect(code, stderr).toBe(0);
      const kb = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1]);
      expect(kb).toBeGreaterThan(0);
      expect(kb / 1024, `peak RSS ${Math.round(kb / 1024)} MB`).toBeLessThan(400);
    },
    120_000,
  );
});
