import { Health, Readiness } from '@claimflow/schemas';
import { readiness, type ReadinessCheck } from '@claimflow/service-kit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps.js';

/** /healthz: the process answers. /readyz: Redis and the store answer too (503 naming what fails). */
export const healthRoutes: FastifyPluginAsyncZod<Pick<ApiDeps, 'store' | 'redis'>> = async (app, { store, redis }) => {
  const checks: Record<string, ReadinessCheck> = {
    store: async () => {
      await store.sql.query('SELECT 1');
    },
  };
  if (redis) checks.redis = async () => void (await redis.ping());

  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } }, async (_req, reply) => {
    const result = await readiness(checks);
    return reply.code(result.ready ? 200 : 503).send(result);
  });
};
