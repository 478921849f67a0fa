import { FilterOnlyQuery, type ClaimView, type SavedSearch, type SaveSearchBody } from '@claimflow/schemas';
import { claimConditions, Params, type Sql } from '@claimflow/store';
import { CLAIM_VIEW_COLUMNS, claimViewFromRow, type ClaimViewRow } from './claim-rows.js';

/** The store side of saved searches: the rows, and the claims each has not yet delivered. */

export class SearchExistsError extends Error {
  override name = 'SearchExistsError';
}

interface SearchRow {
  name: string;
  filter: Record<string, unknown>;
  webhook_url: string | null;
  email: string | null;
  created_at: Date | string;
}

const COLUMNS = 'name, filter, webhook_url, email, created_at';
const fromRow = (r: SearchRow): SavedSearch => ({
  name: r.name,
  filter: r.filter,
  webhookUrl: r.webhook_url,
  email: r.email,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Saves a new search; a name already taken is a SearchExistsError (delete it first to change it). */
export async function saveSearch(sql: Sql, body: SaveSearchBody): Promise<SavedSearch> {
  const rows = await sql.query<SearchRow>(
    `INSERT INTO saved_searches (name, filter, webhook_url, email) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
    [body.name, JSON.stringify(body.filter), body.webhookUrl ?? null, body.email ?? null],
  );
  if (!rows.length) throw new SearchExistsError(`a saved search named "${body.name}" exists already: delete it first to save another under that name`);
  return fromRow(rows[0]);
}

export async function listSearches(sql: Sql): Promise<SavedSearch[]> {
  return (await sql.query<SearchRow>(`SELECT ${COLUMNS} FROM saved_searches ORDER BY name`)).map(fromRow);
}

export async function getSearch(sql: Sql, name: string): Promise<SavedSearch | null> {
  const [row] = await sql.query<SearchRow>(`SELECT ${COLUMNS} FROM saved_searches WHERE name = $1`, [name]);
  return row ? fromRow(row) : null;
}

export async function deleteSearch(sql: Sql, name: string): Promise<boolean> {
  return (await sql.query('DELETE FROM saved_searches WHERE name = $1 RETURNING 1', [name])).length > 0;
}

/**
 * A claim is new to a search once it is stored after the search was saved.
 * Claims younger than this are left for the next look: a writer's
 * transaction stamps created_at when it starts, so a claim can appear
 * slightly after a later-stamped one; waiting a moment keeps the cursor
 * from passing it by.
 */
const SETTLE = `interval '2 seconds'`;

/** The newest claims matching a search, stored since it was saved: its feed. */
export async function recentMatches(sql: Sql, search: SavedSearch, limit: number): Promise<ClaimView[]> {
  const params = new Params();
  const where = [...claimConditions(FilterOnlyQuery.parse(search.filter), params), `c.created_at > ${params.add(search.createdAt)}::timestamptz`];
  const rows = await sql.query<ClaimViewRow>(
    `SELECT ${CLAIM_VIEW_COLUMNS} FROM claims c JOIN papers p ON p.id = c.paper_id
     WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows.map(claimViewFromRow);
}

export type AlertChannel = 'notified' | 'digested';

/**
 * Claims matching a search past its cursor for one channel (the webhook's
 * or the digest's), oldest first, up to `limit`; and the cursor after them.
 */
export async function pendingMatches(sql: Sql, name: string, channel: AlertChannel, limit: number): Promise<{ claims: ClaimView[]; cursor: { at: string; id: string } | null }> {
  const [search] = await sql.query<SearchRow & { at: string; after_id: string }>(
    `SELECT ${COLUMNS}, ${channel}_at::text AS at, ${channel}_id AS after_id FROM saved_searches WHERE name = $1`,
    [name],
  );
  if (!search) return { claims: [], cursor: null };
  const params = new Params();
  const where = [
    ...claimConditions(FilterOnlyQuery.parse(search.filter), params),
    `(c.created_at, c.id) > (${params.add(search.at)}::timestamptz, ${params.add(search.after_id)}::text)`,
    `c.created_at < now() - ${SETTLE}`,
  ];
  const rows = await sql.query<ClaimViewRow>(
    `SELECT ${CLAIM_VIEW_COLUMNS} FROM claims c JOIN papers p ON p.id = c.paper_id
     WHERE ${where.join(' AND ')} ORDER BY c.created_at, c.id LIMIT ${params.add(limit)}`,
    params.values,
  );
  const last = rows.at(-1);
  return { claims: rows.map(claimViewFromRow), cursor: last ? { at: last.created_key, id: last.id } : null };
}

/** Moves a channel's cursor past claims handed on (only forward: a slower concurrent run cannot move it back). */
export async function advanceCursor(sql: Sql, name: string, channel: AlertChannel, cursor: { at: string; id: string }): Promise<void> {
  await sql.query(
    `UPDATE saved_searches SET ${channel}_at = $2::timestamptz, ${channel}_id = $3
     WHERE name = $1 AND (${channel}_at, ${channel}_id) < ($2::timestamptz, $3::text)`,
    [name, cursor.at, cursor.id],
  );
}
