import { CLAIM_KINDS, type ClaimKind, type Stats, type StatsQuery } from '@claimflow/schemas';
import { claimConditions, paperConditions, Params, whereClause, type Sql } from '@claimflow/store';
import { readAtSnapshot, SnapshotCache } from './snapshot-cache.js';

/** Log-scale histogram resolution for factors: bins of 10^(1/4) ≈ 1.78×. */
export const BINS_PER_DECADE = 4;
const TOP_PAPERS_PER_KIND = 5;
const MAX_METRICS = 30;
const MAX_BATCHES = 500;

/** `FROM claims c WHERE <filter> [AND extra]`, with its parameters. No condition reads papers. */
function filtered(filter: StatsQuery, extra: string[] = []) {
  const params = new Params();
  const conditions = [...claimConditions(filter, params), ...extra];
  return { from: `FROM claims c ${whereClause(conditions)}`, params };
}

/** A range's representative value: its geometric mean for factors, its midpoint otherwise. */
const FACTOR_VALUE = `coalesce(c.value, CASE WHEN c.low > 0 AND c.high > 0 THEN sqrt(c.low * c.high) END)`;
const MIDPOINT_VALUE = `coalesce(c.value, (c.low + c.high) / 2)`;

/** Stats and the database snapshot they were read in (see StatsCache). */
export interface StatsAt {
  stats: Stats;
  snapshot: string;
}

/**
 * Everything /api/stats shows for a filter. Its queries run in one read-only
 * REPEATABLE READ transaction: they all see the same snapshot, so the parts
 * agree with each other, and that snapshot identifies the result for the cache.
 */
export async function claimStats(sql: Sql, filter: StatsQuery): Promise<Stats> {
  return (await claimStatsAt(sql, filter)).stats;
}

export async function claimStatsAt(sql: Sql, filter: StatsQuery): Promise<StatsAt> {
  // Aggregates over up to all claims: sorts and hashes of a million rows fit
  // in memory instead of spilling, and JIT compilation (a second or more on
  // these plans) costs more than it saves at this size.
  const at = await readAtSnapshot(sql, (tx) => readStats(tx, filter), [`SET LOCAL work_mem = '32MB'`, 'SET LOCAL jit = off']);
  return { snapshot: at.snapshot, stats: at.value };
}

interface PerPaperRow {
  part: 'totals' | 'top' | 'batch';
  kind: ClaimKind | null;
  id: string | null;
  label: string | null;
  created_at: string | Date | null;
  a: number;
  b: number;
  m: number | null;
}

async function readStats(sql: Sql, filter: StatsQuery): Promise<Stats> {
  const units = filtered(filter);
  const byKindUnit = await sql.query<{ kind: ClaimKind; unit: string; n: number }>(
    `SELECT c.kind, c.unit, count(*)::int AS n ${units.from} GROUP BY c.kind, c.unit ORDER BY c.kind, n DESC, c.unit`,
    units.params.values,
  );

  const factors = filtered(filter, [`c.kind IN ('speedup', 'efficiency')`, `c.unit = 'x'`]);
  const bins = await sql.query<{ kind: ClaimKind; bin: number; n: number }>(
    `SELECT kind, floor(log(v) * ${BINS_PER_DECADE})::int AS bin, count(*)::int AS n
     FROM (SELECT c.kind, ${FACTOR_VALUE} AS v ${factors.from}) t
     WHERE v > 0 GROUP BY kind, bin ORDER BY kind, bin`,
    factors.params.values,
  );

  const deltas = filtered(filter, [`c.kind = 'quality_delta'`]);
  // Grouped by canonical metric ("top-1 accuracy" and "accuracy" are one bar), by the metric as written where it has none.
  const qualityDeltas = await sql.query<Omit<Stats['qualityDeltas'][number], 'metricKey'> & { keyed: boolean }>(
    `SELECT metric, unit, bool_or(keyed) AS keyed, count(*)::int AS n, avg(v) AS mean,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, min(v) AS min, max(v) AS max
     FROM (SELECT coalesce(c.metric_key, lower(coalesce(nullif(trim(c.metric), ''), '(no metric)'))) AS metric, c.metric_key IS NOT NULL AS keyed,
                  c.unit, ${MIDPOINT_VALUE} AS v ${deltas.from}) t
     WHERE v IS NOT NULL
     GROUP BY metric, unit ORDER BY n DESC, metric, unit LIMIT ${MAX_METRICS}`,
    deltas.params.values,
  );

  // Totals, top papers per kind and claims per batch all follow from the
  // filtered claims counted per paper: one pass over claims (without a
  // filter, over claims_paper_sort_idx alone, already in paper order), with
  // papers joined for the few top papers' titles only.
  const perPaper = filtered(filter);
  const kindColumns = CLAIM_KINDS.map(
    (k, i) => `count(*) FILTER (WHERE c.kind = '${k}') AS n${i}, max(c.value_max) FILTER (WHERE c.kind = '${k}') AS m${i}`,
  );
  const topOfKind = CLAIM_KINDS.map(
    (k, i) => `(SELECT '${k}'::text AS kind, paper_id, claims, max_value, row_number() OVER (ORDER BY claims DESC, max_value DESC NULLS LAST, paper_id) AS rank
                FROM (SELECT paper_id, n${i} AS claims, m${i} AS max_value FROM per_paper WHERE n${i} > 0
                      ORDER BY n${i} DESC, m${i} DESC NULLS LAST, paper_id LIMIT ${TOP_PAPERS_PER_KIND}) t)`,
  );
  const rows = await sql.query<PerPaperRow>(
    `WITH per_paper AS MATERIALIZED (
       SELECT c.paper_id, count(*) AS n, ${kindColumns.join(', ')} ${perPaper.from} GROUP BY c.paper_id
     ),
     top AS (${topOfKind.join(' UNION ALL ')}),
     -- Per batch: its papers, and the filtered claims among them.
     per_batch AS (
       SELECT r.batch_id, count(*) AS papers, coalesce(sum(pp.n), 0) AS claims
       FROM (SELECT DISTINCT batch_id, paper_id FROM batch_records) r LEFT JOIN per_paper pp ON pp.paper_id = r.paper_id
       GROUP BY r.batch_id
     )
     SELECT * FROM (
       SELECT 'totals' AS part, NULL::text AS kind, NULL::text AS id, NULL::text AS label, NULL::timestamptz AS created_at,
              coalesce(sum(n), 0)::int AS a, count(*)::int AS b, NULL::float8 AS m, 0::bigint AS rank
       FROM per_paper
       UNION ALL
       SELECT 'top', t.kind, t.paper_id, p.title, NULL, t.claims::int, 0, t.max_value, t.rank
       FROM top t JOIN papers p ON p.id = t.paper_id
       UNION ALL
       SELECT 'batch', NULL, b.id, b.name, b.created_at, coalesce(pb.papers, 0)::int, coalesce(pb.claims, 0)::int, NULL, 0
       FROM (SELECT * FROM batches ORDER BY created_at DESC, id LIMIT ${MAX_BATCHES}) b LEFT JOIN per_batch pb ON pb.batch_id = b.id
     ) x
     ORDER BY part, kind, rank, created_at DESC, id`,
    perPaper.params.values,
  );
  // Stored papers under the filter's paper-level fields, with or without a matching claim, by publication year.
  const perYear = filtered(filter);
  const papersWhere = paperConditions(filter, perYear.params);
  const years = await sql.query<{ year: number | null; papers: number; with_claims: number; claims: number }>(
    `WITH per_paper AS (SELECT c.paper_id, count(*) AS n ${perYear.from} GROUP BY c.paper_id)
     SELECT p.year, count(*)::int AS papers, count(pp.paper_id)::int AS with_claims, coalesce(sum(pp.n), 0)::int AS claims
     FROM papers p LEFT JOIN per_paper pp ON pp.paper_id = p.id ${whereClause(papersWhere)}
     GROUP BY p.year ORDER BY p.year NULLS LAST`,
    perYear.params.values,
  );
  const totals = rows.find((r) => r.part === 'totals')!;
  const topPapers = rows.filter((r) => r.part === 'top');
  const batches = rows.filter((r) => r.part === 'batch');

  return {
    claims: totals.a,
    papers: totals.b,
    papersStored: years.reduce((n, y) => n + y.papers, 0),
    byYear: years.filter((y) => y.year != null).map((y) => ({ year: y.year!, papers: y.papers, papersWithClaims: y.with_claims, claims: y.claims })),
    byKind: sumBy(byKindUnit, 'kind').map(([kind, n]) => ({ kind: kind as ClaimKind, n })),
    byUnit: sumBy(byKindUnit, 'unit').map(([unit, n]) => ({ unit, n })),
    byKindUnit,
    factorDistribution: bins.map((b) => ({
      ...b,
      lower: 10 ** (b.bin / BINS_PER_DECADE),
      upper: 10 ** ((b.bin + 1) / BINS_PER_DECADE),
    })),
    qualityDeltas: qualityDeltas.map(({ keyed, ...d }) => ({ ...d, metricKey: keyed, mean: Number(d.mean), median: Number(d.median), min: Number(d.min), max: Number(d.max) })),
    topPapers: topPapers.map((t) => ({ kind: t.kind!, paperId: t.id!, title: t.label!, claims: t.a, maxValue: t.m })),
    // Oldest first, for a plot over time.
    batches: batches
      .map((b) => ({ id: b.id!, name: b.label!, createdAt: new Date(b.created_at!).toISOString(), papers: b.a, claims: b.b }))
      .reverse(),
  };
}

/**
 * /api/stats without a filter reads every claim, several times: about a
 * second on a million claims. The page loads it first and analysts reload it,
 * so results are kept per filter until the next write commits (SnapshotCache).
 */
export class StatsCache extends SnapshotCache<StatsQuery, Stats> {
  constructor(sql: Sql, maxEntries = 100) {
    super(sql, async (s, filter) => {
      const at = await claimStatsAt(s, filter);
      return { value: at.stats, snapshot: at.snapshot };
    }, maxEntries);
  }
}

/** Totals per value of `key`, largest first. */
function sumBy<K extends 'kind' | 'unit'>(rows: { kind: string; unit: string; n: number }[], key: K): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.n);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
