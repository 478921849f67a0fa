import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@claimflow/logger';
import { PipelineQueues } from '@claimflow/queues';
import { dropPrefix, uniquePrefix } from '../support/services.js';
import { testApp } from './helpers/app.js';
import { openTestStore, testRedisUrl, type TestStore } from './helpers/stores.js';

/** The operator's doors on the API: the queue dashboard behind ADMIN_TOKEN, and /metrics. */
describe('queue dashboard and metrics', () => {
  let db: TestStore;
  let redis: Redis;
  let queues: PipelineQueues;
  let app: FastifyInstance;
  let prefix = '';
  const ADMIN_TOKEN = 'admin-secret-for-tests';

  beforeAll(async () => {
    db = await openTestStore('pglite');
    redis = new Redis(await testRedisUrl(), { maxRetriesPerRequest: null });
    queues = new PipelineQueues(redis, (prefix = uniquePrefix('admin')));
    app = await testApp({ store: db.store, redis, queues, config: { ADMIN_TOKEN }, logger: createLogger('test', 'silent') });
  });
  afterAll(async () => {
    await app?.close();
    await queues?.close();
    redis?.disconnect();
    await db?.close();
    await dropPrefix(prefix);
  });

  it('refuses the dashboard without the token, or with a wrong one, asking for Basic auth', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${Buffer.from('admin:wrong').toString('base64')}`]) {
      const res = await app.inject({ url: '/admin/queues', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      expect(res.json().message).toMatch(/ADMIN_TOKEN/);
    }
  });

  it('serves the dashboard and its queue API with the token, as Bearer or Basic password', async () => {
    const page = await app.inject({ url: '/admin/queues', headers: { authorization: `Basic ${Buffer.from(`ops:${ADMIN_TOKEN}`).toString('base64')}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html/i);
    const api = await app.inject({ url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name).sort()).toEqual(['alerts', 'extract', 'harvest', 'ingest', 'normalize', 'webhooks', 'write']);
  });

  it('is off, with a message, when ADMIN_TOKEN is unset', async () => {
    const closed = await testApp({ store: db.store, redis, queues });
    const res = await closed.inject({ url: '/admin/queues', headers: { authorization: 'Bearer anything' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/disabled/);
    await closed.close();
  });

  it('exposes Prometheus metrics: requests by route pattern, queue depths, process', async () => {
    await app.inject({ url: '/api/claims?kind=speedup' });
    await app.inject({ url: '/api/papers/some-id' });
    const text = (await app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^claimflow_http_request_duration_seconds_count\{method="GET",route="\/api\/claims",status="200"\} [1-9]/m);
    expect(text).toMatch(/route="\/api\/papers\/:id",status="404"/);
    expect(text).toMatch(/^claimflow_queue_jobs\{stage="ingest",state="waiting"\} 0/m);
    expect(text).toMatch(/^claimflow_process_cpu_seconds_total /m);
  });
});
