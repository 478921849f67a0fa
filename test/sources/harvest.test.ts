import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims } from '../support/cli.js';
import { TestPipeline } from '../support/test-pipeline.js';
import { arxivAtom, hfDaily, oaiListRecords, openAlexWorks, type TestPaper } from '../support/source-documents.js';
import { SourceServer, type Handler } from '../support/source-server.js';

/**
 * `claims harvest` end to end: a local server in each source's format, the
 * four workers as processes, PostgreSQL. Each source keeps its own cursor,
 * so each test uses its own source and they run in order.
 */
const paper = (n: number, extra: Partial<TestPaper> = {}): TestPaper => ({
  arxivId: `2402.1000${n}`,
  title: `Harvested paper ${n}`,
  abstract: `Our method ${n} is ${n + 1}.5x faster than FlashAttention-2 on an H100 and uses ${n + 2}0% less memory.`,
  authors: ['Grace Hopper'],
  ...extra,
});

let pipeline: TestPipeline;
let server: SourceServer;
let env: Record<string, string>;
let handler: Handler = () => ({ status: 500 });

beforeAll(async () => {
  server = await SourceServer.start((u, r, n) => handler(u, r, n));
  pipeline = await TestPipeline.start('harvest', { env: { CHUNK_SIZE: '2' } });
  env = {
    ...pipeline.env,
    HARVEST_CONTACT: 'ops@example.org',
    HARVEST_MIN_INTERVAL_MS: '0',
    HARVEST_RETRIES: '1',
    HARVEST_BACKOFF_MS: '10',
    ARXIV_OAI_URL: `${server.url}/oai`,
    ARXIV_SEARCH_URL: `${server.url}/api/query`,
    HF_PAPERS_URL: server.url,
    OPENALEX_URL: server.url,
  };
});
afterAll(async () => {
  await pipeline?.close();
  await server?.close();
});

const stored = (ids: string[]) =>
  pipeline.store.sql.query<{ id: string; abstract: string; metadata: Record<string, unknown> }>('SELECT id, abstract, metadata FROM papers WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
const claimTexts = async (id: string) => (await pipeline.store.sql.query<{ text: string }>('SELECT text FROM claims WHERE paper_id = $1 ORDER BY span_start', [id])).map((r) => r.text);
const batchIdOf = (stdout: string) => stdout.trim().split('\n').at(-1)!;

describe('claims harvest', () => {
  it('says what it needs: a source name, and a contact address', async () => {
    const noSource = await claims(['harvest'], env);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('expected one of arxiv-oai, arxiv-search, hf-daily, openalex');
    const noContact = await claims(['harvest', 'hf-daily'], { ...env, HARVEST_CONTACT: '' });
    expect(noContact.code).toBe(1);
    expect(noContact.stderr.trim().split('\n')).toEqual([expect.stringContaining('HARVEST_CONTACT is not set: set it to an e-mail address')]);
    expect(server.requests).toHaveLength(0);
  });

  it('arxiv-oai: pages through resumption tokens, waits out a 503, rejects a malformed record with its reason and stores the rest', async () => {
    let busy = true;
    handler = (u) => {
      if (u.searchParams.get('resumptionToken') === 'p2') {
        if (busy) {
          busy = false;
          return { status: 503, headers: { 'retry-after': '1' }, body: 'try later' };
        }
        return { body: oaiListRecords([paper(3), { malformed: '2402.10009' }], { next: '', size: 4, cursor: 2 }) };
      }
      return { body: oaiListRecords([paper(1, { doi: '10.1000/p1', categories: ['cs.LG', 'cs.CL'] }), paper(2)], { next: 'p2', size: 4 }) };
    };
    const run = await claims(['harvest', 'arxiv-oai', '--since', '2024-01-01', '--until', '2024-01-05', '--set', 'cs', '--wait'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('arxiv-oai: 2 page(s), 4 record(s): 3 new or changed, 0 already stored unchanged, 1 rejected at the source');
    expect(run.stderr).toContain('rejected arxiv-oai:4: abstract: arxiv-oai record oai:arXiv.org:2402.10009: no abstract');
    const oai = server.requests.filter((r) => r.url.pathname === '/oai');
    expect(oai.map((r) => r.url.searchParams.get('resumptionToken'))).toEqual([null, 'p2', 'p2']);
    expect(oai[2].at - oai[1].at).toBeGreaterThanOrEqual(950);
    expect(oai[0].userAgent).toContain('mailto:ops@example.org');

    const batch = await pipeline.store.batch(batchIdOf(run.stdout));
    expect(batch).toMatchObject({ status: 'done', total: 4, accepted: 3, rejected: 1 });
    const papers = await stored(['arxiv:2402.10001', 'arxiv:2402.10002', 'arxiv:2402.10003']);
    expect(papers).toHaveLength(3);
    expect(papers[0].metadata).toMatchObject({ source: 'arxiv-oai', arxivId: '2402.10001', doi: '10.1000/p1', categories: ['cs.LG', 'cs.CL'], authors: ['Grace Hopper'] });
    expect(await claimTexts('arxiv:2402.10001')).toEqual(['2.5x', '30%']);
  });

  it('arxiv-oai again: starts from where the last run ended and sends nothing already stored unchanged', async () => {
    const before = server.requests.length;
    const run = await claims(['harvest', 'arxiv-oai', '--wait'], env);
    expect(run.code, run.stderr).toBe(0);
    const first = server.requests[before].url.searchParams;
    expect(first.get('from')).toBe('2024-01-05');
    expect(run.stderr).toContain('3 already stored unchanged');
    expect(await pipeline.store.batch(batchIdOf(run.stdout))).toMatchObject({ status: 'done', total: 1, accepted: 0, rejected: 1 });
  });

  it('hf-daily: a connection dropped mid-harvest ends the run; the next run resumes from the cursor, nothing lost and nothing twice', async () => {
    const days: Record<string, TestPaper[]> = { '2024-02-01': [paper(4), paper(5)], '2024-02-02': [paper(6)], '2024-02-03': [paper(7)] };
    let dropping = true;
    handler = (u) => {
      const date = u.searchParams.get('date')!;
      if (date === '2024-02-02' && dropping) return 'drop';
      return { headers: { 'content-type': 'application/json' }, body: hfDaily(days[date] ?? [], date) };
    };
    const before = server.requests.length;
    const cut = await claims(['harvest', 'hf-daily', '--since', '2024-02-01', '--until', '2024-02-03', '--wait'], env);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/claims harvest: hf-daily stopped before the end: GET .*date=2024-02-02: .* \(after 2 attempts\); what was fetched is in batch \S+, and the next claims harvest hf-daily goes on from there/);
    expect(await pipeline.store.batch(batchIdOf(cut.stdout))).toMatchObject({ status: 'done', total: 2, accepted: 2 });

    dropping = false;
    const resumed = await claims(['harvest', 'hf-daily', '--wait'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('hf-daily: resumed from the stored cursor; 2 page(s), 2 record(s): 2 new or changed');
    const dates = server.requests.slice(before).map((r) => r.url.searchParams.get('date'));
    expect(dates).toEqual(['2024-02-01', '2024-02-02', '2024-02-02', '2024-02-02', '2024-02-03']);
    const ids = ['arxiv:2402.10004', 'arxiv:2402.10005', 'arxiv:2402.10006', 'arxiv:2402.10007'];
    expect((await stored(ids)).map((p) => p.id)).toEqual(ids);
    const records = await pipeline.store.sql.query<{ paper_id: string; n: number }>(
      'SELECT paper_id, count(*)::int AS n FROM batch_records WHERE batch_id = ANY($1::text[]) GROUP BY paper_id ORDER BY paper_id',
      [[batchIdOf(cut.stdout), batchIdOf(resumed.stdout)]],
    );
    expect(records).toEqual(ids.map((paper_id) => ({ paper_id, n: 1 })));
  });

  it('arxiv-search: a new version of a stored paper replaces its text and claims, and records the version', async () => {
    const v2 = paper(1, { version: 2, updated: '2024-03-02', abstract: 'In this revision our method is 7.5x faster than FlashAttention-2 on an H100.' });
    handler = (u) => ({ body: arxivAtom([v2, paper(8, { updated: '2024-03-01' })], { total: 2, start: Number(u.searchParams.get('start')), perPage: 10 }) });
    const run = await claims(['harvest', 'arxiv-search', '--query', 'cat:cs.LG AND abs:FlashAttention', '--since', '2024-02-28', '--wait'], env);
    expect(run.code, run.stderr).toBe(0);
    const [p1] = await stored(['arxiv:2402.10001']);
    expect(p1.abstract).toBe(v2.abstract);
    expect(p1.metadata).toMatchObject({ source: 'arxiv-search', version: 'v2' });
    expect(await claimTexts('arxiv:2402.10001')).toEqual(['7.5x']);

    // The same version seen again is not sent again.
    const again = await claims(['harvest', 'arxiv-search', '--query', 'cat:cs.LG AND abs:FlashAttention', '--since', '2024-02-28'], env);
    expect(again.stderr).toContain('0 new or changed, 2 already stored unchanged');
  });

  it('claims harvest status shows each source\'s cursor and last run', async () => {
    const status = await claims(['harvest', 'status'], env);
    expect(status.code, status.stderr).toBe(0);
    const lines = Object.fromEntries(status.stdout.trim().split('\n').map((l) => [l.split('  ')[0], l]));
    expect(lines['arxiv-oai']).toMatch(/next run from \d{4}-\d{2}-\d{2}; last run \S+: 0 sent, 3 unchanged, 1 rejected$/);
    expect(lines['hf-daily']).toContain('next run from 2024-02-03; last run');
    expect(lines.openalex).toBe('openalex  never harvested');
  });

  it('openalex: cursor paging into the store, abstracts rebuilt from the inverted index', async () => {
    handler = (u) =>
      u.searchParams.get('cursor') === '*'
        ? { body: openAlexWorks([{ ...paper(9), workId: 'W9', venue: 'Journal of Tests' }], { count: 1, next: 'n1' }) }
        : { body: openAlexWorks([], { count: 1, next: null }) };
    const run = await claims(['harvest', 'openalex', '--since', '2024-01-01', '--filter', 'concepts.id:C41008148', '--wait'], env);
    expect(run.code, run.stderr).toBe(0);
    const [w] = await stored(['openalex:W9']);
    expect(w.abstract).toBe(paper(9).abstract);
    expect(w.metadata).toMatchObject({ venue: 'Journal of Tests', sourceId: 'https://openalex.org/W9' });
  });
});
