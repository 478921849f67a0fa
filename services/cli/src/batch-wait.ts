import { failedJobs, STAGES, type FailedJob, type PipelineQueues, type Stage } from '@claimflow/queues';
import type { BatchProgress } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { Progress } from './progress.js';

export interface WaitResult {
  batches: BatchProgress[];
  /** Jobs of these batches that failed for good: the batches cannot finish without a retry. */
  failed: FailedJob[];
  /** A stage with work queued and no worker consuming it, seen for `noWorkerMs`. */
  noWorker: Stage | null;
}

export interface WaitOptions {
  progress?: Progress;
  /** How long a stage may hold work with no worker before waiting stops; 0: never checked (workers in this process). */
  noWorkerMs?: number;
  /** Stops waiting (a signal to a `claims run`). */
  signal?: AbortSignal;
}

/**
 * Waits until every batch is done: all of its records stored or rejected.
 * Stops early when a job of these batches failed for good and nothing else is
 * pending, since those batches cannot finish without a retry, and when a
 * stage holds work that no worker consumes (BullMQ names its workers in
 * Redis), since waiting would be for ever.
 */
export async function waitForBatches(store: Store, queues: PipelineQueues, ids: string[], opts: WaitOptions = {}): Promise<WaitResult> {
  const { progress, noWorkerMs = 0, signal } = opts;
  const idle = new Map<Stage, number>();
  for (let tick = 0; ; tick++) {
    signal?.throwIfAborted();
    const batches = (await Promise.all(ids.map((id) => store.batch(id)))).filter((b): b is BatchProgress => b !== null);
    const done = batches.reduce((n, b) => n + b.accepted + b.rejected, 0);
    const total = batches.every((b) => b.total != null) && batches.length === ids.length ? batches.reduce((n, b) => n + (b.total ?? 0), 0) : null;
    const claims = `records, ${batches.reduce((n, b) => n + b.claims, 0)} claims`;
    progress?.update(done, total, claims);
    if (batches.length === ids.length && batches.every((b) => b.status === 'done')) {
      progress?.done(done, total, claims);
      return { batches, failed: [], noWorker: null };
    }
    // Every half second: what failed, and who is consuming.
    if (tick % 5 === 0) {
      const failed = (await failedJobs(queues)).filter((f) => f.batchId != null && ids.includes(f.batchId));
      if (failed.length && (await queues.pending()) === 0) return { batches, failed, noWorker: null };
      if (noWorkerMs) {
        const stage = await stageWithoutWorker(queues);
        for (const s of STAGES) if (s !== stage) idle.delete(s);
        if (stage) {
          const since = idle.get(stage) ?? Date.now();
          idle.set(stage, since);
          if (Date.now() - since >= noWorkerMs) return { batches, failed, noWorker: stage };
        }
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first stage with jobs waiting and no worker connected to its queue; null if every such stage has one. */
async function stageWithoutWorker(queues: PipelineQueues): Promise<Stage | null> {
  const counts = await queues.counts();
  for (const stage of STAGES) {
    const c = counts[stage];
    if (c.waiting + c.prioritized + c.delayed === 0) continue;
    try {
      if ((await queues.byStage[stage].getWorkersCount()) === 0) return stage;
    } catch {
      return null; // a Redis without CLIENT LIST / SETNAME (some managed ones): cannot tell, so keep waiting
    }
  }
  return null;
}

/** What failed, one line per job, and what to do about it. */
export function describeFailures(failed: FailedJob[], prefixFlag = ''): string[] {
  const shown = failed.slice(0, 10).map((f) => `  ${f.stage} job ${f.jobId}: ${f.reason}`);
  if (failed.length > shown.length) shown.push(`  … and ${failed.length - shown.length} more`);
  return [...shown, `  see them with: claims failures${prefixFlag}; re-run them with: claims retry${prefixFlag}`];
}
