import type { ClaimFilterQuery } from '@claimflow/schemas';
import type { Param } from './sql.js';

type Many<T> = T extends readonly (infer U)[] ? U | readonly U[] : T;

/** The filter fields, without sort or paging; a multi-value field also takes a single value. */
export type ClaimFilter = { [K in keyof Omit<ClaimFilterQuery, 'sort'>]?: Many<NonNullable<ClaimFilterQuery[K]>> };

const list = <T>(v: T | readonly T[] | undefined): readonly T[] => (v == null ? [] : Array.isArray(v) ? v : [v as T]);

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
  // One value is an equality (the indexes' leading columns); several, = ANY.
  const oneOf = (column: string, value: string | readonly string[] | undefined) => {
    const values = list(value);
    if (!values.length) return;
    where.push(values.length === 1 ? `${column} = ${params.add(values[0])}` : `${column} = ANY(${params.add(values)}::text[])`);
  };
  oneOf('c.kind', f.kind);
  oneOf('c.unit', f.unit);
  if (f.min != null) {
    const min = params.add(f.min);
    // The second form says the same for a finite min (the schema allows no
    // other), in the terms of the sort=value indexes' key, so the index scan
    // stops at min instead of reading every smaller value's row to reject it.
    where.push(`c.value_max >= ${min}::float8`, `coalesce(c.value_max, '-Infinity'::float8) >= ${min}::float8`);
  }
  if (f.max != null) where.push(`c.value_min <= ${params.add(f.max)}::float8`);
  oneOf('c.qualifier', f.qualifier);
  if (f.minConfidence != null) where.push(`c.confidence >= ${params.add(f.minConfidence)}::real`);
  oneOf('c.metric_key', f.metricKey);
  oneOf('c.baseline_key', f.baselineKey);
  // && (overlap) is what claims_setting_keys_idx (GIN) serves.
  if (f.settingKey != null) where.push(`c.setting_keys && ${params.add(list(f.settingKey))}::text[]`);
  if (f.metric) where.push(`c.metric ILIKE ${params.add(likePattern(f.metric))}`);
  if (f.setting) where.push(`c.setting ILIKE ${params.add(likePattern(f.setting))}`);
  oneOf('c.paper_id', f.paper);
  const batches = list(f.batch);
  if (batches.length) {
    const batch = batches.length === 1 ? `= ${params.add(batches[0])}` : `= ANY(${params.add(batches)}::text[])`;
    where.push(`c.paper_id IN (SELECT r.paper_id FROM batch_records r WHERE r.batch_id ${batch})`);
  }
  // The paper's metadata columns (migration 051), through one look-up of the matching papers.
  const onPaper = metadataConditions(f, params, 'p2');
  if (onPaper.length) where.push(`c.paper_id IN (SELECT p2.id FROM papers p2 WHERE ${onPaper.join(' AND ')})`);
  // The claim's text and its paper's title (copied into claims.title_doc by
  // a trigger) as one document, in the form claims_fulltext_idx indexes:
  // no join needed. websearch_to_tsquery never fails on user syntax ("a OR -b", unbalanced quotes).
  if (f.q) where.push(`(c.search_doc || c.title_doc) @@ websearch_to_tsquery('english', ${params.add(f.q)})`);
  return where;
}

/** The filter's conditions on a paper's metadata columns (year, venue, category), over `papers <alias>`. */
function metadataConditions(f: ClaimFilter, params: Params, alias: string): string[] {
  const where: string[] = [];
  const years = list(f.year);
  if (years.length) where.push(`${alias}.year = ANY(${params.add(years.map(Number))}::int[])`);
  const venues = list(f.venue);
  if (venues.length) where.push(`lower(${alias}.venue) = ANY(${params.add(venues.map((v) => v.toLowerCase()))}::text[])`);
  const categories = list(f.category);
  if (categories.length) where.push(`${alias}.categories && ${params.add(categories)}::text[]`);
  return where;
}

/**
 * The conditions of a filter that say which papers, over `papers p`: ids,
 * batches and metadata. What the stored papers are counted under (with or
 * without claims), where the claim-level fields do not apply.
 */
export function paperConditions(f: ClaimFilter, params: Params): string[] {
  const where = metadataConditions(f, params, 'p');
  const ids = list(f.paper);
  if (ids.length) where.push(`p.id = ANY(${params.add(ids)}::text[])`);
  const batches = list(f.batch);
  if (batches.length) where.push(`p.id IN (SELECT r.paper_id FROM batch_records r WHERE r.batch_id = ANY(${params.add(batches)}::text[]))`);
  return where;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
