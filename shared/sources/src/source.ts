import { SOURCE_NAMES } from '@claimflow/config';
import type { HarvestedMetadata } from '@claimflow/schemas';

/** The source modules' names are config's (HARVEST_SOURCES is checked against them there). */
export { SOURCE_NAMES };
export type SourceName = (typeof SOURCE_NAMES)[number];

/** What one harvest asks a source for; each source uses the parts it understands. */
export interface HarvestRequest {
  /** First day (YYYY-MM-DD) of records to fetch, by the source's own date (datestamp, update, publication). */
  since: string;
  /** Last day, inclusive (default: today, UTC). */
  until: string;
  /** arxiv-search: the search_query (`cat:cs.LG AND abs:quantization`). */
  query?: string;
  /** arxiv-oai: the OAI set (`cs`, `physics:hep-th`). */
  set?: string;
  /** openalex: extra `filter=` terms (`concepts.id:C154945302`). */
  filter?: string;
  /** Records a page asks for, where the source lets the client choose. */
  pageSize?: number;
}

/** A record the pipeline can take: the ingest worker validates it as it does a file's. */
export interface SourceRecord {
  id: string;
  title: string;
  abstract: string;
  metadata: HarvestedMetadata;
}

/** One record of a page: usable, or why not (the message names the record's id at the source, when it had one). */
export type FetchedRecord = { record: SourceRecord } | { error: string; field: string | null };

export interface SourcePage {
  records: FetchedRecord[];
  /** The cursor of the page after this one; null: the harvest is complete. */
  next: string | null;
  /** How many records the whole result holds, where the source says. */
  total?: number | null;
}

/**
 * One source: a cursor names a page completely (so a run cut off anywhere
 * resumes from the stored cursor alone), and fetching it yields that page's
 * records and the next cursor.
 */
export interface Source {
  readonly name: SourceName;
  /** The cursor of a harvest's first page. */
  start(request: HarvestRequest): string;
  fetchPage(cursor: string): Promise<SourcePage>;
}
