import type { PipelineQueues } from '@claimflow/queues';
import { enableDefaultMetrics, metricsRegistry, trackQueueDepths } from '@claimflow/service-kit';
import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';

const requestSeconds = new Histogram({
  name: 'claimflow_http_request_duration_seconds',
  help: 'API requests by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/**
 * Prometheus metrics of the API process: requests by route, queue depths,
 * process. Installed on the root instance, not as an encapsulated plugin, so
 * its hook times every route registered after it.
 */
export function installMetrics(app: FastifyInstance, opts: { queues?: PipelineQueues }): void {
  enableDefaultMetrics();
  if (opts.queues) trackQueueDepths(opts.queues);
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, not the URL: label values stay few whatever is requested.
    const route = req.routeOptions.url ?? 'unmatched';
    requestSeconds.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });
}
