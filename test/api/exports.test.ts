import { iterateClaims } from '@claimflow/analyst';
import type { ClaimRecord, ClaimView, Paper } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import { describe, expect, it } from 'vitest';
import { expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { parseCsv } from './helpers/csv.js';
import { BATCH_1 } from './helpers/fixtures.js';
import { BACKENDS } from './helpers/stores.js';

const MANY_PAPERS = 120;
const CLAIMS_PER_PAPER = 10;

/** Enough claims to cross several export pages (500 rows each). */
async function seedMany(store: Store) {
  const papers = Array.from({ length: MANY_PAPERS }, (_, i): { paper: Paper; claims: ClaimRecord[] } => {
    const abstract = Array.from({ length: CLAIMS_PER_PAPER }, (_, j) => `Step ${j} is ${i + j + 1}x faster, "quoted", with commas.`).join(' ');
    const paper: Paper = { id: `bulk-${String(i).padStart(4, '0')}`, title: `Bulk paper ${i}`, abstract, metadata: {}, source: { file: 'bulk.jsonl', line: i + 1 } };
    const claims = Array.from({ length: CLAIMS_PER_PAPER }, (_, j): ClaimRecord => {
      const sentence = `Step ${j} is ${i + j + 1}x faster, "quoted", with commas.`;
      const start = abstract.indexOf(sentence) + sentence.indexOf(`${i + j + 1}x`);
      const text = `${i + j + 1}x`;
      return {
        paperId: paper.id, kind: 'speedup', span: [start, start + text.length], text, value: i + j + 1, low: null, high: null, unit: 'x',
        qualifier: 'exact', raw: { value: i + j + 1, low: null, high: null, unit: 'x' }, metric: 'step time', baseline: null, setting: null, sentence,
      };
    });
    return { paper, claims };
  });
  await store.writeChunk({ batch: { id: 'bulk', name: 'bulk', createdAt: new Date().toISOString() }, extractorVersion: 'test', papers, rejections: [], total: MANY_PAPERS });
}

describe.each(BACKENDS)('exports on %s', (backend) => {
  const seeded = useSeededApp(backend, seedMany);

  it('streams every matching claim as CSV, across pages, in sort order', async () => {
    const res = await seeded.app.inject('/api/claims.csv?batch=bulk&sort=paper');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('claims.csv');
    const rows = parseCsv(res.body);
    expect(rows[0].slice(0, 5)).toEqual(['id', 'paper_id', 'paper_title', 'kind', 'text']);
    const data = rows.slice(1);
    expect(data).toHaveLength(MANY_PAPERS * CLAIMS_PER_PAPER);
    const col = (name: string) => rows[0].indexOf(name);
    expect(new Set(data.map((r) => r[col('id')])).size).toBe(data.length);
    expect(data[0][col('paper_id')]).toBe('bulk-0000');
    expect(data.at(-1)![col('paper_id')]).toBe(`bulk-${String(MANY_PAPERS - 1).padStart(4, '0')}`);
    // Quotes and commas in a sentence survive.
    expect(data[0][col('sentence')]).toBe('Step 0 is 1x faster, "quoted", with commas.');
  });

  it('streams JSONL with the same filters and an optional limit', async () => {
    const res = await seeded.app.inject('/api/claims.jsonl?kind=speedup&min=100&sort=value');
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const claims = res.body.trim().split('\n').map((l) => JSON.parse(l) as ClaimView);
    const expected = (await getJson(seeded.app, '/api/claims?kind=speedup&min=100&limit=1000')).claims as ClaimView[];
    expect(claims.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(claims.every((c) => c.value! >= 100)).toBe(true);

    const limited = await seeded.app.inject('/api/claims.jsonl?limit=7');
    expect(limited.body.trim().split('\n')).toHaveLength(7);
    const none = await seeded.app.inject('/api/claims.jsonl?paper=none');
    expect(none.statusCode).toBe(200);
    expect(none.body).toBe('');
  });

  it('refuses bad parameters before streaming', async () => {
    await expectBadParam(seeded.app, '/api/claims.csv?kind=nope', 'kind');
    await expectBadParam(seeded.app, '/api/claims.jsonl?limit=0', 'limit');
    await expectBadParam(seeded.app, '/api/claims.jsonl?cursor=abc', 'cursor');
  });

  it('iterates on the keyset with small pages exactly like one big page', async () => {
    for (const sort of ['value', 'paper', 'recent'] as const) {
      const small: string[] = [];
      for await (const c of iterateClaims(seeded.db.store.sql, { sort, batch: BATCH_1.id }, { pageSize: 2 })) small.push(c.id);
      const big: string[] = [];
      for await (const c of iterateClaims(seeded.db.store.sql, { sort, batch: BATCH_1.id }, { pageSize: 1000 })) big.push(c.id);
      expect(small).toEqual(big);
      expect(small).toHaveLength(9);
    }
  });
});
