import type { Logger } from '@claimflow/logger';
import type { Stage, StageProcessor } from '@claimflow/queues';

/** PostgreSQL SQLSTATEs of a server going away or not taking connections yet (class 08, admin shutdown, starting up). */
const OUTAGE_SQLSTATES = /^(08\d\d\d|57P01|57P02|57P03|53300)$/;
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** What pg and ioredis say when a connection drops or cannot be had (they set no code). */
const OUTAGE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Stream isn't writeable|Reached the max retries per request limit|not answering/i;

/**
 * Whether an error says the store or Redis cannot be reached right now (as
 * opposed to what this job holds): waiting, not retrying, is the answer.
 */
export function isOutage(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string; errors?: unknown[]; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'StoreUnavailableError' || e.name === 'UnreachableError' || e.name === 'MaxRetriesPerRequestError') return true;
  if (e.code && (OUTAGE_CODES.has(e.code) || OUTAGE_SQLSTATES.test(e.code))) return true;
  if (e.message && OUTAGE_MESSAGES.test(e.message)) return true;
  // A host with two addresses fails as an AggregateError of both.
  return Boolean(e.errors?.some(isOutage) || (e.cause && isOutage(e.cause)));
}

export interface RideOutOptions {
  log: Logger;
  /** The longest pause between two tries (OUTAGE_RETRY_MAX_MS); the first is 500 ms, each next doubles. */
  maxWaitMs: number;
  /** Aborted when the worker stops: a job waiting out an outage is then failed as usual (one attempt), so shutdown never hangs. */
  stopping: AbortSignal;
  /** Called when an outage starts and ends (metrics, readiness). */
  onOutage?: (down: boolean) => void;
}

/**
 * Runs a stage's processor so that an outage of the store or Redis spends no
 * attempt: the job stays with this worker (its lock is still renewed), which
 * tries it again with growing pauses until the outage is over, however long.
 * Every job of the stage does the same, so the stage pauses and resumes by
 * itself; its work is idempotent (deterministic ids, upserts), so a job
 * redone after a half-finished try stores nothing twice. Before, eight
 * attempts from 500 ms gave up after about 60 s and the job failed for good.
 */
export function ridingOutOutages<S extends Stage>(stage: S, process: StageProcessor<S>, opts: RideOutOptions): StageProcessor<S> {
  return async (payload, job) => {
    for (let wait = 500, since = 0; ; wait = Math.min(wait * 2, opts.maxWaitMs)) {
      try {
        const result = await process(payload, job);
        if (since) {
          opts.log.warn({ stage, jobId: job.id, outageMs: Date.now() - since }, 'outage over: job done, no attempt spent');
          opts.onOutage?.(false);
        }
        return result;
      } catch (err) {
        if (!isOutage(err) || opts.stopping.aborted) throw err;
        if (!since) {
          since = Date.now();
          opts.onOutage?.(true);
        }
        opts.log.warn({ stage, jobId: job.id, err: (err as Error).message, retryInMs: wait }, 'store or Redis unreachable: the job waits, no attempt spent');
        await pause(wait, opts.stopping);
      }
    }
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
