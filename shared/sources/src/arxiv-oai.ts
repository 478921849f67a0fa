import { asArray, oneLine, text, xmlParser } from './xml.js';
import { arxivPaperId, fetched, readCursor } from './records.js';
import type { PoliteClient } from './http.js';
import type { FetchedRecord, HarvestRequest, Source, SourcePage } from './source.js';

/**
 * arXiv's OAI-PMH interface: ListRecords in the `arXiv` metadata format for
 * a set and a datestamp range, then resumption tokens until an empty one.
 * The datestamp is the record's last change, so a replaced version (v2)
 * comes again with its new abstract.
 */
type Cursor = { set?: string; from: string; until: string } | { token: string };

const parser = xmlParser(['record', 'author', 'setSpec']);

export class ArxivOaiSource implements Source {
  readonly name = 'arxiv-oai' as const;
  constructor(private readonly http: PoliteClient, private readonly baseUrl: string) {}

  start(req: HarvestRequest): string {
    return JSON.stringify({ set: req.set, from: req.since, until: req.until } satisfies Cursor);
  }

  async fetchPage(cursor: string): Promise<SourcePage> {
    const c = readCursor<Cursor>(this.name, cursor);
    const params = new URLSearchParams({ verb: 'ListRecords' });
    if ('token' in c) params.set('resumptionToken', c.token);
    else {
      params.set('metadataPrefix', 'arXiv');
      params.set('from', c.from);
      params.set('until', c.until);
      if (c.set) params.set('set', c.set);
    }
    const doc = parser.parse(await this.http.get(`${this.baseUrl}?${params}`, 'text/xml'));
    const root = doc['OAI-PMH'];
    if (!root) throw new Error(`${this.name}: the answer is not an OAI-PMH document`);
    const error = root.error;
    if (error) {
      // noRecordsMatch: nothing changed in the range, a normal answer for a quiet day.
      if (error['@_code'] === 'noRecordsMatch') return { records: [], next: null, total: 0 };
      throw new Error(`${this.name}: the server answered ${error['@_code']}: ${text(error) ?? ''}`.trim());
    }
    const list = root.ListRecords ?? {};
    const token = list.resumptionToken;
    const next = text(token)?.trim();
    const size = typeof token === 'object' ? Number(token['@_completeListSize']) : NaN;
    return {
      records: asArray(list.record).filter((r: any) => r.header?.['@_status'] !== 'deleted').map(oaiRecord),
      next: next ? JSON.stringify({ token: next } satisfies Cursor) : null,
      total: Number.isFinite(size) ? size : null,
    };
  }
}

function oaiRecord(r: any): FetchedRecord {
  const identifier = text(r.header?.identifier) ?? '(no identifier)';
  const m = r.metadata?.arXiv;
  const arxivId = text(m?.id);
  if (!m || !arxivId) return { error: `arxiv-oai record ${identifier}: no arXiv metadata`, field: null };
  const authors = asArray(m.authors?.author).map((a: any) => [text(a.forenames), text(a.keyname), text(a.suffix)].filter(Boolean).join(' '));
  const updated = text(m.updated);
  const created = text(m.created);
  return fetched(identifier, oneLine(text(m.title)), oneLine(text(m.abstract)), arxivPaperId(arxivId), {
    source: 'arxiv-oai',
    sourceId: identifier,
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    doi: text(m.doi),
    // The arXiv format carries no version number: the date of the last replacement stands for it.
    version: updated ?? created,
    published: created,
    updated: updated ?? text(r.header?.datestamp),
    authors,
    categories: text(m.categories)?.split(/\s+/).filter(Boolean),
    venue: oneLine(text(m['journal-ref'])),
  });
}
