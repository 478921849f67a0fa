import { Queue, Worker } from 'bullmq';
import { deliverWebhook, queueWebhookDeliveries, sendDigests } from '@claimflow/alerts';
import { ALERTS_QUEUE, queuePrefix, WEBHOOK_QUEUE } from '@claimflow/queues';
import { WebhookJob } from '@claimflow/schemas';
import type { Running, ServiceContext } from '@claimflow/service-kit';

/**
 * Alerts on saved searches: every ALERT_CHECK_MS new matching claims are
 * queued as webhook deliveries (retried with backoff, dead-lettered after
 * WEBHOOK_ATTEMPTS), and where SMTP_URL is set a digest e-mail goes out on
 * DIGEST_CRON. Both ticks are job schedulers, so several replicas make one
 * check per tick, as for the harvests.
 */
export async function startAlerts(ctx: ServiceContext): Promise<Running> {
  const { config, log } = ctx;
  const prefix = queuePrefix(ctx.producerRedis, config.QUEUE_PREFIX);
  const alerts = new Queue(ALERTS_QUEUE, { connection: ctx.producerRedis, prefix });
  const webhooks = new Queue(WEBHOOK_QUEUE, { connection: ctx.producerRedis, prefix });
  const tick = { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } };
  await alerts.upsertJobScheduler('alerts:check', { every: config.ALERT_CHECK_MS }, { name: 'check', opts: tick });
  if (config.SMTP_URL) await alerts.upsertJobScheduler('alerts:digest', { pattern: config.DIGEST_CRON, tz: 'UTC' }, { name: 'digest', opts: tick });
  else await alerts.removeJobScheduler('alerts:digest');

  const checker = new Worker(
    ALERTS_QUEUE,
    async (job) => {
      const store = await ctx.store();
      if (job.name === 'digest') {
        const sent = await sendDigests(store.sql, { smtpUrl: config.SMTP_URL!, from: config.DIGEST_FROM, publicUrl: config.PUBLIC_URL });
        log.info(sent, 'digests sent');
        return sent;
      }
      const queued = await queueWebhookDeliveries(store.sql, webhooks, { attempts: config.WEBHOOK_ATTEMPTS, backoffMs: config.WEBHOOK_BACKOFF_MS, publicUrl: config.PUBLIC_URL });
      if (queued) log.info({ queued }, 'webhook deliveries queued');
      return { queued };
    },
    { connection: ctx.workerRedis(), prefix, concurrency: 1 },
  );
  const deliverer = new Worker(
    WEBHOOK_QUEUE,
    async (job) => ({ status: await deliverWebhook(WebhookJob.parse(job.data), config.ALERT_WEBHOOK_SECRET) }),
    { connection: ctx.workerRedis(), prefix, concurrency: 4 },
  );
  deliverer.on('failed', (job, err) => {
    const dead = job != null && job.attemptsMade >= (job.opts.attempts ?? 1);
    log.warn({ job: job?.id, search: job?.data?.search, attempts: job?.attemptsMade, err: err.message }, dead ? 'webhook dead-lettered' : 'webhook delivery failed; will retry');
  });
  checker.on('failed', (job, err) => log.warn({ job: job?.id, err: err.message }, 'alert check failed'));

  return {
    async stop() {
      await Promise.all([checker.close(), deliverer.close()]);
      await Promise.all([alerts.close(), webhooks.close()]);
    },
  };
}
