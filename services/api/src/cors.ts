import type { FastifyInstance } from 'fastify';

/** The read-only routes another origin may read: the API's GETs and the OpenAPI document. */
const READ_ONLY = /^\/(api|docs)(\/|$|\.|\?)/;

/**
 * CORS for the read-only routes, for the origins listed in CORS_ORIGINS only
 * (off when the list is empty). Writes (POST /api/batches) and the dashboard
 * never answer another origin: their preflight gets no allow headers, so a
 * browser refuses to send them.
 */
export function installCors(app: FastifyInstance, origins: string[]): void {
  if (!origins.length) return;
  const any = origins.includes('*');
  const allowed = new Set(origins);
  app.addHook('onRequest', async (req, reply) => {
    const from = req.headers.origin;
    if (!from || !READ_ONLY.test(req.url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') return;
    reply.header('vary', 'Origin');
    if (!any && !allowed.has(from)) return;
    reply.header('access-control-allow-origin', any ? '*' : from);
    if (req.method === 'OPTIONS') {
      const asked = String(req.headers['access-control-request-method'] ?? 'GET').toUpperCase();
      if (asked !== 'GET' && asked !== 'HEAD') return reply.code(204).send();
      reply.header('access-control-allow-methods', 'GET, HEAD').header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
