import type { Board, BoardList, Leaderboard } from '@claimflow/schemas';
import { DEFAULT_BOARD_MIN_CONFIDENCE, DELTA_KINDS, NOT_STATED } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { runWith as runLeaderboard } from '../../services/cli/src/commands/leaderboard.js';
import { expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { make, seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { seedBoardPapers } from './helpers/board-fixtures.js';
import { cli } from './helpers/cli-capture.js';
import { BACKENDS } from './helpers/stores.js';

const boardUrl = (b: Board, extra = '') => {
  const p = new URLSearchParams({ setting: b.setting ?? NOT_STATED, unit: b.unit, kind: b.kind });
  if (b.perHardware) p.set('hardware', b.hardware ?? NOT_STATED);
  if (DELTA_KINDS.includes(b.kind)) p.set('baseline', b.baseline ?? NOT_STATED);
  return `/api/leaderboards/${encodeURIComponent(b.metricKey)}?${p}${extra}`;
};
const identity = (b: Pick<Board, 'metricKey' | 'kind' | 'unit' | 'setting' | 'hardware' | 'baseline'>) => [b.metricKey, b.kind, b.unit, b.setting, b.hardware, b.baseline].join('|');

describe.each(BACKENDS)('comparable leaderboards on %s', (backend) => {
  const seeded = useSeededApp(backend, async (store) => {
    await seedAnalystPapers(store);
    await seedBoardPapers(store);
  });
  const boards = async (query = '') => (await getJson<BoardList>(seeded.app, `/api/leaderboards${query}`)).boards;

  it('ranks a percent-scale metric written with and without "%" on one board', async () => {
    const lb = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_value');
    expect(lb.board).toMatchObject({ unit: '%', setting: 'COCO', ranked: true });
    expect(lb.rows.map((r) => [r.rank, r.paperId, r.value, r.display])).toEqual([[1, 'bd-1', 53.1, '53.1%'], [2, 'bd-2', 44.2, '44.2%'], [3, 'bd-3', 40, '40%']]);
    expect(lb.rows[1]).toMatchObject({ metric: 'AP', year: 2021, setting: { datasets: ['COCO'], text: 'MS COCO' }, confidence: 0.95, lowConfidence: false });
    expect(lb.rows[0].links).toEqual({ page: '#/paper/bd-1', source: 'https://example.org/bd-1' });
    expect(lb.rows[0].year).toBe(2019);
  });

  it(`hides rows below confidence ${DEFAULT_BOARD_MIN_CONFIDENCE} by default, and shows them unranked on request`, async () => {
    const shown = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_value&includeLowConfidence=true');
    // bd-3's 61.0 AP (confidence 0.2) would top the board: it is listed first, greyed and without a rank; bd-3 keeps its rank by its confident claim
    expect(shown.rows.map((r) => [r.rank, r.paperId, r.value, r.lowConfidence])).toEqual([
      [null, 'bd-3', 61, true], [1, 'bd-1', 53.1, false], [2, 'bd-2', 44.2, false], [3, 'bd-3', 40, false],
    ]);
    const strict = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_value&minConfidence=0.92');
    expect(strict.rows.map((r) => r.paperId)).toEqual(['bd-2']);
    const all = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_value&minConfidence=0');
    expect(all.rows.map((r) => [r.rank, r.paperId, r.value])).toEqual([[1, 'bd-3', 61], [2, 'bd-1', 53.1], [3, 'bd-2', 44.2]]);
    await expectBadParam(seeded.app, '/api/leaderboards/AP?minConfidence=2', 'minConfidence');
    await expectBadParam(seeded.app, '/api/leaderboards?includeLowConfidence=maybe', 'includeLowConfidence');
  });

  it('ranks machine-measured metrics per hardware, with claims stating none as their own group', async () => {
    const latency = (await boards()).filter((b) => b.metricKey === 'latency' && b.kind === 'measurement');
    expect(latency.every((b) => b.perHardware)).toBe(true);
    expect(new Set(latency.map((b) => b.hardware))).toEqual(new Set(['A100', 'Jetson', 'T4', null]));
    const t4 = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/latency?hardware=T4');
    expect(t4.rows.map((r) => [r.rank, r.paperId, r.display, r.setting.hardware])).toEqual([[1, 'bd-2', '5 ms', ['T4']]]);
    const none = await getJson<Leaderboard>(seeded.app, `/api/leaderboards/latency?hardware=${NOT_STATED}&kind=measurement`);
    expect(none.rows.map((r) => r.paperId)).toEqual(['bd-3']);
    // accuracy is not measured on a machine: its boards do not split by hardware
    expect((await boards()).filter((b) => b.metricKey === 'accuracy').every((b) => !b.perHardware && b.hardware === null)).toBe(true);
  });

  it('ranks deltas only over one baseline, and lists gains across baselines without ranks', async () => {
    const xnor = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/speed?baseline=XNOR-Net');
    expect(xnor.board).toMatchObject({ kind: 'speedup', baseline: 'XNOR-Net', ranked: true });
    expect(xnor.rows.map((r) => [r.rank, r.paperId, r.display])).toEqual([[1, 'bd-2', 'up to 3.1×'], [2, 'bd-3', '≥ 2×']]);
    const across = await getJson<Leaderboard>(seeded.app, '/api/leaderboards/AP?setting=COCO&kind=quality_delta');
    expect(across.acrossBaselines).toBe(true);
    expect(across.board).toMatchObject({ baseline: null, ranked: false, papers: 3 });
    expect(across.rows.map((r) => [r.rank, r.paperId, r.display, r.baselineKey])).toEqual([[null, 'bd-2', '+4 pp', 'XNOR-Net'], [null, 'bd-1', '+2 pp', 'AlexNet'], [null, 'bd-3', '+1 pp', null]]);
    const noBaseline = await getJson<Leaderboard>(seeded.app, `/api/leaderboards/AP?setting=COCO&kind=quality_delta&baseline=${NOT_STATED}`);
    expect(noBaseline.board).toMatchObject({ ranked: false });
    expect(noBaseline.rows.map((r) => [r.rank, r.paperId])).toEqual([[null, 'bd-3']]);
    // The boards list has one board per baseline, never one ranking gains over several.
    const deltaBoards = (await boards()).filter((b) => b.kind === 'quality_delta' || b.kind === 'speedup' || b.kind === 'efficiency');
    expect(deltaBoards.every((b) => b.ranked === (b.baseline !== null))).toBe(true);
  });

  it('filters the index by papers', async () => {
    const two = await boards('?minPapers=2');
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((b) => b.papers >= 2)).toBe(true);
    expect(two.length).toBeLessThan((await boards()).length);
  });

  it('gives the same boards and ranks in the API, the CLI and the SQL view leaderboard_entries', async () => {
    const api = await boards();
    const view = await seeded.db.store.sql.query<{ metric_key: string; kind: Board['kind']; board_unit: Board['unit']; board_setting: string | null; board_hardware: string | null; board_baseline: string | null; papers: number }>(
      `SELECT metric_key, kind, board_unit, board_setting, board_hardware, board_baseline, count(*)::int AS papers
       FROM leaderboard_entries GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    const fromView = view.map((v) => `${identity({ metricKey: v.metric_key, kind: v.kind, unit: v.board_unit, setting: v.board_setting, hardware: v.board_hardware, baseline: v.board_baseline })}|${v.papers}`);
    expect(api.map((b) => `${identity(b)}|${b.papers}`).sort()).toEqual(fromView.sort());
    const out = await cli(runLeaderboard, seeded.db, ['--format', 'jsonl', '--limit', '1000']);
    expect(out.code, out.err).toBe(0);
    expect(out.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual(api);
    for (const b of api) {
      const lb = await getJson<Leaderboard>(seeded.app, boardUrl(b, '&limit=1000'));
      expect(lb.board && identity(lb.board), boardUrl(b)).toBe(identity(b));
      const rows = await seeded.db.store.sql.query<{ paper_id: string; rank: number | null }>(
        `SELECT paper_id, rank::int AS rank FROM leaderboard_entries
         WHERE metric_key = $1 AND kind = $2 AND board_unit = $3 AND board_setting IS NOT DISTINCT FROM $4::text
           AND board_hardware IS NOT DISTINCT FROM $5::text AND board_baseline IS NOT DISTINCT FROM $6::text
         ORDER BY rank, paper_id`,
        [b.metricKey, b.kind, b.unit, b.setting, b.hardware, b.baseline],
      );
      expect(lb.rows.map((r) => [r.paperId, r.rank]).sort(), boardUrl(b)).toEqual(rows.map((r) => [r.paper_id, r.rank]).sort());
    }
  });

  it('serves the index again until a write commits, then reads afresh', async () => {
    const before = await boards();
    expect(await boards()).toEqual(before);
    expect(before.some((b) => b.metricKey === 'BLEU')).toBe(false);
    const paper = make('bd-9', 'Translation', [
      { sentence: 'We reach 30.1 BLEU on WMT14 En-De.', text: '30.1 BLEU', kind: 'quality_value', unit: 'abs', value: 30.1, metric: 'BLEU', setting: 'WMT14 En-De', confidence: 0.9 },
    ], {}, '', 9);
    await seeded.db.store.writeChunk({ batch: { id: 'batch-bleu', name: 'bleu', createdAt: new Date().toISOString() }, extractorVersion: 'test', papers: [paper], rejections: [], total: 1 });
    const after = await boards();
    expect(after.find((b) => b.metricKey === 'BLEU')).toMatchObject({ setting: 'WMT14 En-De', papers: 1, ranked: true });
  });
});
