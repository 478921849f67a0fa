import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ABSTRACT_CHARS } from '@claimflow/schemas';
import { WORKER_NODE_OPTIONS } from '../../services/cli/src/commands/worker.js';
import { claims } from '../support/cli.js';
import { testRedisUrl } from '../support/services.js';
import { TestPipeline } from '../support/test-pipeline.js';

/**
 * The worst an abstract can be for memory: the longest allowed, with no full
 * stop, dense with numbers, so every claim's evidence sentence is the whole
 * abstract. Before: 16 of these in one 200-record chunk made ~140 MB of
 * extract output, and the extractor under the 96 MB heap cap was OOM-killed
 * on the same job again and again.
 */
const wall = () => {
  const unit = `SparseKV decodes 2.7x faster than dense attention at 128K tokens using 58% less memory and `;
  return unit.repeat(Math.ceil(MAX_ABSTRACT_CHARS / unit.length)).slice(0, MAX_ABSTRACT_CHARS);
};
const WALLS = 16;
const HUGE = 10; // 0.9 MB each, the abstracts: over the limit, refused before they are queued

const dir = mkdtempSync(join(tmpdir(), 'bigabs-'));
const file = join(dir, 'long.jsonl');
writeFileSync(
  file,
  [
    ...Array.from({ length: WALLS }, (_, i) => JSON.stringify({ id: `wall-${i}`, title: `Wall ${i}`, abstract: wall() })),
    ...Array.from({ length: HUGE }, (_, i) => JSON.stringify({ id: `huge-${i}`, title: `Huge ${i}`, abstract: 'Our model is 3x faster. '.repeat(37_500) })),
  ].join('\n') + '\n',
);

describe('long abstracts under the shipped heap cap (claims run, one process)', () => {
  it('claims run stores them on the embedded store, under the same cap', async () => {
    const env = { REDIS_URL: await testRedisUrl(), DATA_DIR: join(dir, 'data'), DATABASE_URL: '', QUEUE_PREFIX: '', PORT: '0', NODE_OPTIONS: WORKER_NODE_OPTIONS };
    const run = await claims(['run', file], env);
    expect(run.code, run.stderr).toBe(3); // finished, the 0.9 MB abstracts rejected
    expect(run.stdout).toMatch(new RegExp(`batch long-jsonl-\\S+: ${WALLS + HUGE} records, ${WALLS} accepted, ${HUGE} rejected`));
  }, 180_000);
});

describe('long abstracts under the shipped heap cap (separate workers)', () => {
  let pipeline: TestPipeline;
  beforeAll(async () => {
    pipeline = await TestPipeline.start('bigabs', { env: { NODE_OPTIONS: WORKER_NODE_OPTIONS, LOG_LEVEL: 'warn' } });
  }, 60_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it(`stores ${WALLS} worst-case abstracts of ${MAX_ABSTRACT_CHARS} characters and rejects ${HUGE} of 0.9 MB, no worker dying`, async () => {
    // The CLI runs under the same cap: its reading and sending are bounded too.
    const ingest = await claims(['ingest', file, '--wait', '--no-worker-ms', '120000'], { ...pipeline.env, NODE_OPTIONS: WORKER_NODE_OPTIONS });
    expect(ingest.stderr).toContain(`abstract is longer than ${MAX_ABSTRACT_CHARS} characters`);
    const counts = await pipeline.store.counts();
    expect(counts.papers).toBe(WALLS);
    expect(counts.rejected).toBe(HUGE);
    expect(counts.claims, ingest.stdout + ingest.stderr).toBeGreaterThan(WALLS * 100);
    // Evidence is bounded: no claim repeats the whole abstract.
    const [{ longest }] = await pipeline.store.sql.query<{ longest: number }>('SELECT max(length(sentence))::int AS longest FROM claims');
    expect(longest).toBeLessThanOrEqual(1000);
    expect(pipeline.stack.alive()).toHaveLength(4);
    expect(ingest.code, ingest.stderr).toBe(3); // finished, some records rejected
  }, 180_000);
});
