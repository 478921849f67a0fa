import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, testApp, WEB_INDEX } from './helpers/app.js';
import { BACKENDS, openTestStore, testRedisUrl, type TestStore } from './helpers/stores.js';

describe.each(BACKENDS)('health, docs and the web page on %s', (backend) => {
  let db: TestStore;
  let redis: Redis;
  let deadRedis: Redis;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestStore(backend);
    redis = new Redis(await testRedisUrl());
    // Nothing listens on port 1: a real connection that fails.
    deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    deadRedis.on('error', () => {});
    app = await testApp({ store: db.store, redis });
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    deadRedis?.disconnect();
    await db?.close();
  });

  it('answers /healthz and /readyz with Redis and the store checked', async () => {
    expect(await getJson(app, '/healthz')).toEqual({ status: 'ok' });
    expect(await getJson(app, '/readyz')).toEqual({ ready: true, checks: { store: 'ok', redis: 'ok' } });
  });

  it('answers 503 on /readyz when Redis is away, naming it', async () => {
    const broken = await testApp({ store: db.store, redis: deadRedis });
    const body = await getJson(broken, '/readyz', 503);
    expect(body.ready).toBe(false);
    expect(body.checks.store).toBe('ok');
    expect(body.checks.redis).not.toBe('ok');
    await broken.close();
  });

  it('serves an OpenAPI document generated from the zod schemas, and Swagger UI without a CDN', async () => {
    const doc = await getJson(app, '/docs/json');
    expect(doc.openapi).toMatch(/^3\./);
    const claims = doc.paths['/api/claims'].get;
    const names = claims.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['kind', 'unit', 'min', 'max', 'qualifier', 'metric', 'setting', 'paper', 'batch', 'q', 'sort', 'cursor', 'limit']));
    const kind = claims.parameters.find((p: { name: string }) => p.name === 'kind');
    // one kind, or several (kind=speedup&kind=efficiency)
    expect(kind.schema.anyOf[0].enum).toContain('speedup');
    expect(kind.schema.anyOf[1]).toMatchObject({ type: 'array', items: { enum: expect.arrayContaining(['speedup']) } });
    expect(claims.responses['200']).toBeDefined();
    for (const path of ['/api/claims.csv', '/api/claims.jsonl', '/api/papers/{id}', '/api/stats', '/api/batches', '/api/batches/{id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/batches'].post.security).toEqual([{ bearer: [] }]);

    const html = await app.inject('/docs');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Swagger UI');
    // Its scripts and styles come from this server.
    expect(html.body).not.toMatch(/(src|href)="https?:/);
    expect((await app.inject('/docs/static/swagger-ui-bundle.js')).statusCode).toBe(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const body = await getJson(app, '/api/nothing-here', 404);
    expect(body.message).toContain('/api/nothing-here');
  });

  it.runIf(existsSync(WEB_INDEX))('serves the built web page at /', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('claimflow');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(res.body)?.[1];
    expect(script).toBeDefined();
    const js = await app.inject(`/${script}`);
    expect(js.statusCode).toBe(200);
    // Bundled, not fetched from elsewhere.
    expect(res.body).not.toMatch(/https?:\/\//);
  });
});
