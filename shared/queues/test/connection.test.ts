import { describe, expect, it } from 'vitest';
import { loadConfig } from '@claimflow/config';
import { createLogger } from '@claimflow/logger';
import { testRedisUrl, uniquePrefix } from '../../../test/support/services.js';
import { assertRedisReachable, createRedis, deleteQueueKeys, describeRedis, isCluster, PipelineQueues, queuePrefix, redisTarget, UnreachableError } from '../src/index.js';

const log = createLogger('test', 'silent');

describe('redisTarget', () => {
  it('is one Redis by default, from REDIS_URL', () => {
    expect(redisTarget(loadConfig({}))).toEqual({ mode: 'single', url: 'redis://127.0.0.1:6379' });
  });
  it('reads sentinels and cluster nodes as host and port', () => {
    expect(redisTarget(loadConfig({ REDIS_SENTINELS: 'a:26379,b:26380', REDIS_SENTINEL_NAME: 'main' }))).toMatchObject({
      mode: 'sentinel',
      name: 'main',
      sentinels: [{ host: 'a', port: 26379 }, { host: 'b', port: 26380 }],
    });
    expect(redisTarget(loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000,n2:7001' }))).toMatchObject({ mode: 'cluster', nodes: [{ host: 'n1', port: 7000 }, { host: 'n2', port: 7001 }] });
  });
  it('refuses sentinels and cluster nodes together, saying what to do', () => {
    expect(() => redisTarget(loadConfig({ REDIS_SENTINELS: 'a:1', REDIS_CLUSTER_NODES: 'b:2' }))).toThrow(/REDIS_SENTINELS and REDIS_CLUSTER_NODES are both set.*unset one/);
  });
  it('describes a target without its password', () => {
    expect(describeRedis('redis://u:secret@h:1')).toBe('redis://u:***@h:1');
    expect(describeRedis(loadConfig({ REDIS_URL: 'rediss://:secret@x:1', REDIS_CLUSTER_NODES: 'n1:7000' }))).toBe('the Redis Cluster at n1:7000');
  });
});

describe('connections from the factory', () => {
  it('keeps the prefix as it is on one Redis', async () => {
    const redis = createRedis(await testRedisUrl(), 'producer', log);
    try {
      expect(isCluster(redis)).toBe(false);
      expect(queuePrefix(redis, 'claimflow')).toBe('claimflow');
      const prefix = uniquePrefix('conn');
      const queues = new PipelineQueues(redis, prefix);
      await queues.byStage.ingest.add('ingest', {}, { jobId: 'one' });
      await queues.close();
      // A fresh producer connection (no offline queue) waits until it is ready before it scans.
      const fresh = createRedis(await testRedisUrl(), 'producer', log);
      expect(await deleteQueueKeys(fresh, prefix)).toBeGreaterThan(0);
      fresh.disconnect();
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
  it('says which sentinels or cluster nodes do not answer, and what to fix', async () => {
    await expect(assertRedisReachable(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:1' }))).rejects.toThrow(UnreachableError);
    await expect(assertRedisReachable(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:1' }))).rejects.toThrow(/the Redis Cluster at 127\.0\.0\.1:1 .*fix REDIS_CLUSTER_NODES/);
    await expect(assertRedisReachable(loadConfig({ REDIS_SENTINELS: '127.0.0.1:1' }))).rejects.toThrow(/sentinels at 127\.0\.0\.1:1 .*REDIS_SENTINELS/);
  });
});
