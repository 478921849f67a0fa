// A no-op stage of the queue-layer ceiling: takes a job, hands its payload
// unchanged to the next queue (as a pipeline stage does), or, at the end of
// the chain, counts it in Redis. Usage: node noop-worker.mjs QUEUE NEXT|- PREFIX CONCURRENCY
import { Queue, Worker } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, queuePrefix } from '@claimflow/queues';
import { benchRedis } from './lib/util.mjs';

const [queueName, next, configuredPrefix, concurrency = '2'] = process.argv.slice(2);
const producer = benchRedis('producer');
const prefix = queuePrefix(producer, configuredPrefix);
const counter = `${configuredPrefix}:bench:done`;
const nextQueue = next && next !== '-' ? new Queue(next, { connection: producer, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }) : null;
const worker = new Worker(
  queueName,
  async (job) => {
    if (nextQueue) await nextQueue.add(next, job.data, { jobId: job.id });
    else await producer.incr(counter);
  },
  { connection: benchRedis('worker'), prefix, concurrency: Number(concurrency) },
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
