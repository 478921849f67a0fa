import type { Running, ServiceContext } from '@claimflow/service-kit';
import { cancelOverdueAnalystQueries } from '@claimflow/store';
import { apiOptionsFromEnv } from './api-options.js';
import { buildApp } from './app.js';

export { buildApp } from './app.js';
export type { ApiDeps } from './deps.js';
export { apiOptionsFromEnv, type ApiOptions } from './api-options.js';

/** How often the analyst role's overdue statements are looked for. */
const ANALYST_WATCH_MS = 2000;

/** With ANALYST_ROLE set: cancels that role's statements that outlast the timeout set on the role, even where a session lifted its own. */
function watchAnalystRole(ctx: ServiceContext): NodeJS.Timeout | null {
  const role = ctx.config.ANALYST_ROLE;
  if (!role) return null;
  const timer = setInterval(() => {
    void ctx
      .store()
      .then((store) => cancelOverdueAnalystQueries(store.sql, role))
      .then((pids) => pids.length && ctx.log.warn({ role, pids }, 'cancelled analyst statements past the role\'s statement_timeout'))
      .catch((err) => ctx.log.error({ err, role }, 'analyst role watch failed'));
  }, ANALYST_WATCH_MS);
  timer.unref();
  return timer;
}

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
  const watch = watchAnalystRole(ctx);
  return {
    stop: async () => {
      if (watch) clearInterval(watch);
      await app.close();
    },
    readiness: {
      store: async () => {
        await (await ctx.store()).sql.query('SELECT 1');
      },
    },
  };
}
