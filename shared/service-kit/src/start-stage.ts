import { createStageWorker, type Stage, type StageProcessor } from '@claimflow/queues';
import type { ServiceContext } from './context.js';
import type { Running } from './run-service.js';

/** A stage worker on the context's connections; stopping it lets in-flight jobs finish. */
export function startStage<S extends Stage>(ctx: ServiceContext, stage: S, process: StageProcessor<S>): Running {
  const worker = createStageWorker(stage, process, {
    connection: ctx.workerRedis(),
    prefix: ctx.config.QUEUE_PREFIX,
    concurrency: ctx.config.CONCURRENCY,
    log: ctx.log,
  });
  ctx.log.info({ stage, concurrency: ctx.config.CONCURRENCY }, 'worker started');
  return { stop: () => worker.close() };
}
