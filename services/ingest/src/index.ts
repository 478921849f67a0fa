import type { ExtractJob, IngestJob } from '@claimflow/schemas';
import { checkRecord } from '@claimflow/readers';
import { startStage, type ServiceContext } from '@claimflow/service-kit';

/** Validates a chunk of raw records: papers go on to extraction, bad records become rejections. */
export function checkChunk(job: IngestJob): ExtractJob {
  const out: ExtractJob = { batch: job.batch, papers: [], rejections: [], total: job.total };
  for (const raw of job.records) {
    const checked = checkRecord(raw, job.file);
    if ('paper' in checked) out.papers.push(checked.paper);
    else out.rejections.push(checked.rejection);
  }
  return out;
}

export function startIngest(ctx: ServiceContext) {
  return startStage(ctx, 'ingest', async (job, bull) => {
    await ctx.queues.add('extract', checkChunk(job), bull.id!);
  });
}
