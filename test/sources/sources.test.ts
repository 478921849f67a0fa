import { afterEach, describe, expect, it } from 'vitest';
import { abstractFromInvertedIndex, createSource, HarvestHttpError, PoliteClient, retryAfterMs, type FetchedRecord, type Source, type SourcePage } from '@claimflow/sources';
import { arxivAtom, hfDaily, invertedIndex, oaiError, oaiListRecords, openAlexWorks, type TestPaper } from '../support/source-documents.js';
import { SourceServer } from '../support/source-server.js';

const CONTACT = 'harvest-test@example.org';
const paper = (n: number, extra: Partial<TestPaper> = {}): TestPaper => ({
  arxivId: `2401.0000${n}`,
  title: `Paper ${n}: a faster kernel`,
  abstract: `We present kernel ${n}. It runs ${n + 1}.5x faster than FlashAttention-2 on an A100 while using ${n}0% less memory.`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  ...extra,
});
const ok = (records: FetchedRecord[]) => records.flatMap((r) => ('record' in r ? [r.record] : []));
const errors = (records: FetchedRecord[]) => records.flatMap((r) => ('error' in r ? [r] : []));

let server: SourceServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function allPages(source: Source, cursor: string): Promise<SourcePage[]> {
  const pages: SourcePage[] = [];
  for (let c: string | null = cursor; c; ) {
    const page = await source.fetchPage(c);
    pages.push(page);
    c = page.next;
  }
  return pages;
}

describe('the polite HTTP client', () => {
  it('sends the contact address in the User-Agent and spaces requests by the minimum interval', async () => {
    server = await SourceServer.start(() => ({ body: 'ok' }));
    const http = new PoliteClient({ contact: CONTACT, minIntervalMs: 300 });
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await http.get(`${server.url}/x`, 'text/plain');
    expect(server.requests.map((r) => r.userAgent)).toEqual(Array(3).fill(`claimflow-harvester/0.1 (mailto:${CONTACT})`));
    // The second request may not start before t0 + 300 ms, the third before t0 + 600 ms (arrival is later still).
    expect(server.requests[1].at - t0).toBeGreaterThanOrEqual(295);
    expect(server.requests[2].at - t0).toBeGreaterThanOrEqual(595);
  });

  it('waits as long as a 503 Retry-After says, then gets the page', async () => {
    server = await SourceServer.start((_u, _r, n) => (n === 1 ? { status: 503, headers: { 'retry-after': '1' }, body: 'busy' } : { body: 'page' }));
    const http = new PoliteClient({ contact: CONTACT, minIntervalMs: 0, backoffMs: 10 });
    expect(await http.get(`${server.url}/x`, 'text/plain')).toBe('page');
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it('reads Retry-After as seconds or as an HTTP date, and obeys it on a 429 too', async () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 06 Dec 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeNull();
    server = await SourceServer.start((_u, _r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } } : { body: 'ok' }));
    const http = new PoliteClient({ contact: CONTACT, minIntervalMs: 0, backoffMs: 10 });
    expect(await http.get(`${server.url}/x`, 'text/plain')).toBe('ok');
    // An HTTP date has whole seconds: two seconds ahead is a wait of more than one, never the 10 ms backoff.
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThan(900);
  });

  it('gives up after its retries, saying what failed; a 4xx is not retried', async () => {
    server = await SourceServer.start((u) => (u.pathname === '/gone' ? { status: 404 } : { status: 500 }));
    const http = new PoliteClient({ contact: CONTACT, minIntervalMs: 0, retries: 2, backoffMs: 5 });
    await expect(http.get(`${server.url}/x`, 'text/plain')).rejects.toThrow(/500 Internal Server Error \(after 3 attempts\)/);
    await expect(http.get(`${server.url}/gone`, 'text/plain')).rejects.toThrow(HarvestHttpError);
    expect(server.requests.filter((r) => r.url.pathname === '/gone')).toHaveLength(1);
  });

  it('refuses a Retry-After longer than it may wait, and retries a dropped connection', async () => {
    server = await SourceServer.start((u, _r, n) => (u.pathname === '/later' ? { status: 503, headers: { 'retry-after': '86400' } } : n <= 2 ? 'drop' : { body: 'fine' }));
    const http = new PoliteClient({ contact: CONTACT, minIntervalMs: 0, backoffMs: 5, maxRetryAfterMs: 60_000 });
    expect(await http.get(`${server.url}/x`, 'text/plain')).toBe('fine');
    await expect(http.get(`${server.url}/later`, 'text/plain')).rejects.toThrow(/Retry-After \(86400 s\) is longer than a harvest waits/);
  });
});

describe('arxiv-oai', () => {
  it('lists records for a set and a date range, follows resumption tokens, and reads the arXiv format', async () => {
    server = await SourceServer.start((u) =>
      u.searchParams.get('resumptionToken') === 'tok|2'
        ? { body: oaiListRecords([paper(3), { malformed: '2401.00009' }], { next: '', size: 4, cursor: 2 }) }
        : { body: oaiListRecords([paper(1, { updated: '2024-01-03', doi: '10.1000/x1', journalRef: 'NeurIPS 2024', categories: ['cs.LG', 'cs.AI'] }), paper(2)], { next: 'tok|2', size: 4 }) },
    );
    const source = createSource('arxiv-oai', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    const pages = await allPages(source, source.start({ since: '2024-01-02', until: '2024-01-04', set: 'cs' }));
    const first = server.requests[0].url.searchParams;
    expect(Object.fromEntries(first)).toEqual({ verb: 'ListRecords', metadataPrefix: 'arXiv', from: '2024-01-02', until: '2024-01-04', set: 'cs' });
    expect(Object.fromEntries(server.requests[1].url.searchParams)).toEqual({ verb: 'ListRecords', resumptionToken: 'tok|2' });
    expect(pages).toHaveLength(2);
    expect(pages[0].total).toBe(4);
    const records = pages.flatMap((p) => ok(p.records));
    expect(records.map((r) => r.id)).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.00003']);
    expect(records[0]).toMatchObject({
      title: paper(1).title,
      abstract: paper(1).abstract,
      metadata: {
        source: 'arxiv-oai',
        sourceId: 'oai:arXiv.org:2401.00001',
        arxivId: '2401.00001',
        doi: '10.1000/x1',
        version: '2024-01-03',
        authors: ['Ada Lovelace', 'Alan Turing'],
        categories: ['cs.LG', 'cs.AI'],
        venue: 'NeurIPS 2024',
        url: 'https://arxiv.org/abs/2401.00001',
      },
    });
    expect(errors(pages[1].records)).toEqual([{ error: 'arxiv-oai record oai:arXiv.org:2401.00009: no abstract', field: 'abstract' }]);
  });

  it('takes noRecordsMatch for an empty harvest and any other OAI error for a failure', async () => {
    server = await SourceServer.start((u) => ({ body: u.searchParams.get('set') === 'bad' ? oaiError('badArgument', 'unknown set') : oaiError('noRecordsMatch', 'nothing') }));
    const source = createSource('arxiv-oai', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    expect(await source.fetchPage(source.start({ since: '2024-01-02', until: '2024-01-04' }))).toEqual({ records: [], next: null, total: 0 });
    await expect(source.fetchPage(source.start({ since: '2024-01-02', until: '2024-01-04', set: 'bad' }))).rejects.toThrow('arxiv-oai: the server answered badArgument: unknown set');
  });
});

describe('arxiv-search', () => {
  it('pages a query by start and max_results until the OpenSearch total, with versions from the entry ids', async () => {
    const all = [paper(1, { version: 2, updated: '2024-01-05' }), paper(2, { updated: '2024-01-04' }), paper(3, { updated: '2024-01-03' })];
    server = await SourceServer.start((u) => {
      const start = Number(u.searchParams.get('start'));
      const n = Number(u.searchParams.get('max_results'));
      return { body: arxivAtom(all.slice(start, start + n), { total: all.length, start, perPage: n }) };
    });
    const source = createSource('arxiv-search', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    const pages = await allPages(source, source.start({ since: '2024-01-01', until: '2024-01-06', query: 'cat:cs.LG AND abs:kernel', pageSize: 2 }));
    expect(server.requests.map((r) => [r.url.searchParams.get('search_query'), r.url.searchParams.get('start'), r.url.searchParams.get('sortBy')])).toEqual([
      ['cat:cs.LG AND abs:kernel', '0', 'lastUpdatedDate'],
      ['cat:cs.LG AND abs:kernel', '2', 'lastUpdatedDate'],
    ]);
    const records = pages.flatMap((p) => ok(p.records));
    expect(records.map((r) => [r.id, r.metadata.version])).toEqual([['arxiv:2401.00001', 'v2'], ['arxiv:2401.00002', 'v1'], ['arxiv:2401.00003', 'v1']]);
    expect(records[0].abstract).toBe(all[0].abstract);
  });

  it('stops at the first entry updated before `since`', async () => {
    const all = [paper(1, { updated: '2024-01-05' }), paper(2, { updated: '2024-01-01' }), paper(3, { updated: '2023-12-30' })];
    server = await SourceServer.start(() => ({ body: arxivAtom(all.slice(0, 2), { total: 3, start: 0, perPage: 2 }) }));
    const source = createSource('arxiv-search', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    const page = await source.fetchPage(source.start({ since: '2024-01-04', until: '2024-01-06', query: 'cat:cs.LG', pageSize: 2 }));
    expect(ok(page.records).map((r) => r.id)).toEqual(['arxiv:2401.00001']);
    expect(page.next).toBeNull();
  });

  it('needs a query', () => {
    expect(() => createSource('arxiv-search', { contact: CONTACT }).start({ since: '2024-01-01', until: '2024-01-02' })).toThrow(/needs a query/);
  });
});

describe('hf-daily', () => {
  it('fetches one page per day from since to until, and rejects an entry without a paper id', async () => {
    server = await SourceServer.start((u) => {
      const date = u.searchParams.get('date')!;
      return { body: hfDaily(date === '2024-01-02' ? [paper(1), { malformed: true }] : [paper(2)], date) };
    });
    const source = createSource('hf-daily', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    const pages = await allPages(source, source.start({ since: '2024-01-02', until: '2024-01-03' }));
    expect(server.requests.map((r) => `${r.url.pathname}?${r.url.searchParams}`)).toEqual(['/api/daily_papers?date=2024-01-02', '/api/daily_papers?date=2024-01-03']);
    expect(pages.flatMap((p) => ok(p.records)).map((r) => [r.id, r.metadata.authors])).toEqual([
      ['arxiv:2401.00001', ['Ada Lovelace', 'Alan Turing']],
      ['arxiv:2401.00002', ['Ada Lovelace', 'Alan Turing']],
    ]);
    expect(errors(pages[0].records)).toEqual([{ error: 'hf-daily 2024-01-02 entry 2: paper.id: Invalid input: expected string, received undefined', field: 'id' }]);
  });
});

describe('openalex', () => {
  it('rebuilds abstracts from the inverted index', () => {
    const text = 'the cat sat on the mat and the cat slept';
    expect(abstractFromInvertedIndex(invertedIndex(text))).toBe(text);
  });

  it('pages with cursor=* then next_cursor, sends mailto, filters by date, and names arXiv papers by their arXiv id', async () => {
    server = await SourceServer.start((u) =>
      u.searchParams.get('cursor') === '*'
        ? { body: openAlexWorks([{ ...paper(1), workId: 'W1', doi: '10.48550/arXiv.2401.00001', venue: 'arXiv (Cornell University)' }], { count: 2, next: 'c2' }) }
        : u.searchParams.get('cursor') === 'c2'
          ? { body: openAlexWorks([{ ...paper(2), workId: 'W2', doi: '10.1000/journal.2' }], { count: 2, next: 'c3' }) }
          : { body: openAlexWorks([], { count: 2, next: null }) },
    );
    const source = createSource('openalex', { contact: CONTACT, baseUrl: server.url, minIntervalMs: 0 });
    const pages = await allPages(source, source.start({ since: '2024-01-01', until: '2024-01-31', filter: 'concepts.id:C154945302' }));
    const q = server.requests[0].url.searchParams;
    expect(server.requests[0].url.pathname).toBe('/works');
    expect(q.get('filter')).toBe('concepts.id:C154945302,from_publication_date:2024-01-01,to_publication_date:2024-01-31');
    expect(q.get('mailto')).toBe(CONTACT);
    expect(server.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual(['*', 'c2', 'c3']);
    const records = pages.flatMap((p) => ok(p.records));
    expect(records.map((r) => r.id)).toEqual(['arxiv:2401.00001', 'openalex:W2']);
    expect(records[1]).toMatchObject({ abstract: paper(2).abstract, metadata: { doi: '10.1000/journal.2', sourceId: 'https://openalex.org/W2', categories: ['Computer science'] } });
    expect(records[0].metadata.venue).toBe('arXiv (Cornell University)');
  });
});
