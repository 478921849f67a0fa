import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_API_OPTIONS } from './api-options.js';
import { installCors } from './cors.js';
import type { ApiDeps } from './deps.js';
import { installErrorHandler } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { batchesRoutes } from './routes/batches.js';
import { claimsRoutes } from './routes/claims.js';
import { correctionsRoutes } from './routes/corrections.js';
import { registerDocs } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { leaderboardsRoutes } from './routes/leaderboards.js';
import { installMetrics } from './routes/metrics.js';
import { papersRoutes } from './routes/papers.js';
import { searchesRoutes } from './routes/searches.js';
import { statsRoutes } from './routes/stats.js';
import { webRoutes } from './routes/web.js';

/** dist/web of this package, from src/ (tests) and dist/ (built) alike. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * The API as a Fastify instance, not listening: startApi listens, tests
 * inject. Query strings, params and responses are validated and serialized
 * by the shared zod schemas; the OpenAPI document is generated from them.
 */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // Keep paper and batch ids with dots or colons whole; nothing else needs long URLs.
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installMetrics(app, { queues: deps.queues });
  const options = { ...DEFAULT_API_OPTIONS, ...deps.options };
  installCors(app, options.CORS_ORIGINS);
  // Every /api route, per client: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS (0: off).
  // POST /api/batches keeps its own, stricter limit; health, metrics and the page are never limited.
  await app.register(rateLimit, {
    global: options.RATE_LIMIT_MAX > 0,
    max: options.RATE_LIMIT_MAX || 1,
    timeWindow: options.RATE_LIMIT_WINDOW_MS,
    allowList: (req) => !req.url.startsWith('/api/') && !req.url.startsWith('/api?'),
  });
  await registerDocs(app);

  await app.register(healthRoutes, { store: deps.store, redis: deps.redis });
  await app.register(adminRoutes, { queues: deps.queues, token: deps.config.ADMIN_TOKEN });
  await app.register(claimsRoutes, { store: deps.store });
  await app.register(papersRoutes, { store: deps.store });
  await app.register(statsRoutes, { store: deps.store });
  await app.register(leaderboardsRoutes, { store: deps.store });
  await app.register(correctionsRoutes, { store: deps.store, token: deps.config.API_TOKEN });
  await app.register(batchesRoutes, deps);
  await app.register(searchesRoutes, { store: deps.store, config: deps.config });
  await app.register(webRoutes, { root: deps.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}
