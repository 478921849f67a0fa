import type { DefaultJobOptions } from 'bullmq';

/**
 * Transient failures (a database restart, a lost connection) are retried with
 * exponential backoff and jitter; a payload that fails validation is thrown as
 * UnrecoverableError and fails at once. Finished jobs are trimmed by count and
 * age so Redis does not grow over weeks; failed ones stay longer, to be seen.
 */
export function jobOptions(attempts: number, backoffMs: number): DefaultJobOptions {
  return { ...DEFAULT_JOB_OPTIONS, attempts, backoff: { type: 'exponential', delay: backoffMs, jitter: 0.5 } };
}

/**
 * An outage of the store or Redis spends no attempt (the stage waits for it:
 * @claimflow/service-kit's ride-out.ts); attempts are for other transient failures.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  // A finished job keeps its payload (hundreds of KB per chunk): keep only a few for inspection.
  // 100 per stage held ~95 MB of Redis after a batch (BENCHMARKS.md); 10 hold a tenth of that.
  removeOnComplete: { count: 10, age: 3600 },
  removeOnFail: { count: 10_000, age: 14 * 24 * 3600 },
};

/** BullMQ forbids ':' in custom ids; batch and chunk ids are joined with '.' instead. */
export function chunkJobId(batchId: string, chunk: number | string): string {
  return `${batchId.replace(/:/g, '_')}.${chunk}`;
}
