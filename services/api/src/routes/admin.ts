import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ALERTS_QUEUE, HARVEST_QUEUE, WEBHOOK_QUEUE, type PipelineQueues } from '@claimflow/queues';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../auth.js';

export const ADMIN_PATH = '/admin/queues';

/**
 * The queue dashboard (bull-board) over the four pipeline queues, behind
 * ADMIN_TOKEN. Registered in its own encapsulated context, so the token
 * check covers the dashboard's pages and API and nothing else.
 */
export async function adminRoutes(app: FastifyInstance, opts: { queues?: PipelineQueues; token?: string }) {
  app.addHook('onRequest', requireAdmin(opts.token));
  if (!opts.queues) return;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(ADMIN_PATH);
  // The harvests and the alerts' deliveries too: a dead-lettered webhook stays in the webhooks queue's failed list.
  const ingest = opts.queues.byStage.ingest;
  const side = [HARVEST_QUEUE, ALERTS_QUEUE, WEBHOOK_QUEUE].map((name) => new Queue(name, { connection: ingest.opts.connection, prefix: opts.queues!.prefix }));
  app.addHook('onClose', async () => {
    await Promise.all(side.map((q) => q.close()));
  });
  createBullBoard({
    queues: [...Object.values(opts.queues.byStage), ...side].map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'claimflow queues' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: ADMIN_PATH });
}
