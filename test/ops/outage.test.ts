import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, waitFor } from '../support/cli.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { TcpProxy } from '../faults/support/tcp-proxy.js';

const RECORDS = 60;
/** Timescales shortened by config: 2 attempts from 100 ms gave the old writer about a quarter of a second of outage. */
const RETRY = { JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100', OUTAGE_RETRY_MAX_MS: '500', CHUNK_SIZE: '10' };
const oldBudgetMs = Number(RETRY.JOB_BACKOFF_MS) * (2 ** (Number(RETRY.JOB_ATTEMPTS) - 1) - 1 + 1) * 1.5;
const OUTAGE_MS = 8_000;

/**
 * PostgreSQL unreachable (a proxy the test controls drops and refuses every
 * connection) for far longer than the retry budget: the writer waits, spends
 * no attempt, and stores everything once when it comes back, with no manual
 * step. Before, its jobs failed for good once their attempts ran out and
 * stayed failed until `claims retry`.
 */
describe('a PostgreSQL outage longer than the retry budget', () => {
  let proxy: TcpProxy;
  let pipeline: TestPipeline;
  beforeAll(async () => {
    proxy = await new TcpProxy(5432).start();
    pipeline = await TestPipeline.start('outage', {
      env: { ...RETRY, LOG_LEVEL: 'warn' },
      perStage: (env) => {
        const u = new URL(env.DATABASE_URL);
        u.port = String(proxy.port);
        return { write: { DATABASE_URL: u.toString() } };
      },
    });
  }, 60_000);
  afterAll(async () => {
    await pipeline?.close();
    await proxy?.close();
  });

  it(`is ridden out: ${RECORDS} records all stored once, no job failed, no attempt spent`, async () => {
    expect(OUTAGE_MS).toBeGreaterThan(oldBudgetMs * 10);
    const file = join(mkdtempSync(join(tmpdir(), 'outage-')), 'batch.jsonl');
    writeFileSync(file, Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ id: `o-${i}`, title: `Paper ${i}`, abstract: `Our method is ${i + 2}x faster than the baseline.` })).join('\n') + '\n');
    const redis = new Redis(pipeline.env.REDIS_URL, { maxRetriesPerRequest: null });
    const writeQueue = new Queue('write', { connection: redis, prefix: pipeline.env.QUEUE_PREFIX });
    try {
      proxy.cut();
      const ingest = claims(['ingest', file, '--wait', '--no-worker-ms', '120000'], pipeline.env);
      // The writer has jobs and cannot store them.
      await waitFor('write jobs held', async () => (await writeQueue.getActiveCount()) > 0, 30_000);
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      const held = [...(await writeQueue.getJobs(['active', 'waiting', 'delayed', 'failed']))].filter(Boolean);
      expect(await writeQueue.getFailedCount()).toBe(0);
      expect(Math.max(...held.map((j) => j.attemptsMade))).toBe(0);
      expect((await pipeline.store.counts()).papers).toBe(0);
      proxy.restore();
      const r = await ingest;
      expect(r.code, r.stderr).toBe(0);
      expect(await pipeline.store.counts()).toMatchObject({ papers: RECORDS, rejected: 0 });
      const [{ n }] = await pipeline.store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM batch_records');
      expect(n).toBe(RECORDS); // nothing twice
      expect(await writeQueue.getFailedCount()).toBe(0);
      expect(pipeline.stack.alive()).toHaveLength(4);
    } finally {
      proxy.restore();
      await writeQueue.close();
      redis.disconnect();
    }
  }, 120_000);
});
