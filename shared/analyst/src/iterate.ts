import type { ClaimSort, ClaimView } from '@claimflow/schemas';
import type { ClaimFilter, Sql } from '@claimflow/store';
import { claimViewFromRow } from './claim-rows.js';
import { keyOf, selectClaimRows } from './claims-page.js';
import type { SortKey } from './cursor.js';

export interface IterateOptions {
  /** Rows fetched per query: memory use is bounded by one page. */
  pageSize?: number;
}

/**
 * Every claim matching the filter, page by page on the keyset: constant
 * memory for any result size, and each page is one short statement, so no
 * statement timeout or open transaction spans the whole export.
 */
export async function* iterateClaims(sql: Sql, query: ClaimFilter & { sort: ClaimSort; limit?: number }, opts: IterateOptions = {}): AsyncGenerator<ClaimView> {
  const pageSize = opts.pageSize ?? 500;
  let remaining = query.limit ?? Infinity;
  let after: SortKey | null = null;
  while (remaining > 0) {
    const rows = await selectClaimRows(sql, query, after, Math.min(pageSize, remaining));
    for (const row of rows) yield claimViewFromRow(row);
    remaining -= rows.length;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1], query.sort);
  }
}
