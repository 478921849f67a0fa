import { EXTRACTOR_VERSION, extractDrafts } from '@claimflow/extract';
import type { ExtractJob, NormalizeJob } from '@claimflow/schemas';
import { startStage, type ServiceContext } from '@claimflow/service-kit';

export function extractChunk(job: ExtractJob): NormalizeJob {
  return {
    batch: job.batch,
    extractorVersion: EXTRACTOR_VERSION,
    papers: job.papers.map((paper) => ({ paper, drafts: extractDrafts(paper.abstract) })),
    rejections: job.rejections,
    total: job.total,
  };
}

export function startExtractor(ctx: ServiceContext) {
  return startStage(ctx, 'extract', async (job, bull) => {
    await ctx.queues.forward('normalize', extractChunk(job), bull.id!);
  });
}
