import { PipelineQueues } from '@claimflow/queues';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, uniquePrefix } from '../support/services.js';
import { testApp } from './helpers/app.js';
import { BACKENDS, openTestStore, testRedisUrl, type TestStore } from './helpers/stores.js';

const TOKEN = 'test-token-with-some-length';
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(BACKENDS)('POST /api/batches on %s (real Redis)', (backend) => {
  let db: TestStore;
  let redis: Redis;
  let queues: PipelineQueues;
  let app: FastifyInstance;
  let disabled: FastifyInstance;
  const prefix = uniquePrefix('apitest');

  beforeAll(async () => {
    db = await openTestStore(backend);
    redis = new Redis(await testRedisUrl(), { maxRetriesPerRequest: 3 });
    queues = new PipelineQueues(redis, prefix);
    app = await testApp({ store: db.store, queues, redis, config: { API_TOKEN: TOKEN, CHUNK_SIZE: 2 }, bodyLimit: 4096, addBatchRateLimit: 1000 });
    disabled = await testApp({ store: db.store, queues, redis });
  });
  afterAll(async () => {
    await app?.close();
    await disabled?.close();
    await queues?.close();
    redis?.disconnect();
    await db?.close();
    await dropPrefix(prefix);
  });

  const ingestJobs = async (batchId: string) =>
    (await queues.byStage.ingest.getJobs(['waiting', 'delayed', 'prioritized', 'paused'])).filter((j) => j.data.batch.id === batchId);

  it('is disabled without API_TOKEN', async () => {
    const res = await disabled.inject({ method: 'POST', url: '/api/batches', headers: auth, payload: { records: [{ title: 't', abstract: 'a' }] } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('API_TOKEN');
  });

  it('needs the bearer token', async () => {
    const body = { records: [{ title: 't', abstract: 'a' }] };
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const res = await app.inject({ method: 'POST', url: '/api/batches', headers, payload: body });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('queues a JSON body of records in chunks, reporting rejections as the CLI does', async () => {
    const records = [
      { id: 'h1', title: 'Faster sorting', abstract: 'Our sort is 2x faster.' },
      { title: 'No abstract here' },
      { id: 'h3', title: 'Smaller nets', abstract: 'Networks become 4x smaller.' },
    ];
    const res = await app.inject({ method: 'POST', url: '/api/batches?name=My%20upload', headers: auth, payload: { records } });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ records: 3, accepted: 2, rejected: 1, rejections: ['request.json:2: abstract: missing'] });
    expect(body.batch.name).toBe('My upload');
    const jobs = await ingestJobs(body.batch.id);
    // Chunks of CHUNK_SIZE (2) plus the closing job carrying the total.
    expect(jobs.map((j) => j.data.records.length).sort()).toEqual([0, 1, 2]);
    expect(jobs.find((j) => j.data.total != null)?.data.total).toBe(3);
  });

  it('reads JSONL and CSV bodies with the readers', async () => {
    const jsonl = '{"title":"A","abstract":"One 3x result."}\n{"title":"B","abstract":"Two."}\n';
    const r1 = await app.inject({ method: 'POST', url: '/api/batches', headers: { ...auth, 'content-type': 'application/x-ndjson' }, payload: jsonl });
    expect(r1.statusCode, r1.body).toBe(202);
    expect(r1.json()).toMatchObject({ records: 2, accepted: 2, rejected: 0 });
    expect(r1.json().batch.name).toBe('api');

    const csv = 'title,abstract\n"Fast, small","It is 5x faster."\nOnly a title,\n';
    const r2 = await app.inject({ method: 'POST', url: '/api/batches?name=csv', headers: { ...auth, 'content-type': 'text/csv' }, payload: csv });
    expect(r2.statusCode, r2.body).toBe(202);
    expect(r2.json()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(r2.json().rejections[0]).toMatch(/^request\.csv:3: abstract: /);
    expect(await ingestJobs(r2.json().batch.id)).not.toHaveLength(0);
  });

  it('refuses bodies with nothing to add, unknown types, bad JSON and oversized bodies', async () => {
    const post = (payload: string, type: string, url = '/api/batches') =>
      app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': type }, payload });
    const none = await post('{"title":"x"}\nnot json\n', 'application/x-ndjson');
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/no valid record.*request\.jsonl:1: abstract: missing/);
    expect((await post('', 'application/x-ndjson')).statusCode).toBe(400);
    const empty = await post('{"records":[]}', 'application/json');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('body.records');
    expect((await post('{"records": 3}', 'application/json')).json().message).toContain('records');
    expect((await post('{not json', 'application/json')).statusCode).toBe(400);
    expect((await post('hello', 'text/plain')).statusCode).toBe(415);
    expect((await post('x', 'application/xml')).statusCode).toBe(415);
    const big = await post(`{"title":"t","abstract":"${'a'.repeat(5000)}"}`, 'application/x-ndjson');
    expect(big.statusCode).toBe(413);
    const badName = await post('{"title":"t","abstract":"a"}', 'application/x-ndjson', '/api/batches?name=');
    expect(badName.statusCode).toBe(400);
    expect(badName.json().message).toContain('name');
  });

  it('is rate limited, wrong tokens included', async () => {
    const limitedApp = await testApp({ store: db.store, queues, config: { API_TOKEN: TOKEN, CHUNK_SIZE: 2 }, addBatchRateLimit: 3 });
    let limited = 0;
    for (let i = 0; i < 5; i++) {
      const res = await limitedApp.inject({ method: 'POST', url: '/api/batches', headers: { 'content-type': 'application/json' }, payload: '{}' });
      if (res.statusCode === 429) limited++;
      else expect(res.statusCode).toBe(401);
    }
    await limitedApp.close();
    expect(limited).toBe(2);
  });
});
