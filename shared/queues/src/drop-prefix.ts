import type { Redis } from 'ioredis';

/**
 * Deletes every key under a queue prefix: a one-shot `claims run` leaves
 * nothing of its private queues behind in a shared Redis. SCAN, not KEYS,
 * so a large Redis is never blocked.
 */
export async function dropPrefixKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) removed += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return removed;
}
