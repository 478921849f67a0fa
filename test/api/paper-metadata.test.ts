import type { ClaimView, Leaderboard, PaperDetail, Stats } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import { describe, expect, it } from 'vitest';
import { run as runQuery } from '../../services/cli/src/commands/query.js';
import { allPages, expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { make } from './helpers/analyst-fixtures.js';
import { seedBoardPapers } from './helpers/board-fixtures.js';
import { cli } from './helpers/cli-capture.js';
import { BACKENDS } from './helpers/stores.js';

/** Metadata as JSONL gives it (arrays, numbers) and as CSV columns give it (strings), and a paper with no claim. */
const PAPERS = [
  make('md-1', 'Detection, later', [
    { sentence: 'We reach 58.0 AP on COCO.', text: '58.0 AP', kind: 'quality_value', unit: 'abs', value: 58, metric: 'AP', setting: 'COCO', confidence: 0.9 },
  ], { published: '2022-06-01', venue: 'CVPR', authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.CV', 'cs.LG'], doi: '10.1000/xyz', arxiv_id: '2206.00001' }, '', 1),
  make('md-2', 'Detection, from a CSV', [
    { sentence: 'It reaches 50.0 AP on COCO.', text: '50.0 AP', kind: 'quality_value', unit: 'abs', value: 50, metric: 'AP', setting: 'COCO', confidence: 0.9 },
  ], { year: '2020', venue: 'cvpr', authors: 'A. Smith; B. Jones', categories: 'cs.LG, stat.ML', url: 'https://example.org/md-2' }, '', 2),
  make('md-3', 'A survey with no figures', [], { date: '2021-03', venue: 'NeurIPS', categories: 'cs.LG' }, 'We survey detectors.', 3),
];

async function seedMetadata(store: Store): Promise<void> {
  await seedBoardPapers(store);
  await store.writeChunk({ batch: { id: 'batch-meta', name: 'metadata', createdAt: new Date().toISOString() }, extractorVersion: 'test', papers: PAPERS, rejections: [], total: PAPERS.length });
}

describe.each(BACKENDS)('paper metadata on %s', (backend) => {
  const seeded = useSeededApp(backend, seedMetadata);
  const papersOf = (claims: ClaimView[]) => [...new Set(claims.map((c) => c.paperId))].sort();

  it('keeps url, doi, arxiv_id, published, venue, authors and categories as typed fields', async () => {
    const one = await getJson<PaperDetail>(seeded.app, '/api/papers/md-1');
    expect(one).toMatchObject({ published: '2022-06-01', year: 2022, venue: 'CVPR', authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.CV', 'cs.LG'], sourceUrl: 'https://arxiv.org/abs/2206.00001' });
    const csv = await getJson<PaperDetail>(seeded.app, '/api/papers/md-2');
    expect(csv).toMatchObject({ published: '2020', year: 2020, venue: 'cvpr', authors: ['A. Smith', 'B. Jones'], categories: ['cs.LG', 'stat.ML'], sourceUrl: 'https://example.org/md-2' });
    const rows = await seeded.db.store.sql.query<{ id: string; year: number | null; published: string | null; doi: string | null }>('SELECT id, year, published, doi FROM papers WHERE id LIKE $1 ORDER BY id', ['md-%']);
    expect(rows).toEqual([
      { id: 'md-1', year: 2022, published: '2022-06-01', doi: '10.1000/xyz' },
      { id: 'md-2', year: 2020, published: '2020', doi: null },
      { id: 'md-3', year: 2021, published: '2021-03', doi: null },
    ]);
  });

  it('filters claims by year, venue (any case) and category, in the API and the CLI', async () => {
    expect(papersOf(await allPages(seeded.app, 'year=2022'))).toEqual(['md-1']);
    expect(papersOf(await allPages(seeded.app, 'year=2022&year=2019'))).toEqual(['bd-1', 'md-1']);
    expect(papersOf(await allPages(seeded.app, 'venue=CVPR'))).toEqual(['md-1', 'md-2']);
    expect(papersOf(await allPages(seeded.app, 'category=stat.ML'))).toEqual(['md-2']);
    expect(papersOf(await allPages(seeded.app, 'category=cs.LG&venue=cvpr&year=2020'))).toEqual(['md-2']);
    await expectBadParam(seeded.app, '/api/claims?year=last', 'year');
    const out = await cli(runQuery, seeded.db, ['--year', '2020', '--category', 'cs.LG', '--format', 'jsonl']);
    expect(out.code, out.err).toBe(0);
    expect(out.out.trim().split('\n').map((l) => JSON.parse(l).paperId)).toEqual(['md-2']);
  });

  it('counts stored papers with and without claims, and claims by publication year', async () => {
    const stats = await getJson<Stats>(seeded.app, '/api/stats');
    // md-3 has no claim: stored, counted, not "with claims"
    const stored = (await seeded.db.store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM papers'))[0].n;
    expect(stats.papersStored).toBe(stored);
    expect(stats.papers).toBe(stored - 1);
    expect(stats.byYear).toEqual([
      { year: 2019, papers: 1, papersWithClaims: 1, claims: 3 },
      { year: 2020, papers: 1, papersWithClaims: 1, claims: 1 },
      { year: 2021, papers: 2, papersWithClaims: 1, claims: 4 },
      { year: 2022, papers: 1, papersWithClaims: 1, claims: 1 },
    ]);
    const cvpr = await getJson<Stats>(seeded.app, '/api/stats?venue=cvpr');
    expect([cvpr.papersStored, cvpr.papers]).toEqual([2, 2]);
  });

  it('gives each ranked board its progress over time: the best value so far by publication date', async () => {
    const lb = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_value');
    expect(lb.rows.find((r) => r.paperId === 'md-1')).toMatchObject({ year: 2022, published: '2022-06-01', rank: 1 });
    // 2019 53.1 (bd-1), 2020 50.0 (md-2, not better), 2021 44.2 (bd-2, not better), 2022 58.0 (md-1)
    expect(lb.progress.map((p) => [p.published, p.value, p.paperId, p.display])).toEqual([['2019-05-01', 53.1, 'bd-1', '53.1%'], ['2022-06-01', 58, 'md-1', '58%']]);
    const across = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_delta');
    expect(across.progress).toEqual([]);
  });
});
