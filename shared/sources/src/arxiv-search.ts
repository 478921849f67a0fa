import { asArray, oneLine, text, xmlParser } from './xml.js';
import { arxivPaperId, fetched, readCursor, splitArxivVersion } from './records.js';
import type { PoliteClient } from './http.js';
import type { FetchedRecord, HarvestRequest, Source, SourcePage } from './source.js';

/**
 * The arXiv export API's Atom search: `search_query` paged by `start` and
 * `max_results`, newest update first, with the OpenSearch total. Paging
 * stops at the first entry last updated before `since`, so a run asks only
 * for what changed.
 */
interface Cursor {
  query: string;
  start: number;
  size: number;
  since: string;
}

const parser = xmlParser(['entry', 'author', 'link', 'category']);

export class ArxivSearchSource implements Source {
  readonly name = 'arxiv-search' as const;
  constructor(private readonly http: PoliteClient, private readonly baseUrl: string) {}

  start(req: HarvestRequest): string {
    if (!req.query) throw new Error('arxiv-search needs a query (--query "cat:cs.LG AND abs:quantization", or ARXIV_SEARCH_QUERY)');
    return JSON.stringify({ query: req.query, start: 0, size: req.pageSize ?? 100, since: req.since } satisfies Cursor);
  }

  async fetchPage(cursor: string): Promise<SourcePage> {
    const c = readCursor<Cursor>(this.name, cursor);
    const params = new URLSearchParams({
      search_query: c.query,
      start: String(c.start),
      max_results: String(c.size),
      sortBy: 'lastUpdatedDate',
      sortOrder: 'descending',
    });
    const feed = parser.parse(await this.http.get(`${this.baseUrl}?${params}`, 'application/atom+xml')).feed;
    if (!feed) throw new Error(`${this.name}: the answer is not an Atom feed`);
    const entries = asArray<any>(feed.entry);
    // The API reports a bad query as a feed with one entry whose id is under /api/errors.
    const failed = entries.find((e) => text(e.id)?.includes('/api/errors'));
    if (failed) throw new Error(`${this.name}: the API refused the query: ${oneLine(text(failed.summary)) ?? 'no reason given'}`);
    const fresh = entries.filter((e) => (text(e.updated) ?? '') >= c.since);
    const total = Number(text(feed.totalResults));
    const more = fresh.length === entries.length && entries.length > 0 && c.start + entries.length < total;
    return {
      records: fresh.map(atomEntry),
      next: more ? JSON.stringify({ ...c, start: c.start + entries.length }) : null,
      total: Number.isFinite(total) ? total : null,
    };
  }
}

function atomEntry(e: any): FetchedRecord {
  const absUrl = text(e.id) ?? '';
  const { arxivId, version } = splitArxivVersion(absUrl.replace(/^https?:\/\/arxiv\.org\/abs\//, ''));
  const primary = e.primary_category?.['@_term'];
  const categories = [...new Set([primary, ...asArray<any>(e.category).map((c) => c['@_term'])].filter(Boolean))] as string[];
  return fetched(absUrl || '(no id)', oneLine(text(e.title)), oneLine(text(e.summary)), arxivPaperId(arxivId), {
    source: 'arxiv-search',
    sourceId: absUrl,
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    doi: text(e.doi),
    version,
    published: text(e.published),
    updated: text(e.updated),
    authors: asArray<any>(e.author).map((a) => text(a.name)).filter((n): n is string => !!n),
    categories,
    venue: oneLine(text(e.journal_ref)),
  });
}
