import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { extractClaims } from '@claimflow/extract';
import type { BatchRef, PaperDetail, WriteJob } from '@claimflow/schemas';
import { getJson, testApp } from './helpers/app.js';
import { BACKENDS, openTestStore, type TestStore } from './helpers/stores.js';

const batch = (id: string): BatchRef => ({ id, name: id, createdAt: new Date().toISOString() });
const job = (b: BatchRef, papers: { id: string; title: string; abstract: string }[]): WriteJob => ({
  batch: b,
  extractorVersion: 'test',
  papers: papers.map((p, i) => ({ paper: { ...p, metadata: {}, source: { file: `${b.id}.jsonl`, line: i + 1 } }, claims: extractClaims(p.id, p.abstract) })),
  rejections: [],
  total: papers.length,
});
const V1 = { id: 'vp-1', title: 'A fast kernel', abstract: 'Our kernel is 2x faster than the baseline on one GPU.' };
const V2 = { ...V1, abstract: 'Our kernel is 3x faster than the baseline on one GPU, and uses 40% less memory.' };
const OTHER = { id: 'vp-2', title: 'Another paper', abstract: 'It reaches 81.2% top-1 accuracy on ImageNet.' };

/**
 * A paper whose id comes again with different text (issue 19, item 3): before,
 * the new text silently replaced the old and the summary said "1 accepted".
 */
describe.each(BACKENDS)('a new version of a paper, on %s', (backend) => {
  let db: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestStore(backend);
    app = await testApp({ store: db.store });
    await db.store.writeChunk(job(batch('first'), [V1, OTHER]));
    await db.store.writeChunk(job(batch('second'), [V2, OTHER]));
    // The same chunk delivered twice (a worker died after committing) makes no third version.
    await db.store.writeChunk(job(batch('second'), [V2, OTHER]));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('is stored as the next version, whose claims are the ones served', async () => {
    const paper = await getJson<PaperDetail>(app, '/api/papers/vp-1');
    expect(paper.version).toBe(2);
    expect(paper.abstract).toBe(V2.abstract);
    expect(paper.claims.map((c) => c.text).sort()).toEqual(['3x', '40%']);
    expect(paper.versions.map((v) => [v.version, v.current, v.claims])).toEqual([[1, false, 1], [2, true, 2]]);
    const served = await getJson<{ claims: { text: string }[] }>(app, '/api/claims?paper=vp-1');
    expect(served.claims.map((c) => c.text).sort()).toEqual(['3x', '40%']);
    expect((await getJson<PaperDetail>(app, '/api/papers/vp-2')).versions).toHaveLength(1);
  });

  it('keeps the earlier version and its claims readable', async () => {
    const v1 = await getJson<PaperDetail>(app, '/api/papers/vp-1?version=1');
    expect(v1).toMatchObject({ version: 1, abstract: V1.abstract });
    expect(v1.claims.map((c) => [c.text, c.paperId])).toEqual([['2x', 'vp-1']]);
    for (const c of v1.claims) expect(v1.abstract.slice(c.span[0], c.span[1])).toBe(c.text);
    expect((await getJson<PaperDetail>(app, '/api/papers/vp-1?version=2')).abstract).toBe(V2.abstract);
    expect((await getJson(app, '/api/papers/vp-1?version=7', 404)).message).toBe('paper "vp-1" has no version 7: it has 1, 2');
    expect((await getJson(app, '/api/papers/vp-1?version=abc', 400)).message).toMatch(/version/);
  });

  it('counts new, unchanged and updated papers per batch', async () => {
    expect(await db.store.batchOutcomes(['first'])).toEqual({ new: 2, unchanged: 0, updated: 0 });
    expect(await db.store.batchOutcomes(['second'])).toEqual({ new: 0, unchanged: 1, updated: 1 });
  });
});
