import { createServer, type Server } from 'node:http';
import { metricsRegistry } from './metrics.js';

export type ReadinessCheck = () => Promise<void>;

/**
 * /healthz answers while the process is alive; /readyz runs every check
 * (Redis, store) and answers 503 naming the first that fails; /metrics is
 * Prometheus text.
 */
export function startHealthServer(port: number, checks: Record<string, ReadinessCheck>): Promise<Server> {
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/healthz') return send(200, { status: 'ok' });
    if (req.url === '/readyz') {
      const result = await readiness(checks);
      return send(result.ready ? 200 : 503, result);
    }
    if (req.url === '/metrics') {
      const body = await metricsRegistry.metrics();
      res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(body);
      return;
    }
    send(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

export async function readiness(checks: Record<string, ReadinessCheck>) {
  const results: Record<string, string> = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      await withTimeout(check(), 2000);
      results[name] = 'ok';
    } catch (err) {
      results[name] = (err as Error).message;
    }
  }
  return { ready: Object.values(results).every((r) => r === 'ok'), checks: results };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then((v) => (clearTimeout(t), resolve(v)), (e) => (clearTimeout(t), reject(e)));
  });
}
