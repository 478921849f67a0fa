import { createStageWorker, type Stage, type StageProcessor } from '@claimflow/queues';
import type { ServiceContext } from './context.js';
import { metrics } from './metrics.js';
import { ridingOutOutages } from './ride-out.js';
import type { Running } from './run-service.js';

/** A stage worker on the context's connections; stopping it lets in-flight jobs finish. */
export function startStage<S extends Stage>(ctx: ServiceContext, stage: S, process: StageProcessor<S>): Running {
  const stopping = new AbortController();
  const riding = ridingOutOutages(stage, process, { log: ctx.log, maxWaitMs: ctx.config.OUTAGE_RETRY_MAX_MS, stopping: stopping.signal });
  const worker = createStageWorker(stage, riding, {
    connection: ctx.workerRedis(),
    prefix: ctx.config.QUEUE_PREFIX,
    concurrency: ctx.config.CONCURRENCY,
    lockMs: ctx.config.JOB_LOCK_MS,
    log: ctx.log,
  });
  worker.on('completed', (job) => {
    metrics.jobsCompleted.inc({ stage });
    if (job.finishedOn) {
      metrics.jobLatency.observe({ stage }, (job.finishedOn - job.timestamp) / 1000);
      if (job.processedOn) metrics.jobProcessing.observe({ stage }, (job.finishedOn - job.processedOn) / 1000);
    }
  });
  worker.on('failed', (job) => {
    const willRetry = job && job.attemptsMade < (job.opts.attempts ?? 1) && !job.finishedOn;
    (willRetry ? metrics.jobsRetried : metrics.jobsFailed).inc({ stage });
  });
  ctx.log.info({ stage, concurrency: ctx.config.CONCURRENCY }, 'worker started');
  return {
    stop: () => {
      stopping.abort();
      return worker.close();
    },
  };
}
