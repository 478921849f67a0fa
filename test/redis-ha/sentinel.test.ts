import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@claimflow/logger';
import { createRedis, deleteQueueKeys, isCluster } from '@claimflow/queues';
import { claims } from '../support/cli.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { LocalSentinel, missingRedisTools, PASSWORD } from './support/redis-servers.js';

/**
 * The pipeline on a Redis it finds through a sentinel: a private Redis, a
 * replica and a sentinel (`redis-server --sentinel`) on ports the OS picked,
 * the workers configured by REDIS_SENTINELS and REDIS_SENTINEL_NAME only;
 * then a failover, which the running workers must follow.
 */
const missing = missingRedisTools();
if (missing) console.warn(missing);
const log = createLogger('test', 'silent');

describe.skipIf(missing)('the pipeline on a Redis found through Sentinel', () => {
  let sentinel: LocalSentinel;
  let pipeline: TestPipeline;
  let env: Record<string, string>;

  beforeAll(async () => {
    sentinel = await LocalSentinel.start('cf-master');
    pipeline = await TestPipeline.start('sentinel', {
      // No Redis answers at REDIS_URL's host: only the sentinel knows where the master is; the URL carries the master's password.
      redisUrl: `redis://:${PASSWORD}@127.0.0.1:1`,
      env: { REDIS_SENTINELS: sentinel.sentinels, REDIS_SENTINEL_NAME: sentinel.name, REDIS_SENTINEL_PASSWORD: PASSWORD },
      startedWhen: '/readyz',
    });
    env = pipeline.env;
  }, 120_000);

  afterAll(async () => {
    const codes = await pipeline?.close();
    await sentinel?.stop();
    if (codes) expect(codes).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('runs a batch through to the store, with its queues in the monitored Redis', async () => {
    const ingest = await claims(['ingest', 'seeds/demo-abstracts.jsonl', '--batch', 'via sentinel', '--wait'], env);
    expect(ingest.code, `${ingest.stderr}\n${pipeline.stack.output()}`).toBe(0);
    const batchId = ingest.stdout.trim().split('\n')[0];
    expect(await pipeline.store.batch(batchId)).toMatchObject({ status: 'done', total: 22, accepted: 22, rejected: 0 });
    expect((await pipeline.store.counts()).claims).toBeGreaterThan(22);
    expect(sentinel.keys()).toBeGreaterThan(0);
  }, 120_000);

  it('connects through the sentinel from the factory, and cleans up the prefix there', async () => {
    const redis = createRedis({ REDIS_URL: env.REDIS_URL, REDIS_SENTINELS: sentinel.sentinels, REDIS_SENTINEL_NAME: sentinel.name, REDIS_SENTINEL_PASSWORD: PASSWORD }, 'producer', log);
    try {
      expect(isCluster(redis)).toBe(false);
      expect(await deleteQueueKeys(redis, env.QUEUE_PREFIX)).toBeGreaterThan(0);
      expect(sentinel.keys()).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it('follows a failover: the workers carry on with the new master', async () => {
    const before = sentinel.masterPort();
    await sentinel.failover();
    expect(sentinel.masterPort()).not.toBe(before);
    const ingest = await claims(['ingest', 'seeds/demo-abstracts.jsonl', '--batch', 'after failover', '--wait'], env);
    expect(ingest.code, `${ingest.stderr}\n${pipeline.stack.output()}`).toBe(0);
    const batchId = ingest.stdout.trim().split('\n')[0];
    expect(await pipeline.store.batch(batchId)).toMatchObject({ status: 'done', total: 22, accepted: 22, rejected: 0 });
    expect(sentinel.keys()).toBeGreaterThan(0);
  }, 120_000);

  it('names the master it cannot find and what to fix', async () => {
    const r = await claims(['status'], { ...env, REDIS_SENTINEL_NAME: 'no-such-master' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claims: Redis is not answering at the Redis master "no-such-master" of the sentinels at 127\.0\.0\.1:\d+ .*REDIS_SENTINEL_NAME/)]);
  });
});
