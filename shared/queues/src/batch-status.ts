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
