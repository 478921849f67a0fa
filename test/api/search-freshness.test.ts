import type { ClaimView, Stats } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { allPages, getJson, useSeededApp } from './helpers/app.js';
import { HAND_CLAIMS, PAPERS } from './helpers/fixtures.js';
import { BACKENDS } from './helpers/stores.js';

/**
 * The search reads a copy of each paper's title kept beside its claims
 * (migration 013), and /api/stats keeps results until the next write: both
 * must follow what is written later.
 */
describe.each(BACKENDS)('search and stats after later writes on %s', (backend) => {
  const seeded = useSeededApp(backend);

  const texts = async (q: string) => (await allPages(seeded.app, `q=${encodeURIComponent(q)}`)).map((c) => c.text).sort();

  it('matches one word in the paper title and another in the claim together', async () => {
    // "graph" is only in P3's title; "accuracy" in P3's 71.3% claim and in P1's sentence and metric.
    expect(await texts('graph accuracy')).toEqual(['71.3%']);
    // A phrase of the title alone finds all of that paper's claims.
    expect(await texts('"graph neural network"')).toEqual(HAND_CLAIMS['fx-003'].map((c) => c.text).sort());
    const stats = await getJson<Stats>(seeded.app, '/api/stats?q=graph%20accuracy');
    expect(stats).toMatchObject({ claims: 1, papers: 1 });
  });

  it('finds a paper rewritten with a new title by the new title, not the old', async () => {
    const renamed = { ...PAPERS.P3, title: 'Feature stores for GNN training' };
    await seeded.db.store.writeChunk({
      batch: { id: 'batch-rename', name: 'renamed', createdAt: new Date().toISOString() },
      extractorVersion: 'test',
      papers: [{ paper: renamed, claims: HAND_CLAIMS['fx-003'] }],
      rejections: [],
      total: 1,
    });
    expect(await texts('graph accuracy')).toEqual([]);
    expect(await texts('graph')).toEqual([]);
    expect(await texts('gnn accuracy')).toEqual(['71.3%']);
    const found: ClaimView[] = await allPages(seeded.app, 'q=feature%20stores');
    expect(new Set(found.map((c) => c.paperTitle))).toEqual(new Set([renamed.title]));
    expect(found.map((c) => c.text).sort()).toEqual(HAND_CLAIMS['fx-003'].map((c) => c.text).sort());
  });

  it('keeps the title when claims are replaced (reprocessing)', async () => {
    const claims = HAND_CLAIMS['fx-001'].slice(0, 1);
    await seeded.db.store.replaceClaims([{ paper: PAPERS.P1, claims }], 'test-2');
    expect(await texts('sparse kernels dense')).toEqual(['3.2x']);
    expect(await texts('sparse kernels memory')).toEqual([]);
  });

  it('answers stats for a new write at once, whatever it answered before', async () => {
    const before = await getJson<Stats>(seeded.app, '/api/stats');
    expect(await getJson<Stats>(seeded.app, '/api/stats')).toEqual(before);
    const kindBefore = await getJson<Stats>(seeded.app, '/api/stats?kind=speedup');

    const fresh = {
      id: 'fx-900',
      title: 'Vectorized joins for column stores',
      abstract: 'Vectorized hash joins run 6x faster than the row-at-a-time baseline.',
      metadata: {},
      source: { file: 'later.jsonl', line: 1 },
    };
    const sentence = fresh.abstract;
    const start = sentence.indexOf('6x');
    await seeded.db.store.writeChunk({
      batch: { id: 'batch-later', name: 'later batch', createdAt: new Date().toISOString() },
      extractorVersion: 'test',
      papers: [{
        paper: fresh,
        claims: [{
          paperId: fresh.id, kind: 'speedup', span: [start, start + 2], text: '6x', value: 6, low: null, high: null, unit: 'x',
          qualifier: 'exact', raw: { value: 6, low: null, high: null, unit: 'x' }, metric: 'join time', baseline: 'row-at-a-time baseline',
          setting: null, sentence,
        }],
      }],
      rejections: [],
      total: 1,
    });

    const after = await getJson<Stats>(seeded.app, '/api/stats');
    expect(after.claims).toBe(before.claims + 1);
    expect(after.papers).toBe(before.papers + 1);
    expect(after.batches.map((b) => b.id)).toEqual([...before.batches.map((b) => b.id), 'batch-later']);
    expect(after.batches.at(-1)).toMatchObject({ name: 'later batch', papers: 1, claims: 1 });
    const kindAfter = await getJson<Stats>(seeded.app, '/api/stats?kind=speedup');
    expect(kindAfter.claims).toBe(kindBefore.claims + 1);
    expect(kindAfter.topPapers.filter((t) => t.kind === 'speedup').map((t) => t.paperId)).toContain('fx-900');
  });
});
