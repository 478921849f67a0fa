import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { createLogger } from '@claimflow/logger';
import { testRedisUrl, uniquePrefix } from '../../../test/support/services.js';
import { batchStatusText, createRedis, createStageWorker, failedJobs, newBatch, PipelineQueues, WORKER_DIED } from '../src/index.js';

const log = createLogger('test', 'silent');
const LOCK_MS = 1000;

/**
 * A worker that dies on a job (OOM-killed, kill -9) stops renewing its lock;
 * another worker's stalled check takes the job back. Each "death" here is a
 * worker closed by force while its processor hangs: the lock is left to
 * expire exactly as a killed process leaves it.
 */
describe('a job on which the worker dies twice', () => {
  let redis: ReturnType<typeof createRedis>;
  let queues: PipelineQueues;
  let prefix: string;
  let url: string;
  const workers: Worker[] = [];
  beforeAll(async () => {
    url = await testRedisUrl();
    redis = createRedis(url, 'producer', log);
    prefix = uniquePrefix('died');
    queues = new PipelineQueues(redis, prefix);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close(true)));
    await Promise.all(Object.values(queues.byStage).map((q) => q.obliterate({ force: true })));
    await queues.close();
    redis.disconnect();
  });

  const worker = (onJob: (id: string) => Promise<void>) => {
    const connection = createRedis(url, 'worker', log);
    const w = createStageWorker('extract', async (_p, job) => onJob(String(job.id)), { connection, prefix, concurrency: 1, lockMs: LOCK_MS, log });
    w.on('closed', () => connection.disconnect());
    workers.push(w);
    return w;
  };
  const payload = (batch = newBatch('died')) => ({ batch, papers: [], rejections: [] });

  it('lands in the failed set with "the worker died on this job", its batch shows it, and the queue moves on', async () => {
    const batch = newBatch('poison');
    await queues.add('extract', payload(batch), 'poison');
    const started: string[] = [];
    // Two workers die on the poison job in turn.
    for (let death = 0; death < 2; death++) {
      const taken = new Promise<void>((resolve) => {
        const w = worker(async (id) => {
          started.push(id);
          resolve();
          await new Promise(() => {}); // hangs, as a worker running out of memory does
        });
        void w;
      });
      await taken;
      await workers.at(-1)!.close(true);
    }
    expect(started).toEqual(['poison', 'poison']);
    await queues.add('extract', payload(), 'after');
    const done: string[] = [];
    worker(async (id) => void done.push(id));
    await expect.poll(async () => (await queues.byStage.extract.getJobState('poison')), { timeout: 15_000, interval: 200 }).toBe('failed');
    const job = await queues.byStage.extract.getJob('poison');
    expect(job?.failedReason).toMatch(new RegExp(`^${WORKER_DIED}`));
    // It was not run a third time; the job behind it was.
    expect(started).toHaveLength(2);
    await expect.poll(() => done, { timeout: 10_000 }).toEqual(['after']);
    const failed = await failedJobs(queues);
    expect(failed).toEqual([expect.objectContaining({ stage: 'extract', jobId: 'poison', batchId: batch.id, reason: expect.stringMatching(/^the worker died on this job/) })]);
    expect(batchStatusText({ id: batch.id, status: 'running' } as never, failed)).toBe('failed (1 job)');
  }, 40_000);
});
