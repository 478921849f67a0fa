import { Queue, Worker } from 'bullmq';
import { HARVEST_QUEUE, queuePrefix } from '@claimflow/queues';
import type { Running, ServiceContext } from '@claimflow/service-kit';
import { configuredRequest, configuredSources, createSource, pipelineHarvest, runHarvest, SOURCE_NAMES, sourceSettings, type SourceName } from '@claimflow/sources';
import { syncSchedules } from './schedules.js';

export { schedulerId } from './schedules.js';

/**
 * The harvester: runs the sources HARVEST_SOURCES names on their schedule.
 * With none named it starts, says so, and harvests nothing (offline by
 * default). A run that fails (a source that keeps refusing) fails its job,
 * visible in the queue, and keeps its cursor for the next tick.
 */
export async function startHarvester(ctx: ServiceContext): Promise<Running> {
  const { config, log } = ctx;
  const sources = configuredSources(config);
  // Checked at start-up: a harvester told to harvest with no contact address says so at once, not at the first tick.
  const settings = new Map(sources.map((s) => [s, sourceSettings(config, s)]));
  const prefix = queuePrefix(ctx.producerRedis, config.QUEUE_PREFIX);
  const queue = new Queue(HARVEST_QUEUE, { connection: ctx.producerRedis, prefix });
  await syncSchedules(queue, sources, config.HARVEST_EVERY_MS);
  if (!sources.length) log.info('HARVEST_SOURCES is not set: nothing to harvest (set it to e.g. arxiv-oai,hf-daily)');
  else log.info({ sources, everyMs: config.HARVEST_EVERY_MS }, 'harvest schedules in place');

  const stopping = new AbortController();
  const worker = new Worker(
    HARVEST_QUEUE,
    async (job) => {
      const name = job.data?.source as SourceName;
      if (!SOURCE_NAMES.includes(name) || !settings.has(name)) return { skipped: `${name} is not in HARVEST_SOURCES` };
      const store = await ctx.store();
      log.info({ source: name, job: job.id }, 'harvest starting');
      const summary = await runHarvest({
        ...pipelineHarvest(config, { redis: ctx.producerRedis, queues: ctx.queues, sql: store.sql }),
        source: createSource(name, settings.get(name)!),
        request: configuredRequest(config),
        signal: stopping.signal,
        onPage: (p) => log.debug({ source: name, ...p }, 'harvest page'),
      });
      const { batch, ...counts } = summary;
      log.info({ ...counts, batch: batch?.id }, summary.busy ? 'harvest skipped: another run of this source holds the lock' : 'harvest finished');
      if (summary.error && !stopping.signal.aborted) throw new Error(`${name}: ${summary.error} (the next run resumes from the stored cursor)`);
      return { batch: batch?.id ?? null, ...counts };
    },
    { connection: ctx.workerRedis(), prefix, concurrency: 1, lockDuration: config.JOB_LOCK_MS },
  );
  worker.on('failed', (job, err) => log.warn({ job: job?.id, err: err.message }, 'harvest failed'));
  worker.on('error', (err) => log.error({ err }, 'harvest worker error'));

  return {
    async stop() {
      // A run in progress ends at its next page, sending what it fetched and keeping its cursor.
      stopping.abort();
      await worker.close();
      await queue.close();
    },
    readiness: {
      store: async () => {
        await (await ctx.store()).sql.query('SELECT 1');
      },
    },
  };
}
export { startAlerts } from './alerts.js';
