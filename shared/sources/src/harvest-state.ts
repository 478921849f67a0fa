import { z } from 'zod';
import { queuePrefix, type RedisConnection } from '@claimflow/queues';
import type { SourceName } from './source.js';

/**
 * Where a source's harvests stand, in Redis beside the queues: the day the
 * next run starts from, and, while a run is unfinished (running, or cut
 * off), the cursor of the first page it has not yet handed to the pipeline.
 */
export const HarvestState = z.object({
  since: z.string().nullable(),
  pending: z
    .object({
      cursor: z.string(),
      /** The day the next run starts from once this one is complete. */
      until: z.string(),
      batchName: z.string(),
      startedAt: z.string(),
    })
    .nullable(),
  lastRun: z
    .object({ finishedAt: z.string(), sent: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), error: z.string().nullable() })
    .nullable()
    .default(null),
});
export type HarvestState = z.infer<typeof HarvestState>;

const EMPTY: HarvestState = { since: null, pending: null, lastRun: null };

/** A Lua script that runs `action` on the lock KEYS[1] only while it still holds our token ARGV[1]. */
const OWN_LOCK_THEN = (action: string) => `if redis.call('get', KEYS[1]) == ARGV[1] then return ${action} else return 0 end`;

export class HarvestStateStore {
  constructor(private readonly redis: RedisConnection, private readonly prefix: string) {}

  key(source: SourceName, what: 'state' | 'lock' = 'state'): string {
    return `${queuePrefix(this.redis, this.prefix)}:harvest:${source}:${what}`;
  }

  async get(source: SourceName): Promise<HarvestState> {
    const raw = await this.redis.get(this.key(source));
    if (!raw) return EMPTY;
    const parsed = HarvestState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY;
  }

  async set(source: SourceName, state: HarvestState): Promise<void> {
    await this.redis.set(this.key(source), JSON.stringify(HarvestState.parse(state)));
  }

  /**
   * Only one run of a source at a time, across processes: a lock that
   * expires on its own if its holder dies. Returns a release function, or
   * null when another run holds it.
   */
  async lock(source: SourceName, ttlMs: number): Promise<(() => Promise<void>) | null> {
    const key = this.key(source, 'lock');
    const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
    // Renew only our own lock: one that expired and was taken by another run is that run's to keep alive.
    const renew = setInterval(
      () => void this.redis.eval(OWN_LOCK_THEN("redis.call('pexpire', KEYS[1], ARGV[2])"), 1, key, token, ttlMs).catch(() => {}),
      Math.max(1000, ttlMs / 3),
    );
    renew.unref();
    return async () => {
      clearInterval(renew);
      // Delete only our own lock: one that expired and was taken by another run stays.
      await this.redis.eval(OWN_LOCK_THEN("redis.call('del', KEYS[1])"), 1, key, token);
    };
  }
}
