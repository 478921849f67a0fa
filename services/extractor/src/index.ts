import { startStage, type Running, type ServiceContext } from '@claimflow/service-kit';
import { extractChunk } from './extract-chunk.js';
import { ExtractThreads } from './extract-threads.js';

export { extractChunk } from './extract-chunk.js';
export { ExtractThreads } from './extract-threads.js';

/** The extract stage: EXTRACT_THREADS > 0 extracts on that many threads, else on the worker's own. */
export function startExtractor(ctx: ServiceContext): Running {
  const threads = ctx.config.EXTRACT_THREADS > 0 ? new ExtractThreads(ctx.config.EXTRACT_THREADS) : null;
  const stage = startStage(ctx, 'extract', async (job, bull) => {
    await ctx.queues.forward('normalize', threads ? await threads.run(job) : extractChunk(job), bull.id!);
  });
  return {
    stop: async () => {
      await stage.stop();
      await threads?.close();
    },
  };
}
