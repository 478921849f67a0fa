import { fileURLToPath } from 'node:url';
import { buildApp, type ApiDeps } from '@claimflow/api';
import type { ClaimView } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { seed } from './fixtures.js';
import { openTestStore, type Backend, type TestStore } from './stores.js';

/** The built web page the API serves at / (present once services/api is built). */
export const WEB_INDEX = fileURLToPath(new URL('../../../services/api/dist/web/index.html', import.meta.url));

type TestAppDeps = Omit<Partial<ApiDeps>, 'config'> & Pick<ApiDeps, 'store'> & { config?: Partial<ApiDeps['config']> };

/** The API over `deps.store`, ready; `config` holds only what differs from no tokens and CHUNK_SIZE 50. */
export async function testApp({ config, ...deps }: TestAppDeps): Promise<FastifyInstance> {
  const app = await buildApp({ ...deps, config: { API_TOKEN: undefined, ADMIN_TOKEN: undefined, CHUNK_SIZE: 50, ...config } });
  await app.ready();
  return app;
}

/** GETs a URL and checks the status; returns the parsed JSON body. */
export async function getJson<T = any>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

/** A 400 whose message names the parameter. */
export async function expectBadParam(app: FastifyInstance, url: string, param: string): Promise<string> {
  const body = await getJson<{ statusCode: number; message: string }>(app, url, 400);
  expect(body.statusCode).toBe(400);
  expect(body.message).toContain(param);
  return body.message;
}

/** Every claim of a listing, following nextCursor. */
export async function allPages(app: FastifyInstance, query: string): Promise<ClaimView[]> {
  const out: ClaimView[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const url: string = `/api/claims?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { claims: ClaimView[]; nextCursor: string | null } = await getJson(app, url);
    out.push(...page.claims);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('pagination did not end');
}

/**
 * For one describe block: a store on `backend` seeded with the fixtures (then
 * by `seedMore`, when given) and the API over it, opened before its tests and
 * closed after them. Read `.db` and `.app` inside the tests (they are set once
 * beforeAll has run).
 */
export function useSeededApp(
  backend: Backend,
  seedMore?: (store: Store) => Promise<void>,
): { readonly db: TestStore; readonly app: FastifyInstance } {
  const ctx = {} as { db: TestStore; app: FastifyInstance };
  beforeAll(async () => {
    ctx.db = await openTestStore(backend);
    await seed(ctx.db.store);
    await seedMore?.(ctx.db.store);
    ctx.app = await testApp({ store: ctx.db.store });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.close();
  });
  return ctx;
}
