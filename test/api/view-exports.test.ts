import type { BaselineBoard, BoardList, Facets, Leaderboard } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { getJson, useSeededApp } from './helpers/app.js';
import { seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { seedBoardPapers } from './helpers/board-fixtures.js';
import { parseCsvRecords } from './helpers/csv.js';
import { BACKENDS } from './helpers/stores.js';

describe.each(BACKENDS)('every analyst view downloads as CSV and JSON on %s', (backend) => {
  const seeded = useSeededApp(backend, async (store) => {
    await seedAnalystPapers(store);
    await seedBoardPapers(store);
  });
  const download = async (url: string, status = 200) => {
    const res = await seeded.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(status);
    return res;
  };

  it('a board: the same rows as its JSON, with rank, qualifier, better and confidence', async () => {
    const url = '/api/leaderboards/speed?baseline=XNOR-Net';
    const json = await getJson<Leaderboard>(seeded.app, url);
    const res = await download(url.replace('/speed?', '/speed.csv?'));
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="leaderboard-speed.csv"');
    const rows = parseCsvRecords(res.body);
    expect(rows.map((r) => [r.rank, r.paper_id, r.display, r.better, r.confidence, r.baseline_key])).toEqual(
      json.rows.map((r) => [String(r.rank), r.paperId, r.display, 'higher', String(r.confidence), 'XNOR-Net']),
    );
    expect(rows[0].display).toBe('up to 3.1×');
    const asJson = await download(url.replace('/speed?', '/speed.json?'));
    expect(asJson.json()).toEqual(json);
  });

  it('never answers a board that does not exist with an empty 200', async () => {
    const res = await download('/api/leaderboards/no-such-metric.csv', 404);
    expect(res.json().message).toMatch(/no leaderboard for metric "no-such-metric".*GET \/api\/leaderboards/);
    await download('/api/leaderboards/no-such-metric.json', 404);
    await download('/api/baselines/NoSuchNet.csv', 404);
    // accuracy exists: its CSV holds its rows
    const accuracy = parseCsvRecords((await download('/api/leaderboards/accuracy.csv')).body);
    expect(accuracy.length).toBeGreaterThan(0);
  });

  it('the boards index, the baselines, one baseline and the facets', async () => {
    const boards = await getJson<BoardList>(seeded.app, '/api/leaderboards?minPapers=2');
    const csv = parseCsvRecords((await download('/api/leaderboards.csv?minPapers=2')).body);
    expect(csv.map((r) => [r.metric_key, r.kind, r.unit, r.better, r.papers])).toEqual(boards.boards.map((b) => [b.metricKey, b.kind, b.unit, b.better, String(b.papers)]));
    expect((await download('/api/leaderboards.json?minPapers=2')).json()).toEqual(boards);
    const baselines = parseCsvRecords((await download('/api/baselines.csv')).body);
    expect(baselines.find((b) => b.baseline_key === 'FlashAttention-2')).toEqual({ baseline_key: 'FlashAttention-2', claims: '4', papers: '3' });
    const fa = await getJson<BaselineBoard>(seeded.app, '/api/baselines/FlashAttention-2');
    const faCsv = parseCsvRecords((await download('/api/baselines/FlashAttention-2.csv')).body);
    expect(faCsv.map((r) => [r.kind, r.value, r.better])).toEqual(fa.groups.flatMap((g) => g.rows.map((r) => [g.kind, String(r.value), g.better])));
    const facets = await getJson<Facets>(seeded.app, '/api/facets?kind=speedup');
    const facetCsv = parseCsvRecords((await download('/api/facets.csv?kind=speedup')).body);
    expect(facetCsv.filter((r) => r.facet === 'baselineKey').map((r) => [r.value, Number(r.claims)])).toEqual(facets.facets.baselineKey.map((c) => [c.value, c.n]));
  });

  it('the claims exports carry better and confidence', async () => {
    const jsonl = (await download('/api/claims.jsonl?paper=bd-2')).body.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.find((c) => c.text === '5 ms')).toMatchObject({ better: 'lower', confidence: 0.9 });
    const rows = parseCsvRecords((await download('/api/claims.csv?paper=bd-2')).body);
    expect(rows.find((r) => r.text === '5 ms')).toMatchObject({ better: 'lower', confidence: '0.9' });
    expect(rows.find((r) => r.text === '3.1x')).toMatchObject({ better: 'higher', qualifier: 'upper_bound' });
  });
});
