import type { PaperDetail } from '@claimflow/schemas';
import { sourceUrl } from './links.js';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow, type Sql } from '@claimflow/store';

/** More claims than any abstract holds; bounds the response all the same. */
const MAX_CLAIMS_PER_PAPER = 5000;

/** A paper with its abstract, the batches it came in, and its claims in abstract order; null if unknown. */
export async function paperDetail(sql: Sql, id: string): Promise<PaperDetail | null> {
  const [paper] = await sql.query<{
    id: string; title: string; abstract: string; metadata: Record<string, unknown> | string; extractor_version: string; batches: string[] | null;
    published: string | null; year: number | null; venue: string | null; authors: string[] | null; categories: string[] | null;
  }>(
    `SELECT p.id, p.title, p.abstract, p.metadata, p.extractor_version, p.published, p.year, p.venue, p.authors, p.categories,
            ARRAY(SELECT DISTINCT r.batch_id FROM batch_records r WHERE r.paper_id = p.id ORDER BY 1) AS batches
     FROM papers p WHERE p.id = $1`,
    [id],
  );
  if (!paper) return null;
  const claims = await sql.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM claims WHERE paper_id = $1 ORDER BY span_start, span_end, kind LIMIT $2`,
    [id, MAX_CLAIMS_PER_PAPER],
  );
  const metadata = typeof paper.metadata === 'string' ? JSON.parse(paper.metadata) : paper.metadata;
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    metadata,
    sourceUrl: sourceUrl(metadata, paper.id),
    published: paper.published,
    year: paper.year,
    venue: paper.venue,
    authors: paper.authors ?? [],
    categories: paper.categories ?? [],
    extractorVersion: paper.extractor_version,
    batches: paper.batches ?? [],
    claims: claims.map(claimFromRow),
  };
}
