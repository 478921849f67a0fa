// The ceiling of the queue layer: the same chunks through four chained no-op
// BullMQ queues in four processes (as the pipeline's stages are), and the
// rate of single small jobs through one queue, on the same Redis.
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { chunkJobId, DEFAULT_JOB_OPTIONS, queuePrefix, STAGES, whenReady } from '@claimflow/queues';
import { readRecords } from '@claimflow/readers';
import { benchRedis, rand, REDIS_URL, sleep, spawnNode, waitForWorkers } from './lib/util.mjs';

const WORKER = fileURLToPath(new URL('./noop-worker.mjs', import.meta.url));

/** How long a no-op worker gets to close on SIGTERM before SIGKILL. */
const STOP_MS = 10_000;
const spawnNoop = (queue, next, prefix, concurrency) => spawnNode([WORKER, queue, next ?? '-', prefix, String(concurrency)], { REDIS_URL });

async function waitForCount(redis, key, expected, progress, label, timeoutMs) {
  await whenReady(redis);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = Number((await redis.get(key)) ?? 0);
    progress?.update(`${label}: ${n}/${expected} jobs`, n / expected);
    if (n >= expected) return;
    if (Date.now() > deadline) throw new Error(`${label}: ${n}/${expected} jobs after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * Chained: the file's records in chunks of `chunkSize` (the ingest payloads,
 * byte for byte as the producer builds them), added one job at a time as the
 * producer does, through 4 no-op queues. Returns abstracts/s and jobs/s.
 */
export async function noopChain({ file, chunkSize, concurrency = 2, progress, timeoutMs = 600_000 }) {
  const prefix = `bench-noop-${rand()}`;
  const redis = benchRedis('producer');
  const queues = STAGES.map((s) => new Queue(s, { connection: redis, prefix: queuePrefix(redis, prefix), defaultJobOptions: DEFAULT_JOB_OPTIONS }));
  const workers = STAGES.map((s, i) => spawnNoop(s, STAGES[i + 1], prefix, concurrency));
  try {
    await waitForWorkers(queues, { timeoutMs: 30_000 });
    // Chunks are built before the clock starts: this measures the queues, not the reader.
    const chunks = [];
    let chunk = [];
    let records = 0;
    const batch = { id: `noop-${rand()}`, name: 'noop', createdAt: new Date().toISOString() };
    for await (const r of readRecords(file)) {
      chunk.push(r);
      records++;
      if (chunk.length >= chunkSize) {
        chunks.push(chunk);
        chunk = [];
      }
    }
    if (chunk.length) chunks.push(chunk);
    const t0 = performance.now();
    let i = 0;
    for (const records of chunks) {
      await queues[0].add('ingest', { batch, file, records }, { jobId: chunkJobId(batch.id, i++) });
      if (i % 20 === 0) progress?.update(`no-op chain: ${i}/${chunks.length} jobs sent`, 0);
    }
    await waitForCount(redis, `${prefix}:bench:done`, chunks.length, progress, 'no-op chain', timeoutMs);
    const seconds = (performance.now() - t0) / 1000;
    return { records, jobs: chunks.length, chunkSize, seconds, abstractsPerSec: records / seconds, jobsPerSec: chunks.length / seconds };
  } finally {
    await Promise.all(workers.map((w) => w.stop('SIGTERM', STOP_MS)));
    await Promise.allSettled(queues.map((q) => q.obliterate({ force: true })));
    await redis.del(`${prefix}:bench:done`);
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
  }
}

/** Single small jobs through one queue and one no-op worker process: jobs/s. */
export async function noopSingle({ jobs, concurrency = 2, progress, timeoutMs = 300_000 }) {
  const prefix = `bench-noop1-${rand()}`;
  const redis = benchRedis('producer');
  const queue = new Queue('single', { connection: redis, prefix: queuePrefix(redis, prefix), defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const worker = spawnNoop('single', null, prefix, concurrency);
  try {
    await waitForWorkers([queue], { timeoutMs: 30_000 });
    const t0 = performance.now();
    // One add per job, several in flight: the way independent producers would send.
    const inflight = 16;
    let next = 0;
    await Promise.all(
      Array.from({ length: inflight }, async () => {
        for (let i = next++; i < jobs; i = next++) await queue.add('single', { i });
      }),
    );
    const addSeconds = (performance.now() - t0) / 1000;
    await waitForCount(redis, `${prefix}:bench:done`, jobs, progress, 'single jobs', timeoutMs);
    const seconds = (performance.now() - t0) / 1000;
    return { jobs, seconds, jobsPerSec: jobs / seconds, addPerSec: jobs / addSeconds };
  } finally {
    await worker.stop('SIGTERM', STOP_MS);
    await queue.obliterate({ force: true }).catch(() => {});
    await redis.del(`${prefix}:bench:done`);
    await queue.close();
    redis.disconnect();
  }
}
