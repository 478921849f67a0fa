import type { Server } from 'node:http';
import type { ServiceContext } from './context.js';
import { startHealthServer, type ReadinessCheck } from './health-server.js';
import { enableDefaultMetrics, trackQueueDepths } from './metrics.js';

/** A started service: something that can be asked to stop. */
export interface Running {
  /** Stop taking work, finish or hand back what is in flight. */
  stop(): Promise<void>;
  readiness?: Record<string, ReadinessCheck>;
}

const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * Starts services in this process and stops them cleanly on SIGTERM/SIGINT:
 * stop taking jobs, let in-flight ones finish (BullMQ hands back any that do
 * not), close connections, exit 0 — or exit 1 past the deadline.
 */
export async function runServices(ctx: ServiceContext, services: Running[]): Promise<void> {
  let health: Server | null = null;
  if (ctx.config.HEALTH_PORT) {
    enableDefaultMetrics();
    trackQueueDepths(ctx.queues);
    const checks: Record<string, ReadinessCheck> = {
      redis: async () => {
        await ctx.producerRedis.ping();
      },
    };
    for (const s of services) Object.assign(checks, s.readiness);
    health = await startHealthServer(ctx.config.HEALTH_PORT, checks);
    ctx.log.info({ port: ctx.config.HEALTH_PORT }, 'health endpoint listening');
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      ctx.log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    timer.unref();
    await Promise.allSettled(services.map((s) => s.stop()));
    health?.close();
    await ctx.close();
    ctx.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
