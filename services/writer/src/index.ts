import { metrics, rejectionReasonLabel, startStage, type ServiceContext } from '@claimflow/service-kit';

/** Upserts each chunk in one transaction; a database outage fails the job, which retries with backoff. */
export async function startWriter(ctx: ServiceContext) {
  const store = await ctx.store();
  const running = startStage(ctx, 'write', async (job) => {
    const written = await store.writeChunk(job);
    metrics.papersWritten.inc(written.papers);
    metrics.claimsWritten.inc(written.claims);
    for (const r of job.rejections) metrics.recordsRejected.inc({ reason: rejectionReasonLabel(r.field, r.reason) });
    ctx.log.debug({ batch: job.batch.id, ...written }, 'chunk written');
  });
  return {
    ...running,
    readiness: {
      store: async () => {
        await store.sql.query('SELECT 1');
      },
    },
  };
}
