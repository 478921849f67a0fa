// A no-op stage of the queue-layer ceiling: takes a job, hands its payload
// unchanged to the next queue (as a pipeline stage does), or, at the end of
// the chain, counts it in Redis. Usage: node noop-worker.mjs QUEUE NEXT|- PREFIX CONCURRENCY
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS } from '@claimflow/queues';

const [queueName, next, prefix, concurrency = '2'] = process.argv.slice(2);
const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const producer = new Redis(url, { maxRetriesPerRequest: 3 });
const counter = `${prefix}:bench:done`;
const nextQueue = next && next !== '-' ? new Queue(next, { connection: producer, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }) : null;
const worker = new Worker(
  queueName,
  async (job) => {
    if (nextQueue) await nextQueue.add(next, job.data, { jobId: job.id });
    else await producer.incr(counter);
  },
  { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix, concurrency: Number(concurrency) },
);
worker.on('error', (err) => process.stderr.write(`noop worker error: ${err.message}\n`));
const stop = async () => {
  await worker.close();
  await nextQueue?.close();
  producer.disconnect();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
