import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { ConfigError, type Config } from '@claimflow/config';
import type { Logger } from '@claimflow/logger';

/**
 * The one place Redis connections are made. Every queue, worker, health
 * check, CLI command and key clean-up gets its connection here, so one Redis,
 * a Redis watched by Sentinel, and a Redis Cluster are all a matter of config.
 */
export type RedisConnection = Redis | Cluster;

/** The config variables that say where Redis is. */
export type RedisSettings = Pick<Config, 'REDIS_URL'> &
  Partial<Pick<Config, 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_SENTINEL_PASSWORD' | 'REDIS_CLUSTER_NODES'>>;

export interface HostPort {
  host: string;
  port: number;
}

export type RedisTarget =
  | { mode: 'single'; url: string }
  /** REDIS_URL gives the data nodes' user, password, database and TLS; the sentinels name the master. */
  | { mode: 'sentinel'; url: string; sentinels: HostPort[]; name: string; sentinelPassword?: string }
  /** REDIS_URL gives the nodes' user, password and TLS; the nodes are where discovery starts. */
  | { mode: 'cluster'; url: string; nodes: HostPort[] };

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

const hostPorts = (list: string): HostPort[] =>
  list.split(',').map((entry) => {
    const at = entry.lastIndexOf(':');
    return { host: entry.slice(0, at).trim(), port: Number(entry.slice(at + 1)) };
  });

/** Where Redis is, from a URL (one Redis) or the config's Redis variables. */
export function redisTarget(where: string | RedisSettings): RedisTarget {
  if (typeof where === 'string') return { mode: 'single', url: where };
  if (where.REDIS_SENTINELS && where.REDIS_CLUSTER_NODES) {
    throw new ConfigError('invalid environment: REDIS_SENTINELS and REDIS_CLUSTER_NODES are both set; a Redis is either watched by sentinels or a cluster: unset one');
  }
  if (where.REDIS_CLUSTER_NODES) return { mode: 'cluster', url: where.REDIS_URL, nodes: hostPorts(where.REDIS_CLUSTER_NODES) };
  if (where.REDIS_SENTINELS) {
    return {
      mode: 'sentinel',
      url: where.REDIS_URL,
      sentinels: hostPorts(where.REDIS_SENTINELS),
      name: where.REDIS_SENTINEL_NAME ?? 'mymaster',
      sentinelPassword: where.REDIS_SENTINEL_PASSWORD,
    };
  }
  return { mode: 'single', url: where.REDIS_URL };
}

/** Where a target points, for logs and errors, without its password. */
export function describeRedis(where: string | RedisSettings | RedisTarget): string {
  const t = typeof where === 'object' && 'mode' in where ? where : redisTarget(where);
  const list = (xs: HostPort[]) => xs.map((x) => `${x.host}:${x.port}`).join(',');
  if (t.mode === 'cluster') return `the Redis Cluster at ${list(t.nodes)}`;
  if (t.mode === 'sentinel') return `the Redis master "${t.name}" of the sentinels at ${list(t.sentinels)}`;
  return redactUrl(t.url);
}

/** The user, password, database and TLS a redis:// or rediss:// URL carries, as ioredis options. */
function urlOptions(url: string, withDb: boolean): RedisOptions {
  const u = new URL(url);
  const opts: RedisOptions = {};
  if (u.username) opts.username = decodeURIComponent(u.username);
  if (u.password) opts.password = decodeURIComponent(u.password);
  const db = Number(u.pathname.slice(1));
  if (withDb && u.pathname.length > 1 && Number.isInteger(db)) opts.db = db;
  if (u.protocol === 'rediss:') opts.tls = {};
  return opts;
}

const retry = (n: number) => Math.min(200 * 2 ** n, 5000);

/**
 * Workers block on Redis and must never give up a command
 * (maxRetriesPerRequest: null); producers fail fast instead of queueing
 * commands while Redis is away (enableOfflineQueue: false). Both log
 * connection errors rather than crash on an unhandled 'error' event.
 */
export function createRedis(where: string | RedisSettings | RedisTarget, role: 'worker' | 'producer', log: Logger): RedisConnection {
  const target = typeof where === 'object' && 'mode' in where ? where : redisTarget(where);
  const roleOptions: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null, enableReadyCheck: true } : { maxRetriesPerRequest: 3, enableOfflineQueue: false };
  const redis = connect(target, roleOptions, retry);
  const label = describeRedis(target);
  let warned = false;
  redis.on('error', (err: Error) => {
    if (!warned) log.warn({ err: err.message, redis: label }, 'redis connection error; retrying');
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) log.info({ redis: label }, 'redis connection restored');
    warned = false;
  });
  return redis;
}

function connect(target: RedisTarget, options: RedisOptions, retryStrategy: (n: number) => number | null): RedisConnection {
  if (target.mode === 'single') return new Redis(target.url, { ...options, retryStrategy });
  if (target.mode === 'sentinel') {
    const data = urlOptions(target.url, true);
    return new Redis({
      ...data,
      ...options,
      sentinels: target.sentinels,
      name: target.name,
      sentinelPassword: target.sentinelPassword,
      // rediss:// is for the master and replicas; the sentinels are reached as configured.
      enableTLSForSentinelMode: data.tls != null,
      retryStrategy,
      sentinelRetryStrategy: retryStrategy,
      // Follow a failover at once (the sentinels announce +switch-master), not only when the old master goes away;
      // a write that reached a master just demoted to replica reconnects to the new one and is sent again.
      failoverDetector: true,
      reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
    });
  }
  const data = urlOptions(target.url, false);
  const { enableOfflineQueue, ...nodeOptions } = options;
  const cluster: ClusterOptions = {
    redisOptions: { ...data, ...nodeOptions },
    // The offline queue is a cluster-level option too: a producer fails fast while no node answers.
    enableOfflineQueue: enableOfflineQueue ?? true,
    enableReadyCheck: true,
    clusterRetryStrategy: retryStrategy,
    // With TLS, nodes must be dialled by the names their certificates carry, not resolved addresses.
    ...(data.tls ? { dnsLookup: (address: string, done: (err: null, address: string) => void) => done(null, address) } : {}),
  };
  return new Cluster(target.nodes, cluster);
}

export function isCluster(connection: RedisConnection): connection is Cluster {
  return (connection as Cluster).isCluster === true;
}

/**
 * The BullMQ prefix to use on a connection. On a cluster every key of a
 * queue must hash to one slot, so a prefix without a hash tag is used as one:
 * `claimflow` becomes `{claimflow}`; `{claimflow}` and `app-{cf}` stay as they are.
 */
export function queuePrefix(connection: RedisConnection, prefix: string): string {
  return isCluster(connection) && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

/** The nodes that hold keys: the masters of a cluster, else the one connection. */
export function keyNodes(connection: RedisConnection): Redis[] {
  return isCluster(connection) ? connection.nodes('master') : [connection];
}

/**
 * Deletes every key that matches a pattern. SCAN sees one node's keys, so on
 * a cluster it runs on every master; keys are unlinked one command each (in a
 * pipeline) because a multi-key UNLINK across slots is refused by a cluster.
 */
export async function deleteKeys(connection: RedisConnection, pattern: string): Promise<number> {
  // A producer connection refuses commands until it is ready, and a cluster knows its masters only then.
  await whenReady(connection);
  let deleted = 0;
  for (const node of keyNodes(connection)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) {
        const pipeline = node.pipeline();
        for (const key of keys) pipeline.unlink(key);
        await pipeline.exec();
        deleted += keys.length;
      }
      cursor = next;
    } while (cursor !== '0');
  }
  return deleted;
}

/** Resolves once the connection is ready for commands (a cluster: once it knows its slots). */
export async function whenReady(connection: RedisConnection, timeoutMs = 10_000): Promise<void> {
  if (connection.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off('ready', ready);
      reject(new UnreachableError(`Redis was not ready within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.once('ready', ready);
  });
}

/** Every key of a queue prefix as it is stored on this connection (hash tag included). */
export function deleteQueueKeys(connection: RedisConnection, prefix: string): Promise<number> {
  return deleteKeys(connection, `${queuePrefix(connection, prefix).replace(/[*?[\]\\]/g, '\\$&')}:*`);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

const HINT = {
  single: 'Start it (redis-server --daemonize yes) or set REDIS_URL.',
  sentinel: 'Start the sentinels or fix REDIS_SENTINELS / REDIS_SENTINEL_NAME.',
  cluster: 'Start the cluster or fix REDIS_CLUSTER_NODES.',
} as const;

/** Answers within a few seconds whether Redis is there, with a line that says what to start. */
export async function assertRedisReachable(where: string | RedisSettings | RedisTarget): Promise<void> {
  const target = typeof where === 'object' && 'mode' in where ? where : redisTarget(where);
  const probe =
    target.mode === 'cluster'
      ? new Cluster(target.nodes, {
          lazyConnect: true,
          clusterRetryStrategy: () => null,
          redisOptions: { ...urlOptions(target.url, false), connectTimeout: 3000, maxRetriesPerRequest: 0 },
        })
      : target.mode === 'sentinel'
        ? new Redis({ ...urlOptions(target.url, true), sentinels: target.sentinels, name: target.name, sentinelPassword: target.sentinelPassword, enableTLSForSentinelMode: target.url.startsWith('rediss:'), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null, connectTimeout: 3000 })
        : new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  probe.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
    });
    await Promise.race([probe.connect().then(() => probe.ping()), timeout]);
  } catch (err) {
    throw new UnreachableError(`Redis is not answering at ${describeRedis(target)} (${(err as Error).message}). ${HINT[target.mode]}`);
  } finally {
    clearTimeout(timer);
    probe.disconnect();
  }
}
