import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@claimflow/store';
import { claims, started, waitFor } from '../support/cli.js';
import { dropPrefix, freshDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from '../support/services.js';
import { WorkerStack } from '../support/worker-stack.js';

const dir = mkdtempSync(join(tmpdir(), 'ingest-ops-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const abstract = (i: number) => `We present method ${i}, which runs ${i + 2}x faster than the baseline on one GPU while using ${10 + i}% less memory.`;
const jsonl = (n: number, tag: string, withIds = true) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ ...(withIds && { id: `${tag}-${i}` }), title: `Paper ${tag} ${i}`, abstract: abstract(i) })).join('\n') + '\n';

describe('claims ingest --wait tells failures as they are', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let store: Store;
  let stack: WorkerStack | null = null;

  beforeAll(async () => {
    db = await freshDatabase('ingestwait');
    env = { REDIS_URL: await testRedisUrl(), DATABASE_URL: db.url, QUEUE_PREFIX: uniquePrefix('ingestwait'), LOG_LEVEL: 'warn' };
    expect((await claims(['migrate'], env)).code).toBe(0);
    store = await openStore({ databaseUrl: db.url, dataDir: null, migrate: false });
  });
  afterAll(async () => {
    await stack?.stop();
    await store?.close();
    await db?.drop();
    await dropPrefix(env.QUEUE_PREFIX);
  });

  it('with the store down, says it cannot wait and sends nothing', async () => {
    const prefix = uniquePrefix('storedown');
    const r = await claims(['ingest', write('a.jsonl', jsonl(3, 'a')), '--wait'], { ...env, QUEUE_PREFIX: prefix, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^claims: cannot wait, so nothing was sent: PostgreSQL is not answering at .*:1\/x/);
    expect(r.stdout).toBe('');
    const redis = new Redis(env.REDIS_URL);
    const queue = new Queue('ingest', { connection: redis, prefix });
    expect(await queue.count()).toBe(0);
    await queue.close();
    redis.disconnect();
  });

  it('with no worker on the prefix, says so within seconds instead of waiting for ever', async () => {
    const t0 = Date.now();
    const r = await claims(['ingest', write('b.jsonl', jsonl(3, 'b')), '--wait', '--no-worker-ms', '1500'], env);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    const batch = r.stdout.trim();
    expect(r.stderr).toMatch(new RegExp(`claims ingest: batch ${batch} is queued, but no worker is consuming the ingest queue on prefix ${env.QUEUE_PREFIX}: start the workers`));
    // Nothing of it is stored yet, but claims status lists it from the queues (it did not before).
    const status = await claims(['status'], env);
    expect(status.stdout).toContain(`batch ${batch}: waiting, nothing stored yet, 2 job(s) waiting`);
  });

  it('once workers run, that batch goes on; a job that fails for good is named with its reason, the batch shows "failed (1 job)"', async () => {
    // Ingest, extract and normalize only: the write jobs wait, one is spoiled, then the writer starts.
    stack = new WorkerStack(env);
    await stack.start(['ingest', 'extract', 'normalize']);
    const ingest = started(['ingest', write('c.jsonl', jsonl(30, 'c')), '--wait', '--no-worker-ms', '120000'], { ...env, CHUNK_SIZE: '10' });
    const batch = await waitFor('batch id', async () => ingest.out.stdout.trim().split('\n')[0] || undefined);
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const writeQueue = new Queue('write', { connection: redis, prefix: env.QUEUE_PREFIX });
    const job = await waitFor('a write job of the batch', async () => (await writeQueue.getWaiting()).find((j) => j.data.batch.id === batch && j.data.papers.length));
    await job.updateData({ ...job.data, papers: 'spoiled' });
    await stack.start(['write']);
    const r = await ingest.done;
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`claims ingest: batch ${batch} cannot finish: 1 job(s) failed`);
    expect(r.stderr).toMatch(new RegExp(`write job ${job.id}: invalid write payload: papers: `));
    expect(r.stderr).toMatch(/see them with: claims failures; re-run them with: claims retry/);
    const status = await claims(['status'], env);
    expect(status.stdout).toMatch(new RegExp(`batch ${batch}: failed \\(1 job\\), 20/30 records`));
    await writeQueue.close();
    redis.disconnect();
  });

  it('the earlier batch that had no worker is now done, and status says "done"', async () => {
    const status = await waitFor('done', async () => {
      const s = await claims(['status'], env);
      return /batch b-jsonl-\S+: done, 3\/3 records/.test(s.stdout) && s;
    });
    expect(status.code).toBe(0);
  });

  it('a folder is read as every batch file in it, one batch per file', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'one.jsonl'), jsonl(2, 'f1'));
    writeFileSync(join(folder, 'two.json'), JSON.stringify([{ id: 'f2-0', title: 'Paper f2 0', abstract: abstract(40) }], null, 2));
    writeFileSync(join(folder, 'notes.md'), 'not a batch');
    const r = await claims(['ingest', folder, '--wait'], env);
    expect(r.code, r.stderr).toBe(0);
    const [one, two] = r.stdout.trim().split('\n');
    expect(one).toMatch(/^one-jsonl-/);
    expect(two).toMatch(/^two-json-/);
    expect(await store.batch(one)).toMatchObject({ status: 'done', accepted: 2, rejected: 0 });
    expect(await store.batch(two)).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
  });

  it('the same abstracts with ids and then without are the same papers, and the batch says so', async () => {
    const withIds = await claims(['ingest', write('same.jsonl', jsonl(4, 'same')), '--wait'], env);
    expect(withIds.code, withIds.stderr).toBe(0);
    const before = await store.counts();
    const noIds = await claims(['ingest', write('same-noid.jsonl', jsonl(4, 'same', false)), '--wait'], env);
    expect(noIds.code, noIds.stderr).toBe(0);
    expect(await store.counts()).toMatchObject({ papers: before.papers, claims: before.claims });
    expect(noIds.stderr, noIds.stderr).toMatch(/4 record\(s\) are papers already stored under another id \(same title and abstract\), kept as one: \S*same-noid\.jsonl:1 is same-0/);
  });

  it('an all-rejected batch and an empty file are not a success', async () => {
    const junk = await claims(['ingest', write('junk.jsonl', '{"title": 3}\nnot json\n')], env);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/claims ingest: batch \S+: none of the 2 record\(s\) is valid, so nothing will be stored/);
    expect(junk.stderr).toMatch(/rejected \S*junk\.jsonl:1: title: expected a string, got number 3/);
    const empty = await claims(['ingest', write('empty.csv', '')], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no record in .*empty\.csv/);
  });

  it('claims rejections BATCH lists every rejection, as text or CSV', async () => {
    const lines = [jsonl(1, 'r'), ...Array.from({ length: 25 }, (_, i) => `{"title": "t${i}", "abstract": ${i}}\n`)].join('');
    const r = await claims(['ingest', write('rej.jsonl', lines), '--wait'], env);
    // Exit 3: finished, some records rejected; said in one line after the rejections.
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^claims ingest: 25 of 26 record\(s\) rejected, the rest stored \(exit 3\); claims rejections \S+ lists each/);
    const batch = r.stdout.trim();
    const text = await claims(['rejections', batch], env);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(25);
    expect(text.stdout).toMatch(/^\S*rej\.jsonl:2: abstract: expected a string, got number 0$/m);
    const csv = await claims(['rejections', batch, '--format', 'csv'], env);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('file,line,field,reason');
    expect(rows).toHaveLength(26);
    expect(rows[1]).toBe(`${join(dir, 'rej.jsonl')},2,abstract,"expected a string, got number 0"`);
    const unknown = await claims(['rejections', 'no-such-batch'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('claims rejections: no batch "no-such-batch" in the store: claims status lists the batches');
  });
});
