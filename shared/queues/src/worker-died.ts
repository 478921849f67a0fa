import type { Worker } from 'bullmq';

/** Times a job may be taken back from a worker that died on it; the next death fails it. */
export const MAX_STALLED_COUNT = 1;

/** BullMQ's reason for a job that stalled past maxStalledCount. */
const BULLMQ_STALLED = 'job stalled more than allowable limit';
export const WORKER_DIED = 'the worker died on this job';
const WORKER_DIED_REASON = `${WORKER_DIED} (twice: killed, or out of memory); claims retry re-runs it once the cause is fixed`;

/** A failed job's reason as an operator should read it. */
export function failedReasonText(reason: string | undefined): string {
  return reason === BULLMQ_STALLED ? WORKER_DIED_REASON : (reason ?? '');
}

/**
 * BullMQ fails a job that stalled past its limit with its own words ("job
 * stalled more than allowable limit"), stored in the failed set when the next
 * worker takes the job. This worker stores ours instead. The hook is a
 * private BullMQ method: where a future BullMQ lacks it, failedReasonText
 * still translates the reason wherever it is shown.
 */
export function sayWhyStalledJobsFail(worker: Worker): void {
  const hooked = worker as unknown as { getUnrecoverableErrorMessage?: (job: unknown) => string | undefined };
  const original = hooked.getUnrecoverableErrorMessage;
  if (typeof original !== 'function') return;
  hooked.getUnrecoverableErrorMessage = (job) => {
    const reason = original.call(worker, job);
    return reason === BULLMQ_STALLED ? WORKER_DIED_REASON : reason;
  };
}
