import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@claimflow/store';
import { claims, waitFor } from './support/cli.js';
import { TestPipeline } from './support/test-pipeline.js';

/** What an operator relies on: the inbox, metrics, and failed jobs that can be seen and retried. */
describe('operating the pipeline', () => {
  let pipeline: TestPipeline;
  let store: Store;
  let env: Record<string, string>;
  let inbox: string;

  beforeAll(async () => {
    inbox = mkdtempSync(join(tmpdir(), 'inbox-'));
    pipeline = await TestPipeline.start('ops', { perStage: () => ({ ingest: { INBOX_DIR: inbox } }), startedWhen: '/readyz' });
    ({ store, env } = pipeline);
  });

  afterAll(async () => {
    await pipeline?.close();
  });

  const lines = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${tag}-${i}`, title: `Paper ${tag} ${i}`, abstract: `Our method is ${i + 2}x faster than the baseline on a GPU.` })).join('\n') + '\n';

  it('ingests a file dropped in the inbox once, and moves it to done/ with a report', async () => {
    writeFileSync(join(inbox, 'first.jsonl'), lines(5, 'in') + '{broken\n');
    const report = await waitFor('report', async () => existsSync(join(inbox, 'done', 'first.jsonl.report.json')) && JSON.parse(readFileSync(join(inbox, 'done', 'first.jsonl.report.json'), 'utf8')));
    expect(report).toMatchObject({ outcome: 'ingested', records: 6, accepted: 5, rejected: 1, rejections: [expect.stringMatching(/^first\.jsonl:6: not JSON/)] });
    expect(existsSync(join(inbox, 'first.jsonl'))).toBe(false);
    await waitFor('batch done', async () => (await store.batch(report.batchId))?.status === 'done');
    expect(await store.batch(report.batchId)).toMatchObject({ accepted: 5, rejected: 1 });
  });

  it('a file with the same content is recognised and not ingested twice', async () => {
    const before = await store.counts();
    writeFileSync(join(inbox, 'again.jsonl'), lines(5, 'in') + '{broken\n');
    const report = await waitFor('report', async () => existsSync(join(inbox, 'done', 'again.jsonl.report.json')) && JSON.parse(readFileSync(join(inbox, 'done', 'again.jsonl.report.json'), 'utf8')));
    expect(report.outcome).toBe('duplicate');
    expect(await store.counts()).toEqual(before);
  });

  it('a file with no valid record goes to rejected/ with every reason', async () => {
    writeFileSync(join(inbox, 'junk.jsonl'), '\u0000\u0001garbage\n{"title": 3}\n');
    const report = await waitFor('report', async () => existsSync(join(inbox, 'rejected', 'junk.jsonl.report.json')) && JSON.parse(readFileSync(join(inbox, 'rejected', 'junk.jsonl.report.json'), 'utf8')));
    expect(report).toMatchObject({ outcome: 'rejected', accepted: 0, rejected: 2 });
    expect(report.rejections).toEqual([expect.stringMatching(/^junk\.jsonl:1: not JSON/), 'junk.jsonl:2: title: expected a string, got number 3']);
  });

  it('every worker serves Prometheus metrics, the writer its counts of work done', async () => {
    const text = await (await fetch(pipeline.stack.url('write', '/metrics'))).text();
    expect(text).toMatch(/^claimflow_claims_written_total [1-9]/m);
    expect(text).toMatch(/^claimflow_papers_written_total [1-9]/m);
    expect(text).toMatch(/^claimflow_jobs_completed_total\{stage="write"\} [1-9]/m);
    expect(text).toMatch(/^claimflow_job_processing_seconds_bucket\{le="[^"]+",stage="write"\}/m);
    expect(text).toMatch(/^claimflow_queue_jobs\{stage="extract",state="waiting"\} \d+/m);
    expect(text).toMatch(/^claimflow_records_rejected_total\{reason="not JSON"\} [1-9]/m);
    expect(text).toMatch(/^claimflow_process_resident_memory_bytes /m);
    const ingest = await (await fetch(pipeline.stack.url('ingest', '/metrics'))).text();
    expect(ingest).toMatch(/^claimflow_jobs_completed_total\{stage="ingest"\} [1-9]/m);
  });

  it('a job that can never succeed fails at once, is listed by `claims failures`, and `claims retry` re-enqueues it', async () => {
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('write', { connection: redis, prefix: env.QUEUE_PREFIX });
    await queue.add('write', { batch: { id: 'b-bad', name: 'bad', createdAt: 'now' }, papers: 'nope' }, { jobId: 'bad-1', attempts: 5 });
    await waitFor('failure', async () => (await queue.getFailedCount()) === 1);
    const failed = await queue.getJob('bad-1');
    expect(failed?.attemptsMade).toBe(1); // UnrecoverableError: no retries spent on it

    const list = await claims(['failures', '--stage', 'write', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ stage: 'write', jobId: 'bad-1', batch: 'b-bad', reason: expect.stringMatching(/^invalid write payload: /) })]);

    const retry = await claims(['retry', '--job', 'bad-1', '--stage', 'write'], env);
    expect(retry.stdout).toContain('re-enqueued 1 failed job(s)');
    await waitFor('second failure', async () => ((await queue.getJob('bad-1'))?.attemptsMade ?? 0) >= 2 && (await queue.getFailedCount()) === 1);
    await queue.close();
    redis.disconnect();
  });
});
