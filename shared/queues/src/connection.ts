import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '@claimflow/logger';

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/**
 * Workers block on Redis and must never give up a command
 * (maxRetriesPerRequest: null); producers fail fast instead of queueing
 * commands while Redis is away (enableOfflineQueue: false). Both log
 * connection errors rather than crash on an unhandled 'error' event.
 */
export function createRedis(url: string, role: 'worker' | 'producer', log: Logger): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 3, enableOfflineQueue: false };
  const redis = new Redis(url, { ...options, retryStrategy: (n) => Math.min(200 * 2 ** n, 5000) });
  let warned = false;
  redis.on('error', (err) => {
    if (!warned) log.warn({ err: err.message, url: redactUrl(url) }, 'redis connection error; retrying');
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) log.info({ url: redactUrl(url) }, 'redis connection restored');
    warned = false;
  });
  return redis;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Answers within a few seconds whether Redis is there, with a line that says what to start. */
export async function assertRedisReachable(url: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new UnreachableError(
      `Redis is not answering at ${redactUrl(url)} (${(err as Error).message}). Start it (redis-server --daemonize yes) or set REDIS_URL.`,
    );
  } finally {
    probe.disconnect();
  }
}
