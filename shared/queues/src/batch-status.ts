import type { BatchProgress } from '@claimflow/schemas';
import type { PipelineQueues } from './pipeline-queues.js';
import { STAGES, type Stage } from './names.js';
import { failedReasonText } from './worker-died.js';

export interface FailedJob {
  stage: Stage;
  jobId: string;
  reason: string;
  batchId: string | null;
}

/** Jobs that failed for good, in every stage (at most `limit` per stage), with the batch each belongs to. */
export async function failedJobs(queues: PipelineQueues, limit = 1000): Promise<FailedJob[]> {
  const out: FailedJob[] = [];
  for (const stage of STAGES) {
    for (const job of await queues.byStage[stage].getFailed(0, limit - 1)) {
      if (!job) continue;
      out.push({ stage, jobId: String(job.id), reason: failedReasonText(job.failedReason), batchId: job.data?.batch?.id ?? null });
    }
  }
  return out;
}

/**
 * A batch's status as an operator reads it: "done" only when every record is
 * stored or rejected; "failed (N jobs)" when jobs of it failed for good, since
 * it cannot finish without `claims retry`; "interrupted" when the run that
 * sent it was stopped; else "running".
 */
export function batchStatusText(batch: BatchProgress, failed: readonly FailedJob[]): string {
  if (batch.status === 'done') return 'done';
  const n = failed.filter((f) => f.batchId === batch.id).length;
  if (n) return `failed (${n} job${n === 1 ? '' : 's'})`;
  return batch.status;
}

export interface BatchWork {
  name: string;
  /** Jobs of the batch not finished yet (waiting, delayed — a retry in backoff —, prioritized or active), every stage. */
  pending: number;
  /** Jobs of the batch that failed for good. */
  failed: number;
}

/**
 * Every batch with jobs still in the queues, pending or failed, from the
 * queues themselves: a batch whose jobs never reached the writer (failed in
 * extraction, or waiting through an outage) has no row in the store yet but
 * is listed all the same. At most `limit` jobs per stage and state are read.
 */
export async function batchesWithWork(queues: PipelineQueues, failed: readonly FailedJob[], limit = 1000): Promise<Map<string, BatchWork>> {
  const out = new Map<string, BatchWork>();
  const entry = (id: string, name: string) => out.get(id) ?? out.set(id, { name, pending: 0, failed: 0 }).get(id)!;
  for (const stage of STAGES) {
    for (const job of await queues.byStage[stage].getJobs(['waiting', 'delayed', 'prioritized', 'active', 'paused'], 0, limit - 1)) {
      const batch = job?.data?.batch as { id?: string; name?: string } | undefined;
      if (batch?.id) entry(batch.id, batch.name ?? batch.id).pending++;
    }
  }
  for (const f of failed) if (f.batchId) entry(f.batchId, f.batchId).failed++;
  return out;
}
