import { startStage, type Running, type ServiceContext } from '@claimflow/service-kit';
import type { ExtractJob, NormalizeJob } from '@claimflow/schemas';
import { ExtractThreads } from './extract-threads.js';

export { ExtractThreads } from './extract-threads.js';

/** extractChunk, loaded on demand: importing this package does not load the rules, their lexicons or compromise. */
export async function loadExtractChunk(): Promise<(job: ExtractJob) => NormalizeJob> {
  return (await import('./extract-chunk.js')).extractChunk;
}

/**
 * The extract stage: EXTRACT_THREADS > 0 extracts on that many threads, else
 * on the worker's own. With threads, this thread never loads the extraction
 * rules (in `claims run`, about 24 MB of RSS that the main thread need not hold).
 */
export async function startExtractor(ctx: ServiceContext): Promise<Running> {
  const threads = ctx.config.EXTRACT_THREADS > 0 ? new ExtractThreads(ctx.config.EXTRACT_THREADS) : null;
  const extract = threads ? (job: ExtractJob) => threads.run(job) : await loadExtractChunk();
  const stage = startStage(ctx, 'extract', async (job, bull) => {
    await ctx.queues.forward('normalize', await extract(job), bull.id!);
  });
  return {
    stop: async () => {
      await stage.stop();
      await threads?.close();
    },
  };
}
