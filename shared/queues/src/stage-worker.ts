import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from '@claimflow/logger';
import { queuePrefix, type RedisConnection } from './connection.js';
import { PAYLOADS, type Payload, type Stage } from './names.js';
import { MAX_STALLED_COUNT, sayWhyStalledJobsFail } from './worker-died.js';

export type StageProcessor<S extends Stage> = (payload: Payload<S>, job: Job) => Promise<void>;

export interface StageWorkerOptions {
  connection: RedisConnection;
  prefix: string;
  concurrency: number;
  /** Lock duration; a job whose worker died is taken over after about this long. */
  lockMs: number;
  log: Logger;
}

/**
 * A BullMQ worker for one stage. The payload is validated on receipt; one
 * that does not fit the schema can never succeed, so it fails at once as
 * UnrecoverableError and stays in the failed set with its reason.
 */
export function createStageWorker<S extends Stage>(stage: S, process: StageProcessor<S>, opts: StageWorkerOptions): Worker {
  const log = opts.log.child({ stage });
  const worker = new Worker(
    stage,
    async (job) => {
      const parsed = PAYLOADS[stage].safeParse(job.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UnrecoverableError(`invalid ${stage} payload: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      const started = performance.now();
      await process(parsed.data as Payload<S>, job);
      log.debug({ jobId: job.id, ms: Math.round(performance.now() - started) }, 'job done');
    },
    {
      connection: opts.connection,
      prefix: queuePrefix(opts.connection, opts.prefix),
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      stalledInterval: opts.lockMs,
      // A job whose worker died is handed to another once; the second death fails it
      // (a job that kills its worker would otherwise crash-loop every worker in turn).
      maxStalledCount: MAX_STALLED_COUNT,
      autorun: true,
    },
  );
  sayWhyStalledJobsFail(worker);
  worker.on('failed', (job, err) => {
    log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed');
  });
  worker.on('error', (err) => log.error({ err: err.message }, 'worker error'));
  return worker;
}
