import { EXTRACTOR_VERSION, extractDrafts } from '@claimflow/extract';
import type { ExtractJob, NormalizeJob } from '@claimflow/schemas';

/** One extract job's output: every paper's claim drafts. Pure; runs on the worker's thread or an extraction thread. */
export function extractChunk(job: ExtractJob): NormalizeJob {
  return {
    batch: job.batch,
    extractorVersion: EXTRACTOR_VERSION,
    papers: job.papers.map((paper) => ({ paper, drafts: extractDrafts(paper.abstract) })),
    rejections: job.rejections,
    total: job.total,
  };
}
