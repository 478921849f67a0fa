import type { NormalizeJob, WriteJob } from '@claimflow/schemas';
import { startStage, type ServiceContext } from '@claimflow/service-kit';
import { toClaimRecord } from '@claimflow/units';

export function normalizeChunk(job: NormalizeJob): WriteJob {
  return {
    batch: job.batch,
    extractorVersion: job.extractorVersion,
    papers: job.papers.map(({ paper, drafts }) => ({
      paper,
      claims: drafts.flatMap((d) => toClaimRecord(paper.id, d) ?? []),
    })),
    rejections: job.rejections,
    total: job.total,
  };
}

export function startNormalizer(ctx: ServiceContext) {
  return startStage(ctx, 'normalize', async (job, bull) => {
    await ctx.queues.forward('write', normalizeChunk(job), bull.id!);
  });
}
