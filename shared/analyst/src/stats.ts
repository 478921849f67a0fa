import type { ClaimKind, Stats, StatsQuery } from '@claimflow/schemas';
import type { Sql } from '@claimflow/store';
import { claimConditions, Params, whereClause } from './filter.js';

/** Log-scale histogram resolution for factors: bins of 10^(1/4) ≈ 1.78×. */
export const BINS_PER_DECADE = 4;
const TOP_PAPERS_PER_KIND = 5;
const MAX_METRICS = 30;
const MAX_BATCHES = 500;

/**
 * `FROM claims c [JOIN papers p] WHERE <filter> [AND extra]`, with its
 * parameters. Papers are joined only when needed (a text search reads the
 * title, or the caller reads p): on large stores the join is most of the cost.
 */
function filtered(filter: StatsQuery, extra: string[] = [], needPapers = false) {
  const params = new Params();
  const conditions = [...claimConditions(filter, params), ...extra];
  const join = needPapers || filter.q ? 'JOIN papers p ON p.id = c.paper_id' : '';
  return { from: `FROM claims c ${join} ${whereClause(conditions)}`, params };
}

/** A range's representative value: its geometric mean for factors, its midpoint otherwise. */
const FACTOR_VALUE = `coalesce(c.value, CASE WHEN c.low > 0 AND c.high > 0 THEN sqrt(c.low * c.high) END)`;
const MIDPOINT_VALUE = `coalesce(c.value, (c.low + c.high) / 2)`;

export async function claimStats(sql: Sql, filter: StatsQuery): Promise<Stats> {
  const counts = filtered(filter);
  const [totals] = await sql.query<{ claims: number; papers: number }>(
    `SELECT count(*)::int AS claims, count(DISTINCT c.paper_id)::int AS papers ${counts.from}`,
    counts.params.values,
  );

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
  const qualityDeltas = await sql.query<Stats['qualityDeltas'][number]>(
    `SELECT metric, unit, count(*)::int AS n, avg(v) AS mean,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, min(v) AS min, max(v) AS max
     FROM (SELECT lower(coalesce(nullif(trim(c.metric), ''), '(no metric)')) AS metric, c.unit, ${MIDPOINT_VALUE} AS v ${deltas.from}) t
     WHERE v IS NOT NULL
     GROUP BY metric, unit ORDER BY n DESC, metric, unit LIMIT ${MAX_METRICS}`,
    deltas.params.values,
  );

  const top = filtered(filter, [], true);
  const topPapers = await sql.query<{ kind: ClaimKind; paper_id: string; title: string; claims: number; max_value: number | null }>(
    `SELECT kind, paper_id, title, claims, max_value FROM (
       SELECT c.kind, c.paper_id, p.title, count(*)::int AS claims, max(c.value_max) AS max_value,
              row_number() OVER (PARTITION BY c.kind ORDER BY count(*) DESC, max(c.value_max) DESC NULLS LAST, c.paper_id) AS rank
       ${top.from} GROUP BY c.kind, c.paper_id, p.title) t
     WHERE rank <= ${TOP_PAPERS_PER_KIND} ORDER BY kind, rank`,
    top.params.values,
  );

  // Per batch, over time: papers in it, and claims among them that pass the filter.
  const perBatch = filtered(filter);
  const batches = await sql.query<{ id: string; name: string; created_at: string | Date; papers: number; claims: number }>(
    `SELECT b.id, b.name, b.created_at, count(DISTINCT r.paper_id)::int AS papers, count(DISTINCT fc.id)::int AS claims
     FROM batches b
     LEFT JOIN batch_records r ON r.batch_id = b.id
     LEFT JOIN (SELECT c.id, c.paper_id ${perBatch.from}) fc ON fc.paper_id = r.paper_id
     GROUP BY b.id, b.name, b.created_at ORDER BY b.created_at DESC, b.id LIMIT ${MAX_BATCHES}`,
    perBatch.params.values,
  );

  return {
    claims: totals.claims,
    papers: totals.papers,
    byKind: sumBy(byKindUnit, 'kind').map(([kind, n]) => ({ kind: kind as ClaimKind, n })),
    byUnit: sumBy(byKindUnit, 'unit').map(([unit, n]) => ({ unit, n })),
    byKindUnit,
    factorDistribution: bins.map((b) => ({
      ...b,
      lower: 10 ** (b.bin / BINS_PER_DECADE),
      upper: 10 ** ((b.bin + 1) / BINS_PER_DECADE),
    })),
    qualityDeltas: qualityDeltas.map((d) => ({ ...d, mean: Number(d.mean), median: Number(d.median), min: Number(d.min), max: Number(d.max) })),
    topPapers: topPapers.map((t) => ({ kind: t.kind, paperId: t.paper_id, title: t.title, claims: t.claims, maxValue: t.max_value })),
    batches: batches
      .map((b) => ({ id: b.id, name: b.name, createdAt: new Date(b.created_at).toISOString(), papers: b.papers, claims: b.claims }))
      .reverse(),
  };
}

/** Totals per value of `key`, largest first. */
function sumBy<K extends 'kind' | 'unit'>(rows: { kind: string; unit: string; n: number }[], key: K): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.n);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
