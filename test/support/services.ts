import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createDatabase, type CreatedDatabase } from './pg-database.mjs';

/**
 * Where the tests find Redis and PostgreSQL: REDIS_URL / DATABASE_URL when
 * set; else throwaway containers where a Docker engine answers; else the
 * servers on loopback that CI and this machine run.
 */
const hasDocker = (() => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
})();

let redisUrl: Promise<string> | null = null;
let postgresUrl: Promise<string> | null = null;

export function testRedisUrl(): Promise<string> {
  redisUrl ??= (async () => {
    if (process.env.REDIS_URL) return process.env.REDIS_URL;
    if (hasDocker) {
      const { RedisContainer } = await import('@testcontainers/redis');
      const c = await new RedisContainer('redis:7.2-alpine').start();
      return c.getConnectionUrl();
    }
    return 'redis://127.0.0.1:6379';
  })();
  return redisUrl;
}

/** A URL of a database the tests may create other databases from. */
function adminPostgresUrl(): Promise<string> {
  postgresUrl ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    if (hasDocker) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const c = await new PostgreSqlContainer('postgres:16-alpine').start();
      return c.getConnectionUri();
    }
    return 'postgres://postgres@127.0.0.1:5432/postgres';
  })();
  return postgresUrl;
}

export type TestDatabase = CreatedDatabase;

/** A fresh, empty database on the test server, so test files never share tables. */
export async function freshDatabase(label = 'test'): Promise<TestDatabase> {
  return createDatabase(await adminPostgresUrl(), label);
}

/** A queue prefix no other test uses. */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key of a queue prefix, so test runs leave nothing behind in a shared Redis. */
export async function dropPrefix(prefix: string): Promise<void> {
  const { createRedis, deleteQueueKeys } = await import('@claimflow/queues');
  const { createLogger } = await import('@claimflow/logger');
  const redis = createRedis(await testRedisUrl(), 'producer', createLogger('test', 'silent'));
  try {
    await deleteQueueKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
