import { apiOptionsFromEnv } from '@claimflow/api';
import { ClaimView } from '@claimflow/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './helpers/app.js';
import { seed } from './helpers/fixtures.js';
import { openTestStore, type TestStore } from './helpers/stores.js';

/** CORS, rate limits and the OpenAPI document: the API's edges (issue 11, item 5). */
describe('API edges', () => {
  let db: TestStore;
  const apps: FastifyInstance[] = [];
  const app = async (options?: Parameters<typeof testApp>[0]['options']) => {
    const a = await testApp({ store: db.store, options, config: { API_TOKEN: 'secret-token' } });
    apps.push(a);
    return a;
  };
  beforeAll(async () => {
    db = await openTestStore('pglite');
    await seed(db.store);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await db?.close();
  });

  it('reads CORS_ORIGINS and the rate limit from the environment, refusing bad values by name', () => {
    expect(apiOptionsFromEnv({})).toEqual({ CORS_ORIGINS: [], RATE_LIMIT_MAX: 3000, RATE_LIMIT_WINDOW_MS: 60_000 });
    expect(apiOptionsFromEnv({ CORS_ORIGINS: 'https://a.example, http://localhost:5173', RATE_LIMIT_MAX: '0' })).toMatchObject({
      CORS_ORIGINS: ['https://a.example', 'http://localhost:5173'], RATE_LIMIT_MAX: 0,
    });
    expect(() => apiOptionsFromEnv({ CORS_ORIGINS: 'a.example/path' })).toThrow(/^CORS_ORIGINS: /);
    expect(() => apiOptionsFromEnv({ RATE_LIMIT_MAX: 'lots' })).toThrow(/^RATE_LIMIT_MAX: /);
  });

  it('answers no other origin by default', async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/claims?limit=1', headers: { origin: 'https://a.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets listed origins read, and only read', async () => {
    const a = await app({ CORS_ORIGINS: ['https://a.example'] });
    const ok = await a.inject({ url: '/api/stats', headers: { origin: 'https://a.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://a.example');
    expect(ok.headers.vary).toContain('Origin');
    const other = await a.inject({ url: '/api/stats', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await a.inject({ method: 'OPTIONS', url: '/api/claims', headers: { origin: 'https://a.example', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const write = await a.inject({ method: 'OPTIONS', url: '/api/batches', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } });
    expect(write.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('limits how fast one client reads, and never limits health', async () => {
    const a = await app({ RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW_MS: 60_000 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await a.inject({ url: '/api/batches' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await a.inject({ url: '/api/facets' });
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    for (let i = 0; i < 5; i++) expect((await a.inject({ url: '/healthz' })).statusCode).toBe(200);
    const off = await app({ RATE_LIMIT_MAX: 0 });
    for (let i = 0; i < 10; i++) expect((await off.inject({ url: '/api/batches' })).statusCode).toBe(200);
  });

  it('describes every field of a claim, and the exports with their content types and 400s', async () => {
    const a = await app();
    const doc = (await a.inject({ url: '/docs/json' })).json();
    const listing = doc.paths['/api/claims'].get.responses['200'].content['application/json'].schema;
    const claim = listing.properties.claims.items;
    const props = claim.properties as Record<string, { description?: string }>;
    expect(Object.keys(props).sort()).toEqual(Object.keys(ClaimView.shape).sort());
    for (const [name, p] of Object.entries(props)) expect(p.description, name).toBeTruthy();
    for (const [format, type] of [['csv', 'text/csv'], ['jsonl', 'application/x-ndjson']]) {
      const op = doc.paths[`/api/claims.${format}`].get;
      expect(Object.keys(op.responses['200'].content)).toEqual([type]);
      expect(op.responses['400']).toBeDefined();
      const res = await a.inject({ url: `/api/claims.${format}?kind=speedup` });
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
      expect((await a.inject({ url: `/api/claims.${format}?kind=nope` })).statusCode).toBe(400);
    }
    for (const path of ['/api/facets', '/api/leaderboards', '/api/leaderboards/{metric}', '/api/baselines', '/api/baselines/{key}']) expect(doc.paths[path]?.get, path).toBeDefined();
  });
});
