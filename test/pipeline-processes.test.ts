import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Store } from '@claimflow/store';
import { claims, ROOT } from './support/cli.js';
import { STAGES, type Stage, type WorkerStack } from './support/worker-stack.js';
import { TestPipeline } from './support/test-pipeline.js';
import { claimKey, readClaimsJsonl, storedClaims } from './support/claims.js';

/**
 * The four workers as separate processes, started with the commands and
 * environment of docker-compose.yml (hosts pointed at the test's servers),
 * fed with `claims ingest` — the stack as an operator runs it.
 */
const compose = parse(readFileSync(`${ROOT}docker-compose.yml`, 'utf8'));
/** The compose service that runs each stage. */
const SERVICE_OF: Record<Stage, string> = { ingest: 'ingest', extract: 'extractor', normalize: 'normalizer', write: 'writer' };
const BATCH = 'seeds/demo-abstracts.jsonl';

describe('the pipeline as separate worker processes on PostgreSQL', () => {
  let pipeline: TestPipeline;
  let env: Record<string, string>;
  let stack: WorkerStack;
  let store: Store;

  beforeAll(async () => {
    const service = (stage: Stage) => compose.services[SERVICE_OF[stage]];
    pipeline = await TestPipeline.start('pipeline', {
      // compose's environment, with the hosts pointed at the test's servers
      perStage: (env) => Object.fromEntries(STAGES.map((stage) => [stage, { ...service(stage).environment, ...env }])),
      startedWhen: '/readyz',
      command: (stage) => {
        const [bin, ...args] = service(stage).command as string[];
        expect(bin).toBe('claims');
        return args;
      },
    });
    ({ env, stack, store } = pipeline);
  });

  afterAll(async () => {
    await pipeline?.close();
  });

  it('stores exactly the claims `claims extract` gives for the same file', async () => {
    const ingest = await claims(['ingest', BATCH, '--batch', 'demo', '--wait'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    const batchId = ingest.stdout.trim().split('\n')[0];
    expect(batchId).toMatch(/^demo-/);
    const extracted = await claims(['extract', '--in', BATCH]);
    expect(extracted.code).toBe(0);
    const expected = readClaimsJsonl(extracted.stdout).map(claimKey).sort();
    const stored = (await storedClaims(store)).map(claimKey).sort();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(expected);
    expect(await store.batch(batchId)).toMatchObject({ status: 'done', total: 22, accepted: 22, rejected: 0 });
  });

  it('re-ingesting the same batch changes no counts', async () => {
    const before = await store.counts();
    const again = await claims(['ingest', BATCH, '--batch', 'demo again', '--wait'], env);
    expect(again.code, again.stderr).toBe(0);
    const after = await store.counts();
    expect({ ...after, batches: before.batches }).toEqual(before);
    expect(after.batches).toBe(before.batches + 1);
  });

  it('reports each malformed line with file:line:reason and stores every good record', async () => {
    const file = 'test/fixtures/malformed.jsonl';
    const result = await claims(['ingest', file, '--wait'], env);
    expect(result.code, result.stderr).toBe(3); // finished, some records rejected
    const rejected = result.stderr.split('\n').filter((l) => l.startsWith('rejected '));
    expect(rejected).toEqual([
      expect.stringMatching(new RegExp(`^rejected ${file}:2: not JSON: `)),
      `rejected ${file}:3: title: missing`,
      `rejected ${file}:4: abstract: expected a string, got number 12`,
      `rejected ${file}:5: abstract: abstract is empty`,
      `rejected ${file}:6: expected an object with title and abstract`,
    ]);
    const batchId = result.stdout.trim();
    expect(await store.batch(batchId)).toMatchObject({ total: 8, accepted: 3, rejected: 5, status: 'done' });
    const papers = await store.papers(['fx-1', 'fx-6']);
    expect(papers.map((p) => p.id)).toEqual(['fx-1', 'fx-6']);
  });

  it('every worker answers /healthz and /readyz', async () => {
    for (const stage of STAGES) {
      expect((await fetch(stack.url(stage, '/healthz'))).status).toBe(200);
      const ready = await stack.readiness(stage);
      expect(ready).toMatchObject({ ready: true, checks: { redis: 'ok' } });
    }
  });

  it('`claims status` shows the queues and the stored counts', async () => {
    const status = await claims(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json.queues.write.failed).toBe(0);
    expect(json.counts.papers).toBe((await store.counts()).papers);
  });

  it('every worker exits 0 on SIGTERM', async () => {
    const codes = await stack.stop();
    expect(codes, stack.output()).toEqual([0, 0, 0, 0]);
    for (const w of stack.procs.values()) expect(w.output).toMatch(/"msg":"stopped"/);
  });
});
