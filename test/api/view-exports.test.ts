import type { BaselineBoard, BoardList, Facets, Leaderboard } from '@claimflow/schemas';
import { describe, expect, it } from 'vitest';
import { getJson, useSeededApp } from './helpers/app.js';
import { seedAnalystPapers } from './helpers/analyst-fixtures.js';
import { seedBoardPapers } from './helpers/board-fixtures.js';
import { BACKENDS } from './helpers/stores.js';

/** RFC 4180 as the exports write it: enough to read back quoted fields with commas and quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r') continue;
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += ch;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

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
    const rows = parseCsv(res.body);
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
    const accuracy = parseCsv((await download('/api/leaderboards/accuracy.csv')).body);
    expect(accuracy.length).toBeGreaterThan(0);
  });

  it('the boards index, the baselines, one baseline and the facets', async () => {
    const boards = await getJson<BoardList>(seeded.app, '/api/leaderboards?minPapers=2');
    const csv = parseCsv((await download('/api/leaderboards.csv?minPapers=2')).body);
    expect(csv.map((r) => [r.metric_key, r.kind, r.unit, r.better, r.papers])).toEqual(boards.boards.map((b) => [b.metricKey, b.kind, b.unit, b.better, String(b.papers)]));
    expect((await download('/api/leaderboards.json?minPapers=2')).json()).toEqual(boards);
    const baselines = parseCsv((await download('/api/baselines.csv')).body);
    expect(baselines.find((b) => b.baseline_key === 'FlashAttention-2')).toEqual({ baseline_key: 'FlashAttention-2', claims: '4', papers: '3' });
    const fa = await getJson<BaselineBoard>(seeded.app, '/api/baselines/FlashAttention-2');
    const faCsv = parseCsv((await download('/api/baselines/FlashAttention-2.csv')).body);
    expect(faCsv.map((r) => [r.kind, r.value, r.better])).toEqual(fa.groups.flatMap((g) => g.rows.map((r) => [g.kind, String(r.value), g.better])));
    const facets = await getJson<Facets>(seeded.app, '/api/facets?kind=speedup');
    const facetCsv = parseCsv((await download('/api/facets.csv?kind=speedup')).body);
    expect(facetCsv.filter((r) => r.facet === 'baselineKey').map((r) => [r.value, Number(r.claims)])).toEqual(facets.facets.baselineKey.map((c) => [c.value, c.n]));
  });

  it('the claims export carries better and confidence', async () => {
    const rows = parseCsv((await download('/api/claims.csv?paper=bd-2')).body);
    expect(rows.find((r) => r.text === '5 ms')).toMatchObject({ better: 'lower', confidence: '0.9' });
    expect(rows.find((r) => r.text === '3.1x')).toMatchObject({ better: 'higher', qualifier: 'upper_bound' });
  });
});
