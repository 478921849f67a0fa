import type { PipelineQueues } from '@claimflow/queues';
import type { BatchProgress } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { Progress } from './progress.js';

export interface WaitResult {
  batches: BatchProgress[];
  /** Jobs that failed for good while waiting: the batches they belong to cannot finish. */
  failed: number;
}

/**
 * Waits until every batch is done: all of its records stored or rejected.
 * Stops early when nothing is left in the queues but failed jobs, since those
 * batches cannot finish without a retry.
 */
export async function waitForBatches(store: Store, queues: PipelineQueues, ids: string[], progress?: Progress): Promise<WaitResult> {
  const failedBefore = await failedCount(queues);
  for (;;) {
    const batches = (await Promise.all(ids.map((id) => store.batch(id)))).filter((b): b is BatchProgress => b !== null);
    const done = batches.reduce((n, b) => n + b.accepted + b.rejected, 0);
    const total = batches.every((b) => b.total != null) && batches.length === ids.length ? batches.reduce((n, b) => n + (b.total ?? 0), 0) : null;
    progress?.update(done, total, `records, ${batches.reduce((n, b) => n + b.claims, 0)} claims`);
    if (batches.length === ids.length && batches.every((b) => b.status === 'done')) {
      progress?.done(done, total, `records, ${batches.reduce((n, b) => n + b.claims, 0)} claims`);
      return { batches, failed: 0 };
    }
    const failed = (await failedCount(queues)) - failedBefore;
    if (failed > 0 && (await queues.pending()) === 0) return { batches, failed };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function failedCount(queues: PipelineQueues): Promise<number> {
  const counts = await queues.counts();
  return Object.values(counts).reduce((n, c) => n + c.failed, 0);
}
