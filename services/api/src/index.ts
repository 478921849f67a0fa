import type { Running, ServiceContext } from '@claimflow/service-kit';
import { apiOptionsFromEnv } from './api-options.js';
import { buildApp } from './app.js';

export { buildApp } from './app.js';
export type { ApiDeps } from './deps.js';
export { apiOptionsFromEnv, type ApiOptions } from './api-options.js';

/** The API service: serves the store and adds batches through the context's queues. */
export async function startApi(ctx: ServiceContext): Promise<Running> {
  const app = await buildApp({
    store: await ctx.store(),
    queues: ctx.queues,
    redis: ctx.producerRedis,
    config: ctx.config,
    logger: ctx.log,
    options: apiOptionsFromEnv(),
  });
  const address = await app.listen({ host: ctx.config.HOST, port: ctx.config.PORT });
  ctx.log.info({ address, docs: `${address}/docs` }, 'api listening');
  return {
    stop: () => app.close(),
    readiness: {
      store: async () => {
        await (await ctx.store()).sql.query('SELECT 1');
      },
    },
  };
}
