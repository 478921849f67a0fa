import type { PaperDetail } from '@claimflow/schemas';
import { sourceUrl } from './links.js';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow, type Sql } from '@claimflow/store';

/** More claims than any abstract holds; bounds the response all the same. */
const MAX_CLAIMS_PER_PAPER = 5000;

type PaperVersionRow = { id: string; title: string; abstract: string; metadata: Record<string, unknown> | string; extractor_version: string; version: number };
/** The typed publication columns (migration 051). */
type PublicationRow = { published: string | null; year: number | null; venue: string | null; authors: string[] | null; categories: string[] | null };
const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);

/** Every version of a paper, oldest first, the current one last; empty if the paper is unknown. */
export async function paperVersions(sql: Sql, id: string): Promise<PaperDetail['versions']> {
  const rows = await sql.query<{ version: number; stored_at: string; claims: number; current: boolean }>(
    `SELECT version, stored_at::text, jsonb_array_length(claims)::int AS claims, false AS current FROM paper_versions WHERE paper_id = $1
     UNION ALL
     SELECT p.version, p.updated_at::text, (SELECT count(*)::int FROM claims c WHERE c.paper_id = p.id), true FROM papers p WHERE p.id = $1
     ORDER BY 1`,
    [id],
  );
  return rows.map((r) => ({ version: r.version, storedAt: r.stored_at, claims: r.claims, current: r.current }));
}

/**
 * A paper with its abstract, the batches it came in, and its claims in
 * abstract order: the current version, or an earlier one by its number;
 * null if the paper (or that version) is unknown.
 */
export async function paperDetail(sql: Sql, id: string, version?: number): Promise<PaperDetail | null> {
  const [current] = await sql.query<PaperVersionRow & PublicationRow & { batches: string[] | null }>(
    `SELECT p.id, p.title, p.abstract, p.metadata, p.extractor_version, p.version, p.published, p.year, p.venue, p.authors, p.categories,
            ARRAY(SELECT DISTINCT r.batch_id FROM batch_records r WHERE r.paper_id = p.id ORDER BY 1) AS batches
     FROM papers p WHERE p.id = $1`,
    [id],
  );
  if (!current) return null;
  let paper: PaperVersionRow = current;
  let claims: ClaimRow[];
  if (version == null || version === current.version) {
    claims = await sql.query<ClaimRow>(
      `SELECT ${CLAIM_COLUMNS} FROM claims WHERE paper_id = $1 ORDER BY span_start, span_end, kind LIMIT $2`,
      [id, MAX_CLAIMS_PER_PAPER],
    );
  } else {
    const [earlier] = await sql.query<PaperVersionRow & { claims: ClaimRow[] | string }>(
      'SELECT paper_id AS id, title, abstract, metadata, extractor_version, version, claims FROM paper_versions WHERE paper_id = $1 AND version = $2',
      [id, version],
    );
    if (!earlier) return null;
    paper = earlier;
    claims = json(earlier.claims).slice(0, MAX_CLAIMS_PER_PAPER);
  }
  const metadata = json(paper.metadata);
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    metadata,
    sourceUrl: sourceUrl(metadata, paper.id),
    // the publication record is the paper's, whichever version of its text is shown
    published: current.published,
    year: current.year,
    venue: current.venue,
    authors: current.authors ?? [],
    categories: current.categories ?? [],
    extractorVersion: paper.extractor_version,
    batches: current.batches ?? [],
    claims: claims.map(claimFromRow),
    version: paper.version,
    versions: await paperVersions(sql, id),
  };
}
