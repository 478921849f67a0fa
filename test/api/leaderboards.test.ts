import type { Board, ClaimView, Facets, Leaderboard } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { allPages, expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { ANALYST_BATCH, seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { BACKENDS } from './helpers/stores.js';

describe.each(BACKENDS)('canonical keys, facets and leaderboards on %s', (backend) => {
  const seeded = useSeededApp(backend, seedAnalystPapers);
  const claimsOf = (query: string) => allPages(seeded.app, `${query}&limit=1000`);
  const papersOf = (claims: ClaimView[]) => [...new Set(claims.map((c) => c.paperId))].sort();

  it('stores canonical keys with each claim, whatever the spelling', async () => {
    const deltas = await claimsOf('kind=quality_delta&paper=an-1&paper=an-2&paper=an-3');
    expect(deltas.map((c) => c.metricKey)).toEqual(deltas.map(() => 'accuracy'));
    // ImageNet-1k, ILSVRC-12, and the sentence when the setting is a phone or missing
    expect(deltas.every((c) => c.settingKeys.includes('ImageNet'))).toBe(true);
    expect(deltas.find((c) => c.paperId === 'an-2')!.settingKeys).toEqual(['Pixel phone', 'ImageNet']);
    const fa = await claimsOf('baselineKey=FlashAttention-2');
    expect(fa.map((c) => c.baseline).sort()).toEqual(['Flash-Attention 2', 'FlashAttention-2', 'FlashAttention-2', 'FlashAttention2']);
  });

  it('filters by keys, several values at once, in /api/claims', async () => {
    // fx-001 (the shared fixtures) says "Top-1 accuracy falls by only 0.4 points on ImageNet"
    const imagenet = await claimsOf('settingKey=ImageNet&kind=quality_delta');
    expect(papersOf(imagenet)).toEqual(['an-1', 'an-2', 'an-3', 'fx-001']);
    const both = await claimsOf('kind=speedup&kind=efficiency&baselineKey=FlashAttention-2');
    expect(both.map((c) => c.kind).sort()).toEqual(['efficiency', 'speedup', 'speedup', 'speedup']);
    const either = await claimsOf('settingKey=CIFAR-10&settingKey=A100');
    expect(either.every((c) => c.settingKeys.includes('CIFAR-10') || c.settingKeys.includes('A100'))).toBe(true);
    expect(papersOf(either)).toEqual(['an-1', 'an-2', 'an-3', 'an-4', 'fx-001']);
    const two = await claimsOf('metricKey=latency&metricKey=memory');
    expect(new Set(two.map((c) => c.metricKey))).toEqual(new Set(['latency', 'memory']));
    expect(two.length).toBe((await claimsOf('metricKey=latency')).length + (await claimsOf('metricKey=memory')).length);
  });

  it('returns the total that matches on the first page', async () => {
    const first = await getJson(seeded.app, '/api/claims?kind=quality_delta&limit=2');
    const every = await claimsOf('kind=quality_delta');
    expect(first.claims).toHaveLength(2);
    expect(first.total).toBe(every.length);
    expect(first.totalExact).toBe(true);
    const next = await getJson(seeded.app, `/api/claims?kind=quality_delta&limit=2&cursor=${first.nextCursor}`);
    expect(next.total).toBeNull();
  });

  it('sorts both ways on every sort, paging on the keyset', async () => {
    for (const [sort, reverse] of [['value', 'value_asc'], ['paper', 'paper_desc'], ['recent', 'oldest']] as const) {
      const down = (await allPages(seeded.app, `sort=${sort}&limit=3`)).map((c) => c.id);
      const up = (await allPages(seeded.app, `sort=${reverse}&limit=3`)).map((c) => c.id);
      expect(up, sort).toEqual([...down].reverse());
    }
    const asc = await claimsOf('kind=measurement&unit=s&sort=value_asc');
    expect(asc.map((c) => c.value)).toEqual([...asc.map((c) => c.value)].sort((a, b) => a! - b!));
    const { nextCursor } = await getJson(seeded.app, '/api/claims?sort=value&limit=1');
    await expectBadParam(seeded.app, `/api/claims?sort=value_asc&cursor=${nextCursor}`, 'cursor');
  });

  it('links a paper to its source from its metadata', async () => {
    expect((await getJson(seeded.app, '/api/papers/an-1')).sourceUrl).toBe('https://example.org/papers/an-1');
    expect((await getJson(seeded.app, '/api/papers/an-2')).sourceUrl).toBe('https://arxiv.org/abs/2101.00001');
    expect((await getJson(seeded.app, '/api/papers/an-3')).sourceUrl).toBeNull();
  });

  it('counts facets under the filter, each without its own field', async () => {
    const f = await getJson<Facets>(seeded.app, '/api/facets?kind=speedup');
    const speedups = await claimsOf('kind=speedup');
    expect(f.claims).toBe(speedups.length);
    expect(f.papers).toBe(papersOf(speedups).length);
    const count = (list: Facets['facets'][keyof Facets['facets']], value: string) => list.find((v) => v.value === value)?.n ?? 0;
    // The kind facet ignores kind=speedup: the other kinds stay visible with their counts.
    expect(count(f.facets.kind, 'speedup')).toBe(speedups.length);
    expect(count(f.facets.kind, 'efficiency')).toBe((await claimsOf('kind=efficiency')).length);
    expect(count(f.facets.baselineKey, 'FlashAttention-2')).toBe(speedups.filter((c) => c.baselineKey === 'FlashAttention-2').length);
    expect(count(f.facets.metricKey, 'speed')).toBe(speedups.filter((c) => c.metricKey === 'speed').length);
    const batch = f.facets.batch.find((b) => b.value === ANALYST_BATCH.id)!;
    expect(batch.label).toMatch(/^analyst fixtures · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const settings = await getJson<Facets>(seeded.app, '/api/facets?kind=quality_delta');
    expect(count(settings.facets.settingKey, 'ImageNet')).toBe((await claimsOf('kind=quality_delta&settingKey=ImageNet')).length);
  });

  it('lists boards by metric × kind × unit × dataset, per baseline for deltas and per hardware for latency', async () => {
    const { boards } = await getJson<{ boards: Board[] }>(seeded.app, '/api/leaderboards');
    const find = (metricKey: string, setting: string | null, unit: string, more: Partial<Board> = {}) =>
      boards.find((b) => b.metricKey === metricKey && b.setting === setting && b.unit === unit && Object.entries(more).every(([k, v]) => b[k as keyof Board] === v));
    // an-1's gain over ResNet-50 is one board; the ImageNet gains over no named baseline another, listed, not ranked
    expect(find('accuracy', 'ImageNet', 'pp', { baseline: 'ResNet-50' })).toMatchObject({ kind: 'quality_delta', papers: 1, ranked: true, better: 'higher' });
    expect(find('accuracy', 'ImageNet', 'pp', { baseline: null })).toMatchObject({ kind: 'quality_delta', papers: 4, claims: 4, ranked: false });
    expect(find('latency', null, 's', { hardware: 'A100' })).toMatchObject({ kind: 'measurement', papers: 3, better: 'lower', perHardware: true });
    expect(boards.some((b) => b.setting === 'A100')).toBe(false);
  });

  it('lists gains across baselines with their baselines, one row per paper and baseline, unranked', async () => {
    const lb = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/accuracy?setting=ImageNet&kind=quality_delta');
    expect(lb.acrossBaselines).toBe(true);
    expect(lb.board).toMatchObject({ metricKey: 'accuracy', setting: 'ImageNet', unit: 'pp', kind: 'quality_delta', ranked: false });
    // an-3's range counts by its upper end; an-1 is listed over ResNet-50 and over no baseline
    expect(lb.rows.map((r) => [r.paperId, r.value, r.baselineKey, r.rank])).toEqual([
      ['an-2', 2.3, null, null], ['an-1', 1.5, 'ResNet-50', null], ['an-3', 0.9, null, null], ['an-1', 0.4, null, null], ['fx-001', -0.4, null, null],
    ]);
    expect(lb.rows[1].claim.text).toBe('1.5 points');
    expect(lb.rows[1].claim.evidence?.sentence).toContain('ImageNet-1k');
    expect(lb.rows[1].links).toEqual({ page: '#/paper/an-1', source: 'https://example.org/papers/an-1' });
    expect(lb.rows[0].links.source).toBe('https://arxiv.org/abs/2101.00001');
    expect(lb.rows[2].display).toBe('+0.2 pp–+0.9 pp');
    const ranked = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/accuracy?setting=ImageNet&kind=quality_delta&baseline=ResNet-50');
    expect(ranked.rows.map((r) => [r.rank, r.paperId])).toEqual([[1, 'an-1']]);
    const values = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/accuracy?setting=ImageNet&unit=%25');
    expect(values.rows.map((r) => [r.rank, r.paperId])).toEqual([[1, 'an-3']]);
  });

  it('ranks lower-is-better metrics ascending', async () => {
    const lb = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/latency?hardware=A100');
    expect(lb.board?.better).toBe('lower');
    expect(lb.rows.map((r) => [r.paperId, r.value, r.rank, r.display])).toEqual([['an-3', 0.008, 1, '8 ms'], ['an-1', 0.012, 2, '12 ms'], ['an-2', 0.03, 3, '30 ms']]);
  });

  it('answers an unknown metric with an empty board', async () => {
    const lb = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/no%20such%20metric');
    expect(lb).toEqual({ board: null, acrossBaselines: false, rows: [], siblings: [], progress: [] });
  });

  it('ranks every claim against one baseline, whatever its spelling', async () => {
    const { baselines } = await getJson(seeded.app, '/api/baselines');
    expect(baselines.find((b: { baselineKey: string }) => b.baselineKey === 'FlashAttention-2')).toMatchObject({ claims: 4, papers: 3 });
    const board = await getJson(seeded.app, '/api/baselines/FlashAttention-2');
    expect(board.groups.map((g: { kind: string }) => g.kind)).toEqual(['speedup', 'efficiency']);
    expect(board.groups[0].rows.map((r: { value: number }) => r.value)).toEqual([3.4, 2.1, 1.6]);
    const speedOnly = await getJson(seeded.app, '/api/baselines/FlashAttention-2?kind=speedup');
    expect(speedOnly.groups).toHaveLength(1);
  });

  it('answers unknown or bad parameters with 400 naming them, on every route', async () => {
    for (const url of [
      '/api/facets?colour=red', '/api/leaderboards?colour=red', '/api/leaderboards/accuracy?colour=red', '/api/baselines?colour=red',
      '/api/baselines/FlashAttention?colour=red', '/api/papers/an-1?colour=red', '/api/batches?colour=red', '/api/batches/x?colour=red',
      '/api/stats?colour=red', '/api/claims?colour=red', '/api/claims.csv?colour=red', '/api/claims.jsonl?colour=red',
    ]) {
      await expectBadParam(seeded.app, url, 'colour');
    }
    await expectBadParam(seeded.app, '/api/leaderboards/accuracy?unit=furlongs', 'unit');
    await expectBadParam(seeded.app, '/api/facets?kind=speedup&kind=fast', 'kind');
  });
});
