import { MAX_EXACT_TOTAL, type ClaimPage, type ClaimQuery, type ClaimSort } from '@claimflow/schemas';
import { claimConditions, Params, whereClause, type ClaimFilter, type Sql } from '@claimflow/store';
import { claimViewFromRow, CLAIM_VIEW_COLUMNS, type ClaimViewRow } from './claim-rows.js';
import { decodeCursor, encodeCursor, type SortKey } from './cursor.js';

const VALUE_KEY = `coalesce(c.value_max, '-Infinity'::float8)`;

/** Each sort: the key it orders by, and which way (the indexes serve both, scanned forwards or backwards). */
const SORTS: Record<ClaimSort, { by: 'value' | 'paper' | 'recent'; dir: 'ASC' | 'DESC' }> = {
  value: { by: 'value', dir: 'DESC' },
  value_asc: { by: 'value', dir: 'ASC' },
  paper: { by: 'paper', dir: 'ASC' },
  paper_desc: { by: 'paper', dir: 'DESC' },
  recent: { by: 'recent', dir: 'DESC' },
  oldest: { by: 'recent', dir: 'ASC' },
};

/** ORDER BY for each sort; each ends in id so the order is total and keysets are exact. */
function orderBy(sort: ClaimSort): string {
  const { by, dir } = SORTS[sort];
  const columns = by === 'value' ? [VALUE_KEY, 'c.id'] : by === 'paper' ? ['c.paper_id', 'c.span_start', 'c.id'] : ['c.created_at', 'c.id'];
  return columns.map((col) => `${col} ${dir}`).join(', ');
}

/** "Strictly after the cursor's row" in the sort's order, as a row comparison the indexes serve. */
function afterKey(key: SortKey, params: Params): string {
  const op = SORTS[key.sort].dir === 'DESC' ? '<' : '>';
  if ('value' in key) return `(${VALUE_KEY}, c.id) ${op} (coalesce(${params.add(key.value)}::float8, '-Infinity'::float8), ${params.add(key.id)}::text)`;
  if ('paperId' in key) return `(c.paper_id, c.span_start, c.id) ${op} (${params.add(key.paperId)}::text, ${params.add(key.spanStart)}::int, ${params.add(key.id)}::text)`;
  return `(c.created_at, c.id) ${op} (${params.add(key.createdAt)}::timestamptz, ${params.add(key.id)}::text)`;
}

export function keyOf(row: ClaimViewRow, sort: ClaimSort): SortKey {
  switch (sort) {
    case 'value':
    case 'value_asc':
      return { sort, value: row.value_key, id: row.id };
    case 'paper':
    case 'paper_desc':
      return { sort, paperId: row.paper_id, spanStart: row.span_start, id: row.id };
    case 'recent':
    case 'oldest':
      return { sort, createdAt: row.created_key, id: row.id };
  }
}

/** The rows of one page: `limit` claims after `after` (or from the start). */
export async function selectClaimRows(
  sql: Sql,
  filter: ClaimFilter & { sort: ClaimSort },
  after: SortKey | null,
  limit: number,
): Promise<ClaimViewRow[]> {
  const params = new Params();
  const conditions = claimConditions(filter, params);
  if (after) conditions.push(afterKey(after, params));
  // With a text search, the matches come from claims_fulltext_idx and only
  // they are sorted. Left to itself the planner walks the sort's index and
  // tests each claim against the search, betting that matches are spread
  // evenly over the order; when they all sit low in it ("memory latency":
  // 2,800 matches, every one after 600,000 larger values) that reads most of
  // the table. The OFFSET 0 subquery keeps the sort order from being pushed
  // into the scan, so a search costs in proportion to its matches.
  const where = whereClause(conditions);
  const matching = filter.q ? `(SELECT * FROM claims c ${where} OFFSET 0) c` : `claims c ${where}`;
  return sql.query<ClaimViewRow>(
    `SELECT ${CLAIM_VIEW_COLUMNS}
     FROM (SELECT c.* FROM ${matching} ORDER BY ${orderBy(filter.sort)} LIMIT ${params.add(limit)}) c
     JOIN papers p ON p.id = c.paper_id
     ORDER BY ${orderBy(filter.sort)}`,
    params.values,
  );
}

/**
 * How many claims match, counted up to MAX_EXACT_TOTAL + 1: the count stops
 * there, so on a store of millions a broad filter costs a bounded scan, not
 * a count of everything.
 */
export async function countClaims(sql: Sql, filter: ClaimFilter): Promise<{ total: number; totalExact: boolean }> {
  const params = new Params();
  const where = whereClause(claimConditions(filter, params));
  const [{ n }] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM claims c ${where} LIMIT ${params.add(MAX_EXACT_TOTAL + 1)}) t`,
    params.values,
  );
  return n > MAX_EXACT_TOTAL ? { total: MAX_EXACT_TOTAL, totalExact: false } : { total: n, totalExact: true };
}

/** GET /api/claims and `claims query`: one page, the cursor of the next, and (on the first page) the total. */
export async function queryClaims(sql: Sql, query: ClaimQuery): Promise<ClaimPage> {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  // One row more than asked tells whether there is a next page without a count(*).
  const rows = await selectClaimRows(sql, query, after, query.limit + 1);
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  // The first page counts; later pages skip it (the count of the first holds for the listing).
  const count = after ? { total: null, totalExact: true } : !more ? { total: page.length, totalExact: true } : await countClaims(sql, query);
  return {
    claims: page.map(claimViewFromRow),
    nextCursor: more ? encodeCursor(keyOf(page[page.length - 1], query.sort)) : null,
    ...count,
  };
}
