import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRecord, WriteJob } from '@claimflow/schemas';
import { openStore, PgliteSql, StoreUnavailableError, type Store } from '../src/index.js';
import { storeBackends } from './backends.js';

const batch = { id: 'b1', name: 'demo', createdAt: '2026-01-01T00:00:00.000Z' };
const paper = (id: string, line: number) => ({ id, title: `Title ${id}`, abstract: 'It runs 3x faster and 2-4x cheaper.', metadata: { n: line }, source: { file: 'in.jsonl', line } });
const claim = (paperId: string, span: [number, number], patch: Partial<ClaimRecord> = {}): ClaimRecord => ({
  paperId, kind: 'speedup', span, text: '3x', value: 3, low: null, high: null, unit: 'x', qualifier: 'exact',
  raw: { value: 3, low: null, high: null, unit: 'x' }, metric: 'speed', baseline: null, setting: null, sentence: 'It runs 3x faster.', ...patch,
});
const range = (paperId: string) => claim(paperId, [24, 28], { kind: 'efficiency', text: '2-4x', value: null, low: 2, high: 4 });

function job(patch: Partial<WriteJob> = {}): WriteJob {
  return {
    batch, extractorVersion: '1.0.0',
    papers: [{ paper: paper('p1', 1), claims: [claim('p1', [8, 10]), range('p1')] }, { paper: paper('p2', 2), claims: [claim('p2', [8, 10])] }],
    rejections: [{ file: 'in.jsonl', line: 3, field: 'abstract', reason: 'missing' }],
    ...patch,
  };
}

describe.each(storeBackends('store'))('Store on %s', (_, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await open()));
  afterAll(() => cleanup());

  it('writes a chunk and reports the batch as running until its total is known', async () => {
    expect(await store.writeChunk(job())).toEqual({ papers: 2, claims: 3 });
    expect(await store.batch('b1')).toMatchObject({ accepted: 2, rejected: 1, claims: 3, total: null, status: 'running' });
  });

  it('rewriting the same chunk changes nothing', async () => {
    const before = await store.counts();
    await store.writeChunk(job());
    expect(await store.counts()).toEqual(before);
  });

  it('finishes the batch when stored plus rejected records reach the total', async () => {
    await store.writeChunk(job({ papers: [], rejections: [], total: 3 }));
    const b = await store.batch('b1');
    expect(b).toMatchObject({ total: 3, status: 'done' });
    expect(b?.finishedAt).toBeTruthy();
  });

  it('filters claims by kind and by value, ranges matching when they overlap', async () => {
    expect((await store.claims({ kind: 'efficiency' })).map((c) => c.text)).toEqual(['2-4x']);
    expect((await store.claims({ min: 3.5 })).map((c) => c.text)).toEqual(['2-4x']);
    expect((await store.claims({ max: 1.5 }))).toEqual([]);
    expect((await store.claims({ paper: 'p2' })).map((c) => c.paperId)).toEqual(['p2']);
    expect((await store.claims({ batch: 'b1' }))).toHaveLength(3);
  });

  it('round-trips a claim exactly', async () => {
    const [c] = await store.claims({ kind: 'efficiency' });
    expect(c).toMatchObject({ ...range('p1'), extractorVersion: '1.0.0' });
    expect(c.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('replaces a paper\'s claims atomically, dropping those no longer found', async () => {
    await store.replaceClaims([{ paper: paper('p1', 1), claims: [claim('p1', [8, 10], { value: 3.5 })] }], '2.0.0');
    const claims = await store.claims({ paper: 'p1' });
    expect(claims.map((c) => [c.text, c.value, c.extractorVersion])).toEqual([['3x', 3.5, '2.0.0']]);
    expect(await store.stalePaperIds('2.0.0')).toEqual(['p2']);
    expect(await store.stalePaperIds('2.0.0', 'no-such-batch')).toEqual([]);
  });

  it('keeps injected text verbatim', async () => {
    const evil = "Robert'); DROP TABLE claims;-- <script>alert(1)</script> \u202e\u0000".replace('\u0000', '');
    await store.writeChunk(job({ batch: { ...batch, id: 'b2' }, papers: [{ paper: { ...paper('p3', 1), title: evil }, claims: [claim('p3', [8, 10], { metric: evil })] }], rejections: [] }));
    const [p] = await store.papers(['p3']);
    expect(p.title).toBe(evil);
    expect((await store.claims({ paper: 'p3' }))[0].metric).toBe(evil);
  });

  it('stores what COPY must escape (tabs, newlines, backslashes, quotes, \\N) exactly, and a claim\'s setting keys as an array', async () => {
    const nasty = 'a\tb\nc\r\\d \\N "q" {x,y} \\t';
    const meta = { note: nasty, nested: { back: '\\' } };
    const c = claim('p-copy', [8, 10], { metric: nasty, setting: 'on ImageNet with 8 A100 GPUs', baseline: nasty, sentence: `${nasty} 3x`, raw: { value: 3, low: null, high: null, unit: nasty } as never });
    await store.writeChunk(job({ batch: { ...batch, id: 'b-copy' }, papers: [{ paper: { ...paper('p-copy', 1), title: nasty, abstract: nasty, metadata: meta }, claims: [c] }], rejections: [] }));
    const [p] = await store.papers(['p-copy']);
    expect(p).toMatchObject({ title: nasty, abstract: nasty, metadata: meta });
    const [stored] = await store.claims({ paper: 'p-copy' });
    expect(stored).toMatchObject({ metric: nasty, baseline: nasty, sentence: `${nasty} 3x`, raw: c.raw, settingKeys: ['ImageNet', 'A100'] });
  });

  it.each([['earlier line first', [2, 5]], ['later line first', [5, 2]]])(
    'within a batch the first line with an id wins and later ones are rejected (%s)',
    async (_, order) => {
      const b = { ...batch, id: `dup-${order.join('-')}` };
      const version = (line: number) => ({ paper: { ...paper('dup', line), abstract: `Version from line ${line}.` }, claims: [claim('dup', [0, 7], { value: line })] });
      for (const line of order) await store.writeChunk(job({ batch: b, papers: [version(line)], rejections: [] }));
      await store.writeChunk(job({ batch: b, papers: [version(5)], rejections: [], total: 2 })); // redelivery changes nothing
      const [p] = await store.papers(['dup']);
      expect(p.abstract).toBe('Version from line 2.');
      expect((await store.claims({ paper: 'dup' })).map((c) => c.value)).toEqual([2]);
      expect(await store.rejections(b.id)).toEqual([{ file: 'in.jsonl', line: 5, field: 'id', reason: 'duplicate id "dup": first at in.jsonl:2' }]);
      expect(await store.batch(b.id)).toMatchObject({ accepted: 1, rejected: 1, claims: 1, status: 'done' });
    },
  );

  it('rejects a repeated id inside one chunk too', async () => {
    const b = { ...batch, id: 'dup-chunk' };
    await store.writeChunk(job({ batch: b, papers: [{ paper: paper('same', 9), claims: [] }, { paper: paper('same', 4), claims: [] }], rejections: [], total: 2 }));
    expect(await store.rejections(b.id)).toEqual([{ file: 'in.jsonl', line: 9, field: 'id', reason: 'duplicate id "same": first at in.jsonl:4' }]);
  });

  it('lists rejections by file and line', async () => {
    expect(await store.rejections('b1')).toEqual([{ file: 'in.jsonl', line: 3, field: 'abstract', reason: 'missing' }]);
  });
});

describe('embedded store lock', () => {
  it('refuses a second opener of the same data folder with a clear message, and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const first = await PgliteSql.open(dir);
    // Pretend another live process holds it: the lock names a pid that is running (our parent).
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'claimflow.lock'), String(process.ppid));
    await expect(PgliteSql.open(dir)).rejects.toThrow(StoreUnavailableError);
    await expect(PgliteSql.open(dir)).rejects.toThrow(/in use by process \d+/);
    writeFileSync(join(dir, 'claimflow.lock'), String(process.pid));
    await first.close();
    const again = await PgliteSql.open(dir);
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'claimflow.lock'), '999999');
    const sql = await PgliteSql.open(dir);
    await sql.close();
  });
});
