import type { ClaimView } from '@claimflow/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, expectBadParam, getJson, useSeededApp } from './helpers/app.js';
import { ALL_HAND_CLAIMS, BATCH_1, BATCH_2, EXTRACTED_PAPER, HAND_CLAIMS, PAPERS } from './helpers/fixtures.js';
import { BACKENDS } from './helpers/stores.js';

const sortKey = (c: ClaimView) => c.value ?? c.high ?? -Infinity;

describe.each(BACKENDS)('GET /api/claims on %s', (backend) => {
  const seeded = useSeededApp(backend);
  /** Every stored claim, hand-built and extracted: filters are checked against it. */
  let all: ClaimView[];

  beforeAll(async () => {
    all = (await getJson(seeded.app, '/api/claims?limit=1000')).claims;
  });

  /** The filter returns exactly the stored claims satisfying `pred`. */
  async function expectFilter(query: string, pred: (c: ClaimView) => boolean) {
    const got = await allPages(seeded.app, `${query}&limit=1000`);
    const want = all.filter(pred);
    expect(new Set(got.map((c) => c.id))).toEqual(new Set(want.map((c) => c.id)));
    return got;
  }

  it('lists every claim with its paper title and evidence sentence', () => {
    for (const hand of ALL_HAND_CLAIMS) {
      const c = all.find((x) => x.paperId === hand.paperId && x.span[0] === hand.span[0] && x.kind === hand.kind);
      expect(c, `${hand.paperId} ${hand.text}`).toBeDefined();
      expect(c!.value).toBe(hand.value);
      expect(c!.paperTitle).toBe(Object.values(PAPERS).find((p) => p.id === hand.paperId)!.title);
      expect(c!.evidence?.sentence).toBe(hand.sentence);
      const [s, e] = c!.evidence!.highlight!;
      expect(hand.sentence!.slice(s, e)).toBe(hand.text);
    }
    // The extracted paper's claims, whatever the extractor says, point into its abstract.
    for (const c of all.filter((x) => x.paperId === EXTRACTED_PAPER.id)) {
      expect(EXTRACTED_PAPER.abstract.slice(c.span[0], c.span[1])).toBe(c.text);
    }
  });

  it('highlights the right number even after an astral character', () => {
    const c = all.find((x) => x.paperId === 'fx-004' && x.text === '40%')!;
    expect(c.evidence!.highlight).toEqual([c.evidence!.sentence.indexOf('40%'), c.evidence!.sentence.indexOf('40%') + 3]);
  });

  it('sorts by value, largest first, by default', () => {
    const values = all.map(sortKey);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('filters by kind, unit, qualifier', async () => {
    await expectFilter('kind=speedup', (c) => c.kind === 'speedup');
    await expectFilter('kind=quality_delta&unit=pp', (c) => c.kind === 'quality_delta' && c.unit === 'pp');
    await expectFilter('unit=fps', (c) => c.unit === 'fps');
    const approx = await expectFilter('qualifier=approximate', (c) => c.qualifier === 'approximate');
    expect(approx.map((c) => c.text)).toContain('1.5x');
  });

  it('stores the extractor\'s confidence with each claim it extracted, and filters by minConfidence', async () => {
    const extracted = all.filter((c) => c.paperId === EXTRACTED_PAPER.id);
    expect(extracted.length).toBeGreaterThan(1);
    for (const c of extracted) expect(c.confidence).toBeGreaterThan(0), expect(c.confidence).toBeLessThanOrEqual(1);
    const cut = [...extracted].sort((a, b) => a.confidence! - b.confidence!).at(-1)!.confidence!;
    const kept = await expectFilter(`minConfidence=${cut}`, (c) => c.confidence != null && c.confidence >= cut);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length); // claims with no confidence (hand-built, older extractors) are left out
    await expectBadParam(seeded.app, '/api/claims?minConfidence=1.5', 'minConfidence');
    await expectBadParam(seeded.app, '/api/claims?minConfidence=abc', 'minConfidence');
  });

  it('filters on value ranges by overlap', async () => {
    const overlaps = (min: number, max: number) => (c: ClaimView) => {
      const lo = c.low ?? c.value;
      const hi = c.high ?? c.value;
      return lo != null && hi != null && hi >= min && lo <= max;
    };
    // The 5–12× range overlaps [6, 8] though neither end is inside it.
    const mid = await expectFilter('min=6&max=8', overlaps(6, 8));
    expect(mid.map((c) => c.text)).toContain('5 and 12 times');
    await expectFilter('kind=efficiency&min=10', (c) => c.kind === 'efficiency' && overlaps(10, Infinity)(c));
    await expectFilter('max=0', overlaps(-Infinity, 0));
    await expectFilter('min=-1.1&max=-1.1', overlaps(-1.1, -1.1));
  });

  it('filters by metric and setting substrings, case-insensitively', async () => {
    const acc = await expectFilter('metric=ACCURACY', (c) => !!c.metric?.toLowerCase().includes('accuracy'));
    expect(acc.map((c) => c.metric).sort()).toEqual(['accuracy', 'top-1 accuracy']);
    await expectFilter('setting=edge', (c) => !!c.setting?.toLowerCase().includes('edge'));
    // LIKE wildcards are literal.
    await expectFilter('metric=%25', () => false);
    await expectFilter('metric=_', () => false);
  });

  it('filters by paper and batch', async () => {
    await expectFilter('paper=fx-002', (c) => c.paperId === 'fx-002');
    await expectFilter(`batch=${BATCH_1.id}`, (c) => ['fx-001', 'fx-002', 'fx-003'].includes(c.paperId));
    await expectFilter(`batch=${BATCH_2.id}&kind=efficiency`, (c) => ['fx-004', 'fx-005'].includes(c.paperId) && c.kind === 'efficiency');
    await expectFilter('batch=no-such-batch', () => false);
  });

  it('searches sentence, metric, baseline, setting and title as full text', async () => {
    // "ogbn" is only in one sentence and setting.
    const ogbn = await allPages(seeded.app, 'q=ogbn');
    expect(ogbn.map((c) => c.text)).toEqual(['1.5x']);
    // Words of a title find all of that paper's claims (stemmed: "networks" ~ "network").
    const title = await allPages(seeded.app, 'q=graph%20networks');
    expect(new Set(title.map((c) => c.id))).toEqual(new Set(all.filter((c) => c.paperId === 'fx-003').map((c) => c.id)));
    // Baseline text; combined with a kind.
    const dense = await allPages(seeded.app, 'q=dense&kind=speedup');
    expect(dense.map((c) => c.text)).toEqual(['3.2x']);
    // Web-search syntax: a phrase and a negation.
    expect((await allPages(seeded.app, 'q=%22word%20error%20rate%22')).map((c) => c.text)).toEqual(['1.1 points']);
    const notDense = await allPages(seeded.app, 'q=transformer%20-dense');
    expect(notDense.every((c) => c.paperId === 'fx-001' || c.paperId === 'fx-004')).toBe(true);
    expect(notDense.some((c) => c.text === '3.2x')).toBe(false);
    // Odd syntax is never an error.
    for (const q of ['%22unbalanced', 'OR', '!!!', '(a%20%26%20b', "it's"]) await getJson(seeded.app, `/api/claims?q=${q}`);
  });

  it.each(['value', 'paper', 'recent'])('pages through sort=%s with a keyset cursor', async (sort) => {
    const whole = (await getJson(seeded.app, `/api/claims?sort=${sort}&limit=1000`)).claims as ClaimView[];
    const paged = await allPages(seeded.app, `sort=${sort}&limit=2`);
    expect(paged.map((c) => c.id)).toEqual(whole.map((c) => c.id));
    expect(new Set(paged.map((c) => c.id)).size).toBe(all.length);
    if (sort === 'paper') {
      const keys = whole.map((c) => [c.paperId, c.span[0]] as const);
      expect(keys).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]));
    }
    if (sort === 'recent') {
      const times = whole.map((c) => c.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    }
  });

  it('pages a filtered listing', async () => {
    const paged = await allPages(seeded.app, 'kind=quality_delta&limit=1');
    expect(paged.map((c) => c.value)).toEqual([0.8, -0.4, -1.1]);
  });

  it('answers 400 naming each bad parameter', async () => {
    await expectBadParam(seeded.app, '/api/claims?limit=0', 'limit');
    await expectBadParam(seeded.app, '/api/claims?limit=1001', 'limit');
    await expectBadParam(seeded.app, '/api/claims?limit=2.5', 'limit');
    await expectBadParam(seeded.app, '/api/claims?kind=fastness', 'kind');
    await expectBadParam(seeded.app, '/api/claims?unit=furlongs', 'unit');
    await expectBadParam(seeded.app, '/api/claims?qualifier=maybe', 'qualifier');
    await expectBadParam(seeded.app, '/api/claims?sort=random', 'sort');
    await expectBadParam(seeded.app, '/api/claims?min=abc', 'min');
    await expectBadParam(seeded.app, '/api/claims?min=', 'min');
    await expectBadParam(seeded.app, '/api/claims?min=1&min=2', 'min');
    await expectBadParam(seeded.app, '/api/claims?limit=', 'limit');
    await expectBadParam(seeded.app, '/api/claims?max=1e999', 'max');
    await expectBadParam(seeded.app, '/api/claims?min=5&max=1', 'min');
    await expectBadParam(seeded.app, '/api/claims?colour=red', 'colour');
    await expectBadParam(seeded.app, '/api/claims?kind=speedup&kind=fastness', 'kind');
    await expectBadParam(seeded.app, '/api/claims?q=', 'q');
    await expectBadParam(seeded.app, `/api/claims?q=${'x'.repeat(501)}`, 'q');
    await expectBadParam(seeded.app, '/api/claims?q=a%00b', 'q');
    await expectBadParam(seeded.app, '/api/claims?metric=a%00b', 'metric');
    await expectBadParam(seeded.app, '/api/claims?cursor=garbage', 'cursor');
  });

  it('rejects a cursor from another sort, and forged cursors, with 400', async () => {
    const { nextCursor } = await getJson(seeded.app, '/api/claims?sort=value&limit=1');
    await expectBadParam(seeded.app, `/api/claims?sort=paper&cursor=${nextCursor}`, 'cursor');
    const forge = (tuple: unknown) => Buffer.from(JSON.stringify(tuple)).toString('base64url');
    await expectBadParam(seeded.app, `/api/claims?sort=value&cursor=${forge(['v', 'NaN', 'x'])}`, 'cursor');
    await expectBadParam(seeded.app, `/api/claims?sort=paper&cursor=${forge(['p', 'a', 1.5, 'x'])}`, 'cursor');
    await expectBadParam(seeded.app, `/api/claims?sort=recent&cursor=${forge(['r', 'yesterday', 'x'])}`, 'cursor');
    // Well-formed but impossible date: the database refuses it, still a 400.
    const res = await seeded.app.inject(`/api/claims?sort=recent&cursor=${forge(['r', '2024-13-45 99:00:00+00', 'x'])}`);
    expect(res.statusCode).toBe(400);
  });
});
