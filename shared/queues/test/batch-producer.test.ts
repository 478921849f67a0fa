import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@claimflow/logger';
import { MAX_ABSTRACT_CHARS, type RawRecord } from '@claimflow/schemas';
import { testRedisUrl, uniquePrefix } from '../../../test/support/services.js';
import { assertRedisReachable, createRedis, createStageWorker, newBatch, PipelineQueues, produceBatch, UnreachableError } from '../src/index.js';

const log = createLogger('test', 'silent');
const records = (n: number): RawRecord[] => Array.from({ length: n }, (_, i) => ({ line: i + 1, record: { title: `t${i}`, abstract: 'a' } }));

describe('produceBatch', () => {
  let queues: PipelineQueues;
  let redis: ReturnType<typeof createRedis>;
  beforeAll(async () => {
    redis = createRedis(await testRedisUrl(), 'producer', log);
    queues = new PipelineQueues(redis, uniquePrefix('producer'));
  });
  afterAll(async () => {
    await Promise.all(Object.values(queues.byStage).map((q) => q.obliterate({ force: true })));
    await queues.close();
    redis.disconnect();
  });

  it('sends records in chunks, then a final job carrying the total', async () => {
    const batch = newBatch('chunks');
    const progress: number[] = [];
    const sent = await produceBatch(queues, batch, [{ file: 'a.jsonl', records: records(25) }], { chunkSize: 10, maxQueueDepth: 0, onProgress: (n) => progress.push(n) });
    expect(sent).toEqual({ records: 25, chunks: 3 });
    const jobs = await queues.byStage.ingest.getJobs(['waiting']);
    const mine = jobs.filter((j) => j.data.batch.id === batch.id);
    expect(mine.map((j) => j.data.records.length).sort()).toEqual([0, 10, 10, 5].sort());
    expect(mine.find((j) => j.data.total != null)?.data.total).toBe(25);
    expect(progress.at(-1)).toBe(25);
  });

  it('cuts chunks by bytes as well as by count: long abstracts never make a job past CHUNK_BYTES', async () => {
    const batch = newBatch('bytes');
    const long = (n: number): RawRecord[] => Array.from({ length: n }, (_, i) => ({ line: i + 1, record: { title: `t${i}`, abstract: 'x'.repeat(15_000) } }));
    const sent = await produceBatch(queues, batch, [{ file: 'long.jsonl', records: long(10) }], { chunkSize: 200, chunkBytes: 64 * 1024, maxQueueDepth: 0 });
    const mine = (await queues.byStage.ingest.getJobs(['waiting'])).filter((j) => j.data.batch.id === batch.id && j.data.records.length);
    // 15 KB a record, 64 KB a chunk: 4 records each (the old code sent all 10 in one job of 150 KB).
    expect(sent.chunks).toBe(3);
    expect(mine.map((j) => j.data.records.length).sort()).toEqual([2, 4, 4]);
    for (const j of mine) expect(JSON.stringify(j.data).length).toBeLessThan(64 * 1024 + 1024);
  });

  it('queues an over-long abstract as its rejection, not its text', async () => {
    const batch = newBatch('too-long');
    const huge: RawRecord[] = [{ line: 1, record: { id: 'big', title: 'Big', abstract: 'y'.repeat(MAX_ABSTRACT_CHARS + 1) } }, ...records(1).map((r) => ({ ...r, line: 2 }))];
    await produceBatch(queues, batch, [{ file: 'big.jsonl', records: huge }], { chunkSize: 200, maxQueueDepth: 0 });
    const [job] = (await queues.byStage.ingest.getJobs(['waiting'])).filter((j) => j.data.batch.id === batch.id && j.data.records.length);
    expect(job.data.records[0]).toEqual({ line: 1, field: 'abstract', error: `abstract is longer than ${MAX_ABSTRACT_CHARS} characters` });
    expect(JSON.stringify(job.data).length).toBeLessThan(2000);
  });

  it('adds nothing twice when the same batch is sent again (deterministic job ids)', async () => {
    const batch = newBatch('twice');
    const before = await queues.byStage.ingest.getWaitingCount();
    await produceBatch(queues, batch, [{ file: 'a.jsonl', records: records(5) }], { chunkSize: 2, maxQueueDepth: 0 });
    await produceBatch(queues, batch, [{ file: 'a.jsonl', records: records(5) }], { chunkSize: 2, maxQueueDepth: 0 });
    expect((await queues.byStage.ingest.getWaitingCount()) - before).toBe(4);
  });

  it('waits while the queues are deeper than the limit', async () => {
    const depth = await queues.byStage.ingest.getWaitingCount();
    const batch = newBatch('pressure');
    let finished = false;
    const sending = produceBatch(queues, batch, [{ file: 'a.jsonl', records: records(3) }], { chunkSize: 1, maxQueueDepth: depth + 1 }).then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 400));
    expect(finished).toBe(false);
    await queues.byStage.ingest.drain();
    await sending;
    expect(finished).toBe(true);
  });

  it('waits while a later stage is backed up, not only the first', async () => {
    // A slow writer: its queue is where the jobs pile up while ingest and extract are empty.
    await queues.byStage.ingest.drain();
    const writeJob = { batch: newBatch('backlog'), extractorVersion: 't', papers: [], rejections: [] };
    await queues.add('write', writeJob, 'backlog-1');
    await queues.add('write', writeJob, 'backlog-2');
    let finished = false;
    const sending = produceBatch(queues, newBatch('behind-writer'), [{ file: 'a.jsonl', records: records(1) }], { chunkSize: 1, maxQueueDepth: 2 }).then(
      () => (finished = true),
    );
    await new Promise((r) => setTimeout(r, 400));
    expect(finished).toBe(false);
    await queues.byStage.write.drain();
    await sending;
    expect(finished).toBe(true);
  });

  it('a forwarded payload is not parsed again on the way out; the stage that receives a bad one fails it at once, saying why', async () => {
    const bad = { batch: newBatch('fwd'), extractorVersion: '1', papers: [{ paper: { id: 'p' }, claims: [] }], rejections: [] } as never;
    await queues.forward('write', bad, 'fwd-bad');
    const worker = createStageWorker('write', async () => {}, { connection: createRedis(await testRedisUrl(), 'worker', log), prefix: queues.prefix, concurrency: 1, lockMs: 5000, log });
    try {
      const reason = await new Promise<string>((resolve) => worker.on('failed', (_job, err) => resolve(err.message)));
      expect(reason).toMatch(/^invalid write payload: papers\.0\.paper\.\w+: /);
      const [job] = await queues.byStage.write.getFailed();
      expect(job.attemptsMade).toBe(1); // unrecoverable: no retries
    } finally {
      await worker.close();
    }
  });

  it('rejects a payload that does not fit the schema before it reaches Redis', async () => {
    await expect(queues.add('ingest', { batch: newBatch('x'), file: 'f', records: [{ line: 0, record: {} }] }, 'bad')).rejects.toThrow();
  });
});

describe('assertRedisReachable', () => {
  it('says what to start when Redis is not there', async () => {
    await expect(assertRedisReachable('redis://127.0.0.1:1')).rejects.toThrow(UnreachableError);
    await expect(assertRedisReachable('redis://127.0.0.1:1')).rejects.toThrow(/Redis is not answering at redis:\/\/127\.0\.0\.1:1.*Start it/);
  });
});
