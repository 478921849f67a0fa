import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { PipelineQueues } from '@claimflow/queues';
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
  createBullBoard({
    queues: Object.values(opts.queues.byStage).map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'claimflow queues' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: ADMIN_PATH });
}
