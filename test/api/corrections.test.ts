import type { ClaimView, Correction, Leaderboard } from '@claimflow/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, getJson, testApp } from './helpers/app.js';
import { ANALYST_PAPERS, seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { BACKENDS, openTestStore, type TestStore } from './helpers/stores.js';

const TOKEN = 'corrections-test-token';

describe.each(BACKENDS)('corrections on %s', (backend) => {
  let db: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestStore(backend);
    await seedAnalystPapers(db.store);
    app = await testApp({ store: db.store, config: { API_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (url: string, body: unknown, token: string | null = TOKEN) =>
    app.inject({ method: 'POST', url, payload: body as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const claim = async (paper: string, text: string) => (await allPages(app, `paper=${paper}`)).find((c) => c.text === text) as ClaimView | undefined;
  const reprocess = (claims = ANALYST_PAPERS) => db.store.replaceClaims(claims, 'test-2');
  let wrongId = 0;

  it('needs the write token', async () => {
    const c = await claim('an-2', '2.1x');
    const res = await post('/api/corrections', { action: 'wrong', claimId: c!.id, who: 'ana', why: 'x' }, null);
    expect(res.statusCode).toBe(401);
    expect((await post('/api/corrections', { action: 'wrong', claimId: c!.id, who: 'ana', why: 'x' }, 'nope')).statusCode).toBe(401);
  });

  it('marks a claim wrong: gone from queries, boards, exports and the SQL views, kept apart with who, why and the original', async () => {
    const c = (await claim('an-2', '2.1x'))!;
    const res = await post('/api/corrections', { action: 'wrong', claimId: c.id, who: 'ana', why: 'the 2.1x is over an older kernel' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<Correction>();
    wrongId = made.id;
    expect(made).toMatchObject({ action: 'wrong', who: 'ana', why: 'the 2.1x is over an older kernel', paperId: 'an-2', stale: false, undoneAt: null });
    expect(made.original).toMatchObject({ id: c.id, value: 2.1, unit: 'x' });
    expect(await claim('an-2', '2.1x')).toBeUndefined();
    const board = await getJson<Leaderboard>(app, '/api/leaderboards/speed?baseline=FlashAttention-2');
    expect(board.rows.map((r) => r.paperId)).not.toContain('an-2');
    expect((await app.inject('/api/claims.csv?paper=an-2')).body).not.toContain('2.1x');
    const view = await db.store.sql.query('SELECT 1 FROM leaderboard_entries WHERE id = $1 UNION ALL SELECT 1 FROM claims_with_papers WHERE id = $1', [c.id]);
    expect(view).toEqual([]);
  });

  it('corrects a value and adds a missed claim by its span; both show everywhere', async () => {
    const c = (await claim('an-1', '12 ms'))!;
    const fixed = await post('/api/corrections', { action: 'correct', claimId: c.id, changes: { value: 0.0105 }, who: 'ana', why: 'the table says 10.5 ms' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect((await claim('an-1', '12 ms'))!.value).toBe(0.0105);
    const latency = await getJson<Leaderboard>(app, '/api/leaderboards/latency?hardware=A100');
    expect(latency.rows.map((r) => [r.paperId, r.value])).toEqual([['an-3', 0.008], ['an-1', 0.0105], ['an-2', 0.03]]);
    const added = await post('/api/corrections', {
      action: 'add', paperId: 'an-4', text: '2.5x', claim: { kind: 'speedup', value: 2.5, unit: 'x', metric: 'speed', baseline: 'FlashAttention' }, who: 'ben', why: 'missed',
    });
    expect(added.statusCode, added.body).toBe(201);
    const extra = (await claim('an-4', '2.5x'))!;
    expect(extra).toMatchObject({ kind: 'speedup', value: 2.5, baselineKey: 'FlashAttention', sentence: 'The kernel is 1.6x faster than Flash-Attention 2 and 2.5x faster than FlashAttention.' });
    const fa1 = await getJson<Leaderboard>(app, '/api/leaderboards/speed?baseline=FlashAttention');
    expect(fa1.rows.map((r) => r.paperId)).toEqual(['an-4']);
  });

  it('refuses a correction it cannot apply, with the reason', async () => {
    const none = await post('/api/corrections', { action: 'correct', claimId: 'no-such-claim', changes: { value: 1 }, who: 'ana', why: 'x' });
    expect([none.statusCode, none.json().message]).toEqual([404, 'no claim no-such-claim (a claim already marked wrong is gone: undo that correction first)']);
    const empty = await post('/api/corrections', { action: 'correct', claimId: 'x', changes: {}, who: 'ana', why: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('changes');
    const missing = await post('/api/corrections', { action: 'add', paperId: 'an-4', text: '9.9x', claim: { kind: 'speedup', value: 9.9, unit: 'x' }, who: 'a', why: 'b' });
    expect([missing.statusCode, missing.json().message]).toEqual([400, 'text: "9.9x" does not occur in the abstract of an-4']);
    expect((await post('/api/corrections', { action: 'wrong', claimId: 'x', who: 'a' })).statusCode).toBe(400);
  });

  it('keeps corrections across reprocessing, and flags those whose claim the extractor changed', async () => {
    await reprocess();
    expect(await claim('an-2', '2.1x')).toBeUndefined();
    expect((await claim('an-1', '12 ms'))!.value).toBe(0.0105);
    expect(await claim('an-4', '2.5x')).toBeDefined();
    expect((await getJson<{ corrections: Correction[] }>(app, '/api/corrections')).corrections.every((c) => !c.stale)).toBe(true);
    // a new extractor reads 12 ms as 12.5 ms: the correction still applies, flagged for a look
    const changed = ANALYST_PAPERS.map((p) => ({ ...p, claims: p.claims.map((c) => (c.text === '12 ms' ? { ...c, value: 0.0125 } : c)) }));
    await reprocess(changed);
    expect((await claim('an-1', '12 ms'))!.value).toBe(0.0105);
    const list = (await getJson<{ corrections: Correction[] }>(app, '/api/corrections')).corrections;
    expect(list.map((c) => [c.action, c.stale])).toEqual([['wrong', false], ['correct', true], ['add', false]]);
    await reprocess();
  });

  it('undoes a correction, and exports the corrected papers as gold lines', async () => {
    const undone = await post(`/api/corrections/${wrongId}/undo`, { who: 'ana' });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json<Correction>()).toMatchObject({ undoneBy: 'ana' });
    expect((await claim('an-2', '2.1x'))!.value).toBe(2.1);
    expect((await post(`/api/corrections/${wrongId}/undo`, { who: 'ana' })).statusCode).toBe(404);
    const gold = (await app.inject('/api/corrections/gold.jsonl')).body.trim().split('\n').map((l) => JSON.parse(l));
    // an-1 (corrected) and an-4 (a claim added) are whole, as corrected; an-2's only correction was undone
    expect([...new Set(gold.map((g) => g.paperId))]).toEqual(['an-1', 'an-4']);
    expect(gold.find((g) => g.raw === '12 ms')).toEqual({
      paperId: 'an-1', raw: '12 ms', occurrence: 1, kind: 'measurement', value: 0.0105, low: null, high: null, unit: 's', qualifier: 'exact',
      metric: 'inference latency', baseline: null, setting: 'A100 80GB', accept: null,
    });
    expect(gold.filter((g) => g.paperId === 'an-4').map((g) => g.raw)).toEqual(['1.6x', '2.5x', '4x', '3.0 points']);
  });
});
