import type { ClaimSort } from '@claimflow/schemas';
import { BadQueryError } from './errors.js';

/**
 * Keyset cursors: the sort key of the last row of a page, so the next page
 * starts strictly after it (stable under inserts, and as fast on page 1000 as
 * on page 1). Opaque to clients: base64url of a small JSON array that names
 * its sort, so a cursor from another sort is rejected rather than misread.
 */
export type SortKey =
  /** value: the sort value (null = no value, sorted last; first with value_asc) and id */
  | { sort: 'value' | 'value_asc'; value: number | null; id: string }
  /** paper: paper id, span start, id */
  | { sort: 'paper' | 'paper_desc'; paperId: string; spanStart: number; id: string }
  /** recent: created_at as PostgreSQL prints it (microseconds kept), id */
  | { sort: 'recent' | 'oldest'; createdAt: string; id: string };

/** Each sort's cursor tag: a cursor from one sort (or direction) is refused by another. */
const TAGS: Record<ClaimSort, string> = { value: 'v', value_asc: 'V', paper: 'p', paper_desc: 'P', recent: 'r', oldest: 'R' };

export function encodeCursor(key: SortKey): string {
  const tag = TAGS[key.sort];
  const tuple =
    'value' in key ? [tag, key.value, key.id] : 'paperId' in key ? [tag, key.paperId, key.spanStart, key.id] : [tag, key.createdAt, key.id];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** What `created_at::text` prints, and nothing else reaches the ::timestamptz cast. */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export function decodeCursor(cursor: string, sort: ClaimSort): SortKey {
  const bad = (why: string) => new BadQueryError('cursor', why);
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor this API returned');
  }
  if (!Array.isArray(tuple) || typeof tuple[0] !== 'string') throw bad('not a cursor this API returned');
  if (tuple[0] !== TAGS[sort]) throw bad(`was returned for another sort than ${sort}`);
  const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200 && !v.includes('\u0000');
  if ((sort === 'value' || sort === 'value_asc') && tuple.length === 3 && (tuple[1] === null || Number.isFinite(tuple[1])) && isId(tuple[2])) {
    return { sort, value: tuple[1] as number | null, id: tuple[2] };
  }
  if ((sort === 'paper' || sort === 'paper_desc') && tuple.length === 4 && isId(tuple[1]) && Number.isInteger(tuple[2]) && isId(tuple[3])) {
    return { sort, paperId: tuple[1], spanStart: tuple[2] as number, id: tuple[3] };
  }
  if ((sort === 'recent' || sort === 'oldest') && tuple.length === 3 && typeof tuple[1] === 'string' && PG_TIMESTAMP.test(tuple[1]) && isId(tuple[2])) {
    return { sort, createdAt: tuple[1], id: tuple[2] };
  }
  throw bad('malformed');
}
