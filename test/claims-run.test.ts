import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@claimflow/store';
import { claims, ServiceProcess, waitFor } from './support/cli.js';
import { claimKey, readClaimsJsonl, storedClaims } from './support/claims.js';
import { testRedisUrl } from './support/services.js';

/** `claims run`: the whole pipeline in one process, on the embedded store, as the README's first command runs it. */
describe('claims run on the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claims-run-'));

  it('stores what `claims extract` gives for the seeds and prints a summary', async () => {
    const env = { REDIS_URL: await testRedisUrl(), DATA_DIR: dataDir, DATABASE_URL: '', QUEUE_PREFIX: '', PORT: '0' };
    const run = await claims(['run'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Stored in embedded PGlite/);
    expect(run.stdout).toMatch(/batch demo-abstracts-jsonl-\S+: 22 records, 22 accepted, 0 rejected/);
    expect(run.stdout).toMatch(/batch demo-abstracts-csv-\S+: 3 records, 3 accepted/);
    expect(run.stdout).toMatch(/batch demo-listing-txt-\S+: 2 records, 2 accepted/);

    const expected = [];
    for (const file of ['seeds/demo-abstracts.jsonl', 'seeds/demo-abstracts.csv', 'seeds/demo-listing.txt']) {
      const out = await claims(['extract', '--in', file]);
      expect(out.code, out.stderr).toBe(0);
      expected.push(...readClaimsJsonl(out.stdout));
    }
    const store = await openStore({ dataDir });
    try {
      const stored = await storedClaims(store);
      expect(stored.map(claimKey).sort()).toEqual(expected.map(claimKey).sort());
      expect(run.stdout).toContain(`claims: ${stored.length}`);
      // every stored claim has the extraction model's confidence, and the printed sample shows it
      for (const c of stored) expect(c.confidence, `${c.paperId} ${c.text}`).toBeGreaterThan(0);
      expect(run.stdout).toMatch(/as written\s+conf\s+metric/);
      expect(run.stdout).toMatch(/\s(?:0\.\d\d|1\.00)\s\s\S/);
    } finally {
      await store.close();
    }
  });

  it('running it again changes no counts', async () => {
    const env = { REDIS_URL: await testRedisUrl(), DATA_DIR: dataDir, DATABASE_URL: '', QUEUE_PREFIX: '', PORT: '0' };
    const count = async () => {
      const store = await openStore({ dataDir });
      try {
        const { papers, claims: n } = await store.counts();
        return { papers, claims: n };
      } finally {
        await store.close();
      }
    };
    const before = await count();
    expect((await claims(['run'], env)).code).toBe(0);
    expect(await count()).toEqual(before);
  });

  it('a second process on the same data folder is refused with one clear line', async () => {
    const env = { REDIS_URL: await testRedisUrl(), DATA_DIR: dataDir, DATABASE_URL: '', HEALTH_PORT: '0' };
    const writer = new ServiceProcess(['worker', 'write'], env);
    try {
      await waitFor('writer to hold the store', async () => writer.output.includes('worker started'));
      const second = await claims(['reprocess', '--all'], env);
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toMatch(/^claims: the embedded store in .* is in use by process \d+; stop it first/);
    } finally {
      expect(await writer.stop()).toBe(0);
    }
  });

  it('an unreachable Redis gives one line saying what to start', async () => {
    const r = await claims(['run'], { REDIS_URL: 'redis://127.0.0.1:1', DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claims: Redis is not answering at redis:\/\/127\.0\.0\.1:1 .*Start it/)]);
  });

  it('an unreachable PostgreSQL gives one line saying what to start', async () => {
    const r = await claims(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claims: PostgreSQL is not answering/)]);
  });
});

describe('claims extract', () => {
  it('reads JSONL on stdin and writes one contract record per line', async () => {
    const input = `${JSON.stringify({ id: 'x1', title: 'T', abstract: 'Our kernel is 3x faster than the reference.' })}\nnot json\n`;
    const r = await claims(['extract'], {}, input);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/<stdin>:2: not JSON/);
    const out = readClaimsJsonl(r.stdout);
    expect(out.length).toBeGreaterThan(0);
    for (const c of out) expect(c.paperId).toBe('x1');
  });
  it('names a missing input file', async () => {
    const r = await claims(['extract', '--in', 'no/such/file.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/file\.jsonl/);
  });
});
