import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims } from '../support/cli.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { hasOpenssl, LocalRedisCluster, missingRedisTools, PASSWORD } from './support/redis-servers.js';

/**
 * `rediss://` keeps working beyond one node: a three-node cluster that speaks
 * TLS only (clients and cluster bus), with a certificate of a CA made for the
 * test, which the processes trust through NODE_EXTRA_CA_CERTS.
 */
const missing = missingRedisTools() ?? (hasOpenssl() ? null : 'openssl is not installed: the Redis TLS test is skipped');
if (missing) console.warn(missing);

describe.skipIf(missing)('the pipeline on a Redis Cluster over TLS', () => {
  let cluster: LocalRedisCluster;
  let pipeline: TestPipeline;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start(3, { tls: true });
    pipeline = await TestPipeline.start('cluster-tls', {
      redisUrl: `rediss://:${PASSWORD}@127.0.0.1:1`,
      env: { REDIS_CLUSTER_NODES: cluster.nodes, QUEUE_PREFIX: '{cf-tls}', NODE_EXTRA_CA_CERTS: cluster.ca! },
      startedWhen: '/readyz',
    });
    env = pipeline.env;
  }, 120_000);

  afterAll(async () => {
    const codes = await pipeline?.close();
    await cluster?.stop();
    if (codes) expect(codes).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('runs a batch through to the store', async () => {
    const ingest = await claims(['ingest', 'seeds/demo-abstracts.jsonl', '--batch', 'over tls', '--wait'], env);
    expect(ingest.code, `${ingest.stderr}\n${pipeline.stack.output()}`).toBe(0);
    const batchId = ingest.stdout.trim().split('\n')[0];
    expect(await pipeline.store.batch(batchId)).toMatchObject({ status: 'done', total: 22, accepted: 22, rejected: 0 });
  }, 120_000);

  it('really is TLS: a client that does not trust the CA is refused, in one line', async () => {
    const r = await claims(['status'], { ...env, NODE_EXTRA_CA_CERTS: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claims: Redis is not answering at the Redis Cluster at 127\.0\.0\.1:\d+/)]);
  });
});
