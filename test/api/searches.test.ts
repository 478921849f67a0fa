import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, testApp } from './helpers/app.js';
import { PAPERS, HAND_CLAIMS, seed } from './helpers/fixtures.js';
import { BACKENDS, openTestStore, type TestStore } from './helpers/stores.js';

const TOKEN = 'searches-token-long-enough';
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(BACKENDS)('saved searches and their Atom feed on %s', (backend) => {
  let db: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestStore(backend);
    await seed(db.store); // claims stored before any search is saved: never news to it
    app = await testApp({ store: db.store, config: { API_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const save = (payload: unknown, headers: Record<string, string> = auth) => app.inject({ method: 'POST', url: '/api/searches', headers, payload: payload as object });

  it('saving needs the API token; a bad filter is a 400 naming the field', async () => {
    expect((await save({ name: 'x', filter: {} }, {})).statusCode).toBe(401);
    const bad = await save({ name: 'x', filter: { kind: 'sped-up' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('filter.kind');
    const badName = await save({ name: 'no spaces', filter: {} });
    expect(badName.json().message).toContain('name');
    const badHook = await save({ name: 'x', filter: {}, webhookUrl: 'ftp://example.org/' });
    expect(badHook.json().message).toContain('webhookUrl');
  });

  it('saves any filter the API takes, lists it without where its alerts go, refuses the same name twice, deletes it', async () => {
    const res = await save({ name: 'big-savings', filter: { kind: 'efficiency', min: 10 }, webhookUrl: 'http://127.0.0.1:9/hook', email: 'analyst@example.org' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'big-savings', filter: { kind: ['efficiency'], min: 10 }, feed: '/feeds/big-savings.atom', webhook: true, digest: true });
    expect(res.json()).not.toHaveProperty('email');
    expect((await save({ name: 'big-savings', filter: {} })).statusCode).toBe(409);
    expect((await getJson(app, '/api/searches')).searches.map((s: { name: string }) => s.name)).toEqual(['big-savings']);
    expect((await save({ name: 'temporary', filter: { q: 'memory' } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'DELETE', url: '/api/searches/temporary' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/api/searches/temporary', headers: auth })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/api/searches/temporary', headers: auth })).statusCode).toBe(404);
    await getJson(app, '/api/searches/temporary', 404);
  });

  it('the feed holds the claims stored after the search was saved that match it, as valid Atom', async () => {
    const empty = await app.inject({ method: 'GET', url: '/feeds/big-savings.atom' });
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['content-type']).toContain('application/atom+xml');
    expect(new XMLParser().parse(empty.body).feed.entry).toBeUndefined(); // the 5-12x claim of fx-002 is older than the search

    // A paper stored after the search was saved, with the claims of fx-004 (25x lower energy, 40% lower latency).
    const fresh = { ...PAPERS.P4, id: 'fx-new', title: 'Early exit, revisited', source: { file: 'after.jsonl', line: 1 } };
    await db.store.writeChunk({
      batch: { id: 'after-save', name: 'after', createdAt: new Date().toISOString() },
      extractorVersion: 'test',
      papers: [{ paper: fresh, claims: HAND_CLAIMS['fx-004'].map((c) => ({ ...c, paperId: fresh.id })) }],
      rejections: [],
      total: 1,
    });
    const res = await app.inject({ method: 'GET', url: '/feeds/big-savings.atom', headers: { host: 'claims.example.org' } });
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(res.body).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:claimflow,2026:search/big-savings');
    expect(feed.title).toBe('claimflow: big-savings');
    expect(Date.parse(feed.updated)).not.toBeNaN();
    expect(feed.link['@_href']).toBe('http://claims.example.org/feeds/big-savings.atom');
    expect(feed.entry).toHaveLength(1);
    const [entry] = feed.entry;
    expect(entry.id).toMatch(/^tag:claimflow,2026:claim\/\w+$/);
    expect(entry.title).toContain('25x efficiency');
    expect(entry.title).toContain('Early exit, revisited');
    expect(Date.parse(entry.updated)).not.toBeNaN();
    expect(entry.link['@_href']).toBe('http://claims.example.org/#/paper/fx-new');
    expect(entry.content['#text']).toBe('Energy per image is up to 25x lower than the full model.');
  });

  it('a feed of no saved search is a 404; a name that cannot be one a 400', async () => {
    expect((await app.inject({ method: 'GET', url: '/feeds/nothing.atom' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/feeds/big-savings.rss' })).statusCode).toBe(400);
  });
});
