import type { Config } from '@claimflow/config';
import type { Logger } from '@claimflow/logger';
import { assertRedisReachable, createRedis, PipelineQueues, type RedisConnection } from '@claimflow/queues';
import { openStore, type Store } from '@claimflow/store';

/**
 * The connections a service runs on, opened once. `claims run` shares one
 * context among all services in its process; each container opens its own.
 */
export interface ServiceContext {
  config: Config;
  log: Logger;
  /** Blocking connection for workers (maxRetriesPerRequest: null). */
  workerRedis(): RedisConnection;
  /** Fail-fast connection for producers. */
  producerRedis: RedisConnection;
  queues: PipelineQueues;
  store(): Promise<Store>;
  close(): Promise<void>;
}

/** `readOnlyStore`: the process only reads the store, so an embedded store another process holds is read through it. */
export async function createContext(config: Config, log: Logger, opts: { readOnlyStore?: boolean } = {}): Promise<ServiceContext> {
  // One Redis, Sentinel or Cluster, as the config says: every connection comes from createRedis.
  await assertRedisReachable(config);
  const producerRedis = createRedis(config, 'producer', log);
  const queues = new PipelineQueues(producerRedis, config.QUEUE_PREFIX, { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS });
  const workerConnections: RedisConnection[] = [];
  let store: Promise<Store> | null = null;
  return {
    config,
    log,
    producerRedis,
    queues,
    workerRedis() {
      const redis = createRedis(config, 'worker', log);
      workerConnections.push(redis);
      return redis;
    },
    store() {
      store ??= openStore({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
        migrate: true,
        readOnly: opts.readOnlyStore,
      });
      return store;
    },
    async close() {
      await queues.close();
      // A store that never opened has nothing to close; its error was reported where it was asked for.
      if (store) await store.then((s) => s.close()).catch(() => {});
      for (const r of workerConnections) r.disconnect();
      producerRedis.disconnect();
    },
  };
}
