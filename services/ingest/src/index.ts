import type { ExtractJob, IngestJob } from '@claimflow/schemas';
import { checkRecord } from '@claimflow/readers';
import { startStage, type Running, type ServiceContext } from '@claimflow/service-kit';
import { startInbox } from './inbox.js';

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

/** The ingest worker, and the inbox watcher when INBOX_DIR is set. */
export async function startIngest(ctx: ServiceContext): Promise<Running> {
  const worker = startStage(ctx, 'ingest', async (job, bull) => {
    await ctx.queues.forward('extract', checkChunk(job), bull.id!);
  });
  const inbox = ctx.config.INBOX_DIR ? await startInbox(ctx, ctx.config.INBOX_DIR) : null;
  // With an inbox, ingest reads and writes the store (which files it has taken), so it is ready only when the store answers.
  const store = inbox ? await ctx.store() : null;
  return {
    async stop() {
      await inbox?.stop();
      await worker.stop();
    },
    readiness: store
      ? {
          store: async () => {
            await store.sql.query('SELECT 1');
          },
        }
      : undefined,
  };
}
