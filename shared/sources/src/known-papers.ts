import type { Sql } from '@claimflow/store';
import type { SourceRecord } from './source.js';

/** What the store holds of a paper that decides whether a harvested record is news. */
export interface KnownPaper {
  title: string;
  abstract: string;
  version: string | null;
}

export type KnownPapers = (ids: string[]) => Promise<Map<string, KnownPaper>>;

/** The stored papers among `ids`, by primary key. */
export function knownPapersIn(sql: Sql): KnownPapers {
  return async (ids) => {
    if (!ids.length) return new Map();
    const rows = await sql.query<{ id: string; title: string; abstract: string; version: string | null }>(
      `SELECT id, title, abstract, metadata->>'version' AS version FROM papers WHERE id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, abstract: r.abstract, version: r.version }]));
  };
}

/**
 * A record the store already holds as it is: same title, abstract and
 * version. Sending it again would only extract the same claims again.
 */
export function isUnchanged(record: SourceRecord, known: KnownPaper | undefined): boolean {
  return known != null && known.title === record.title.trim() && known.abstract === record.abstract && (known.version ?? null) === (record.metadata.version ?? null);
}
