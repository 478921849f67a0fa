import type { ClaimFilterQuery } from '@claimflow/schemas';
import type { Param } from './sql.js';

/** The filter fields, without sort or paging. */
export type ClaimFilter = Omit<ClaimFilterQuery, 'sort'>;

/** Collects positional parameters: every value reaches SQL as $n, never as text. */
export class Params {
  readonly values: Param[] = [];
  add(value: Param): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `metric=acc` matches "Top-1 accuracy": a case-insensitive substring, with LIKE's wildcards taken literally. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * The WHERE conditions for a claim filter over `claims c` (none reads the
 * paper: callers join papers only for the columns they show).
 * Ranges overlap: a claim [value_min, value_max] matches [min, max] when they
 * share a point, so "2-5x" is found by min=4.
 */
export function claimConditions(f: ClaimFilter, params: Params): string[] {
  const where: string[] = [];
  if (f.kind) where.push(`c.kind = ${params.add(f.kind)}`);
  if (f.unit) where.push(`c.unit = ${params.add(f.unit)}`);
  if (f.min != null) {
    const min = params.add(f.min);
    // The second form says the same for a finite min (the schema allows no
    // other), in the terms of the sort=value indexes' key, so the index scan
    // stops at min instead of reading every smaller value's row to reject it.
    where.push(`c.value_max >= ${min}::float8`, `coalesce(c.value_max, '-Infinity'::float8) >= ${min}::float8`);
  }
  if (f.max != null) where.push(`c.value_min <= ${params.add(f.max)}::float8`);
  if (f.qualifier) where.push(`c.qualifier = ${params.add(f.qualifier)}`);
  if (f.metric) where.push(`c.metric ILIKE ${params.add(likePattern(f.metric))}`);
  if (f.setting) where.push(`c.setting ILIKE ${params.add(likePattern(f.setting))}`);
  if (f.paper) where.push(`c.paper_id = ${params.add(f.paper)}`);
  if (f.batch) where.push(`c.paper_id IN (SELECT r.paper_id FROM batch_records r WHERE r.batch_id = ${params.add(f.batch)})`);
  // The claim's text and its paper's title (copied into claims.title_doc by
  // a trigger) as one document, in the form claims_fulltext_idx indexes:
  // no join needed. websearch_to_tsquery never fails on user syntax ("a OR -b", unbalanced quotes).
  if (f.q) where.push(`(c.search_doc || c.title_doc) @@ websearch_to_tsquery('english', ${params.add(f.q)})`);
  return where;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
