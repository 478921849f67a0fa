import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAbstractsJsonl } from '@claimflow/corpus';
import { createLogger } from '@claimflow/logger';
import { createRedis, deleteKeys, deleteQueueKeys, isCluster, newBatch, PipelineQueues, type RedisConnection } from '@claimflow/queues';
import { claims } from '../support/cli.js';
import { claimKey, readClaimsJsonl, storedClaims } from '../support/claims.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { LocalRedisCluster, missingRedisTools, PASSWORD } from './support/redis-servers.js';

/**
 * The pipeline on a real three-node Redis Cluster started by the test: the
 * four workers as processes, configured only by REDIS_CLUSTER_NODES and a
 * hash-tag QUEUE_PREFIX, fed by `claims ingest`, stored in a fresh PostgreSQL
 * database.
 */
const missing = missingRedisTools();
if (missing) console.warn(missing);
const PREFIX = '{cf-cluster}';
const log = createLogger('test', 'silent');

describe.skipIf(missing)('the pipeline on a three-node Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let pipeline: TestPipeline;
  let env: Record<string, string>;
  let redis: RedisConnection;
  let dir: string;

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start(3);
    dir = mkdtempSync(join(tmpdir(), 'claimflow-cluster-'));
    pipeline = await TestPipeline.start('cluster', {
      // The URL names no node that matters here (REDIS_CLUSTER_NODES does) but carries the nodes' password;
      // being a Redis of the test's own, it keeps the prefix clean-up off the shared Redis.
      redisUrl: `redis://:${PASSWORD}@127.0.0.1:1`,
      env: { REDIS_CLUSTER_NODES: cluster.nodes, QUEUE_PREFIX: PREFIX, CHUNK_SIZE: '40' },
      startedWhen: '/readyz',
    });
    env = pipeline.env;
    redis = createRedis({ REDIS_URL: env.REDIS_URL, REDIS_CLUSTER_NODES: cluster.nodes }, 'producer', log);
  }, 120_000);

  afterAll(async () => {
    const codes = await pipeline?.close();
    redis?.disconnect();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    // Every worker shut down cleanly on SIGTERM.
    if (codes) expect(codes).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('stores every record of a batch, with the claims `claims extract` gives', async () => {
    const file = join(dir, 'cluster-batch.jsonl');
    await writeAbstractsJsonl(file, { seed: 12, count: 300, idPrefix: 'cl-' });
    const ingest = await claims(['ingest', file, '--batch', 'on a cluster', '--wait'], env);
    expect(ingest.code, `${ingest.stderr}\n${pipeline.stack.output()}`).toBe(0);
    const batchId = ingest.stdout.trim().split('\n')[0];
    expect(await pipeline.store.batch(batchId)).toMatchObject({ status: 'done', total: 300, accepted: 300, rejected: 0 });
    expect((await pipeline.store.counts()).papers).toBe(300);
    const extracted = await claims(['extract', '--in', file]);
    expect(extracted.code).toBe(0);
    const expected = readClaimsJsonl(extracted.stdout).map(claimKey).sort();
    expect(expected.length).toBeGreaterThan(300);
    expect((await storedClaims(pipeline.store, batchId)).map(claimKey).sort()).toEqual(expected);
  }, 120_000);

  it('answers claims status and claims failures through the cluster', async () => {
    const status = await claims(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.prefix).toBe(PREFIX);
    // 300 records in chunks of 40 are 8 ingest jobs and the closing one; finished jobs are trimmed only past 100.
    expect(parsed.queues.ingest.completed).toBe(9);
    expect(parsed.queues.write.failed).toBe(0);
    const failures = await claims(['failures'], env);
    expect(failures.code, failures.stderr).toBe(0);
    expect(failures.stdout).toMatch(/no failed jobs/);
  });

  it('keeps all of a queue prefix in one hash slot, so on one master', () => {
    const byNode = Object.values(cluster.keysByNode());
    expect(byNode.filter((n) => n > 0)).toHaveLength(1);
  });

  it('uses a prefix without a hash tag as one, so BullMQ can run on a cluster', async () => {
    expect(isCluster(redis)).toBe(true);
    const queues = new PipelineQueues(redis, 'cf-plain');
    try {
      expect(queues.prefix).toBe('{cf-plain}');
      const batch = newBatch('plain prefix');
      await queues.add('ingest', { batch, file: 'x.jsonl', records: [], total: 0 }, `${batch.id}.end`);
      expect(await queues.byStage.ingest.getJobCountByTypes('waiting')).toBe(1);
      expect(await deleteQueueKeys(redis, 'cf-plain')).toBeGreaterThan(0);
      expect(await queues.byStage.ingest.getJobCountByTypes('waiting')).toBe(0);
    } finally {
      await queues.close();
    }
  });

  it('runs `claims run` on the cluster with its private prefix, which has no hash tag', async () => {
    const dataDir = join(dir, 'embedded');
    const run = await claims(['run', 'seeds/demo-abstracts.jsonl'], { ...env, QUEUE_PREFIX: '', DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/22 records, 22 accepted, 0 rejected/);
    // Its queues were obliterated when it finished, on whichever master held them.
    expect(await deleteKeys(redis, '{run-*')).toBe(0);
  }, 120_000);

  it('deletes keys on every master, not only the one it asked first', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `cf-probe:${i}`);
    for (const k of keys) await redis.set(k, '1');
    expect(Object.values(cluster.keysByNode()).filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await deleteKeys(redis, 'cf-probe:*')).toBe(30);
    for (const k of keys) expect(await redis.exists(k)).toBe(0);
  });
});
