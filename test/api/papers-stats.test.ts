import type { PaperDetail, Stats } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { BATCH_1, BATCH_2, HAND_CLAIMS, PAPERS, REJECTION } from './helpers/fixtures.js';
import { BACKENDS } from './helpers/stores.js';

describe.each(BACKENDS)('papers, stats and batches on %s', (backend) => {
  const seeded = useSeededApp(backend);

  describe('GET /api/papers/:id', () => {
    it('returns the abstract and its claims in order, spans indexing the abstract', async () => {
      const paper = await getJson<PaperDetail>(seeded.app, '/api/papers/fx-004');
      expect(paper.title).toBe(PAPERS.P4.title);
      expect(paper.abstract).toBe(PAPERS.P4.abstract);
      expect(paper.metadata).toEqual({ venue: 'test' });
      expect(paper.batches).toEqual([BATCH_2.id]);
      expect(paper.claims.map((c) => c.text)).toEqual(HAND_CLAIMS['fx-004'].map((c) => c.text));
      for (const c of paper.claims) expect(paper.abstract.slice(c.span[0], c.span[1])).toBe(c.text);
    });

    it('answers 404 for an unknown paper and 400 for a bad id', async () => {
      const res = await getJson(seeded.app, '/api/papers/no-such-paper', 404);
      expect(res.message).toContain('no-such-paper');
      await expectBadParam(seeded.app, `/api/papers/${'p'.repeat(201)}`, 'id');
      await expectBadParam(seeded.app, '/api/papers/a%00b', 'id');
    });
  });

  describe('GET /api/stats', () => {
    it('counts claims by kind and unit', async () => {
      const stats = await getJson<Stats>(seeded.app, `/api/stats?batch=${BATCH_1.id}`);
      expect(stats.claims).toBe(9);
      expect(stats.papers).toBe(3);
      expect(stats.byKind).toEqual([
        { kind: 'quality_delta', n: 3 },
        { kind: 'efficiency', n: 2 },
        { kind: 'measurement', n: 1 },
        { kind: 'quality_value', n: 1 },
        { kind: 'speedup', n: 2 },
      ].sort((a, b) => b.n - a.n || a.kind.localeCompare(b.kind)));
      expect(stats.byKindUnit).toContainEqual({ kind: 'quality_delta', unit: 'pp', n: 2 });
      expect(stats.byKindUnit).toContainEqual({ kind: 'quality_delta', unit: 'abs', n: 1 });
      expect(stats.byUnit.find((u) => u.unit === 'x')?.n).toBe(4);
    });

    it('bins factors on a log scale, four bins per decade', async () => {
      const stats = await getJson<Stats>(seeded.app, `/api/stats?batch=${BATCH_1.id}`);
      // 3.2× and 1.5× speedups; 2× and the 5–12× range (geometric mean ≈ 7.75) for efficiency.
      const bin = (v: number) => Math.floor(Math.log10(v) * 4);
      expect(stats.factorDistribution.map(({ kind, bin, n }) => ({ kind, bin, n }))).toEqual([
        { kind: 'efficiency', bin: bin(2), n: 1 },
        { kind: 'efficiency', bin: bin(Math.sqrt(60)), n: 1 },
        { kind: 'speedup', bin: bin(1.5), n: 1 },
        { kind: 'speedup', bin: bin(3.2), n: 1 },
      ]);
      for (const b of stats.factorDistribution) {
        expect(b.lower).toBeCloseTo(10 ** (b.bin / 4));
        expect(b.upper).toBeCloseTo(10 ** ((b.bin + 1) / 4));
      }
    });

    it('summarizes quality deltas per metric', async () => {
      const stats = await getJson<Stats>(seeded.app, '/api/stats?kind=quality_delta');
      expect(stats.qualityDeltas).toContainEqual({ metric: 'accuracy', metricKey: true, unit: 'pp', n: 1, mean: -0.4, median: -0.4, min: -0.4, max: -0.4 });
      expect(stats.qualityDeltas).toContainEqual({ metric: 'perplexity', metricKey: true, unit: 'abs', n: 1, mean: 0.8, median: 0.8, min: 0.8, max: 0.8 });
    });

    it('names the top papers per kind and counts claims per batch', async () => {
      const stats = await getJson<Stats>(seeded.app, '/api/stats');
      const effTop = stats.topPapers.filter((t) => t.kind === 'efficiency');
      expect(effTop.length).toBeGreaterThanOrEqual(3);
      expect(effTop.map((t) => t.paperId)).toEqual(expect.arrayContaining(['fx-001', 'fx-002', 'fx-004']));
      expect(effTop.find((t) => t.paperId === 'fx-002')).toMatchObject({ title: PAPERS.P2.title, claims: 1, maxValue: 12 });
      // Oldest first, for a plot over time.
      expect(stats.batches.map((b) => b.id)).toEqual([BATCH_1.id, BATCH_2.id]);
      expect(stats.batches[0]).toMatchObject({ papers: 3, claims: 9 });
      expect(stats.batches[1].papers).toBe(2);
    });

    it('takes the claim filter and refuses bad parameters', async () => {
      const stats = await getJson<Stats>(seeded.app, '/api/stats?q=ogbn');
      expect(stats.claims).toBe(1);
      await expectBadParam(seeded.app, '/api/stats?kind=nope', 'kind');
      await expectBadParam(seeded.app, '/api/stats?sort=value', 'sort');
      await expectBadParam(seeded.app, '/api/stats?min=3&max=2', 'min');
    });
  });

  describe('GET /api/batches', () => {
    it('lists batches with progress, newest first', async () => {
      const { batches } = await getJson(seeded.app, '/api/batches');
      expect(batches.map((b: { id: string }) => b.id)).toEqual([BATCH_2.id, BATCH_1.id]);
      expect(batches[1]).toMatchObject({ name: 'first batch', total: 3, accepted: 3, rejected: 0, claims: 9, status: 'done' });
    });

    it('shows one batch with its rejections', async () => {
      const batch = await getJson(seeded.app, `/api/batches/${BATCH_2.id}`);
      expect(batch).toMatchObject({ id: BATCH_2.id, total: 3, accepted: 2, rejected: 1, status: 'done' });
      expect(batch.rejections).toEqual([REJECTION]);
      await getJson(seeded.app, '/api/batches/nope', 404);
    });
  });
});
