import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@claimflow/store';
import { claims, started, waitFor } from '../support/cli.js';
import { freshDatabase, testRedisUrl, type TestDatabase } from '../support/services.js';

const dir = mkdtempSync(join(tmpdir(), 'run-signals-'));
const abstract = (i: number) => `We present method ${i}, which runs ${(i % 50) + 2}x faster than the baseline on one GPU while using ${10 + (i % 80)}% less memory.`;

async function keysUnder(prefix: string): Promise<number> {
  const redis = new Redis(await testRedisUrl());
  try {
    return (await redis.keys(`${prefix}:*`)).length;
  } finally {
    redis.disconnect();
  }
}

describe('claims run, told as it is', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let big: string;
  beforeAll(async () => {
    db = await freshDatabase('runsig');
    // Unset QUEUE_PREFIX: the run picks a private one, which it must print and then remove.
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, QUEUE_PREFIX: '', PORT: '0', CHUNK_SIZE: '50', MAX_QUEUE_DEPTH: '4' };
    big = join(dir, 'big.jsonl');
    writeFileSync(big, Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ id: `big-${i}`, title: `Paper ${i}`, abstract: abstract(i) })).join('\n') + '\n');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)(
    'prints its prefix, which claims status can look at; on %s stops cleanly, marks the batch interrupted and removes its keys',
    async (signal, code) => {
      const run = started(['run', big], env);
      const prefix = await waitFor('prefix', async () => /queue prefix (run-[0-9a-f]+)/.exec(run.out.stderr)?.[1], 60_000);
      expect(run.out.stderr).toContain(`claims status --prefix ${prefix}`);
      // Wait until some of the batch is stored: the run is under way.
      const store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: false });
      try {
        const batch = await waitFor('progress', async () => (await store.batches()).find((b) => b.name === 'big.jsonl' && b.status === 'running' && b.accepted > 0), 60_000);
        const status = await claims(['status', '--prefix', prefix], env);
        expect(status.code, status.stderr).toBe(0);
        expect(status.stdout).toContain(`queues (prefix ${prefix}):`);
        expect(status.stdout).toMatch(/ingest +waiting \d+ +active \d+ +delayed \d+ +completed [1-9]/);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.code, r.stderr).toBe(code);
        expect(r.stderr).toMatch(new RegExp(`claims run: interrupted by ${signal}: workers stopped, 1 batch\\(es\\) marked interrupted where unfinished, private queues ${prefix} removed`));
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(await keysUnder(prefix)).toBe(0);
        expect(await store.batch(batch.id)).toMatchObject({ status: 'interrupted' });
        // Interrupted is not "done": what was stored stays stored, consistently counted.
        const after = (await store.batch(batch.id))!;
        expect(after.accepted).toBeGreaterThan(0);
        expect(after.accepted).toBeLessThan(30_000);
        await store.sql.query('DELETE FROM batches WHERE id = $1', [batch.id]);
      } finally {
        await store.close();
      }
    },
    120_000,
  );

  it('the summary lists the first rejections, then "… and N more: claims rejections BATCH"', async () => {
    const file = join(dir, 'many-bad.jsonl');
    const lines = [JSON.stringify({ id: 'ok-1', title: 'Good', abstract: abstract(1) }), ...Array.from({ length: 15 }, (_, i) => `{"title": "t${i}"}`)];
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await claims(['run', file], env);
    expect(r.code, r.stderr).toBe(3); // finished, some records rejected
    const shown = r.stdout.split('\n').filter((l) => l.startsWith('  rejected '));
    expect(shown).toHaveLength(10);
    const more = /… and 5 more: claims rejections (\S+)/.exec(r.stdout);
    expect(more, r.stdout).not.toBeNull();
    const all = await claims(['rejections', more![1]], env);
    expect(all.stdout.trim().split('\n')).toHaveLength(15);
  });

  it('an all-rejected batch, or an empty file, is not a success', async () => {
    const junk = join(dir, 'junk.jsonl');
    writeFileSync(junk, '{"title": 1}\n');
    const r = await claims(['run', junk], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/claims run: none of the 1 record\(s\) is valid, so nothing will be stored/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const e = await claims(['run', empty], env);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/claims run: no record in .*empty\.jsonl/);
  });

  it('a folder is read as every batch file in it', async () => {
    const r = await claims(['run', 'seeds/'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/batch demo-abstracts-jsonl-\S+: 22 records/);
    expect(r.stdout).toMatch(/batch demo-listing-txt-\S+: 2 records/);
  });
});
