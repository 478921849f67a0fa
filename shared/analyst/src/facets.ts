import { FACET_FIELDS, type FacetCount, type FacetField, type Facets, type FilterOnlyQuery } from '@claimflow/schemas';
import { claimConditions, Params, whereClause, type ClaimFilter, type Sql } from '@claimflow/store';

/** Values listed per facet, most frequent first. */
const MAX_VALUES = 50;

/** How each facet's values are read from `claims c`. */
const FACET_SQL: Record<Exclude<FacetField, 'batch' | 'settingKey'>, string> = {
  kind: 'c.kind',
  unit: 'c.unit',
  metricKey: 'c.metric_key',
  baselineKey: 'c.baseline_key',
  qualifier: 'c.qualifier',
};

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Counts of matching claims by kind, unit, canonical metric, setting and
 * baseline, qualifier and batch. Each facet is counted under the filter
 * without its own field, so choosing `kind=speedup` still shows how many
 * efficiency claims there are to add. Read in one REPEATABLE READ snapshot,
 * so the counts agree with each other.
 */
export function claimFacets(sql: Sql, filter: FilterOnlyQuery | ClaimFilter): Promise<Facets> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const where = (omit?: FacetField) => {
      const params = new Params();
      const f = { ...filter } as ClaimFilter;
      if (omit) delete f[omit];
      const conditions = claimConditions(f, params);
      return { where: whereClause(conditions), conditions, params };
    };
    const all = where();
    const [totals] = await tx.query<{ claims: number; papers: number }>(
      `SELECT count(*)::int AS claims, count(DISTINCT c.paper_id)::int AS papers FROM claims c ${all.where}`,
      all.params.values,
    );
    const facets = {} as Facets['facets'];
    for (const field of FACET_FIELDS) {
      const w = where(field);
      const limit = w.params.add(MAX_VALUES);
      let rows: { value: string; label: string | null; created_at?: Date | string; n: number }[];
      if (field === 'settingKey') {
        rows = await tx.query(
          `SELECT s.value, NULL AS label, count(*)::int AS n FROM claims c CROSS JOIN LATERAL unnest(c.setting_keys) AS s(value) ${w.where}
           GROUP BY s.value ORDER BY n DESC, s.value LIMIT ${limit}`,
          w.params.values,
        );
      } else if (field === 'batch') {
        rows = await tx.query(
          `SELECT b.id AS value, b.name AS label, b.created_at, count(*)::int AS n
           FROM claims c JOIN batch_records r ON r.paper_id = c.paper_id JOIN batches b ON b.id = r.batch_id ${w.where}
           GROUP BY b.id, b.name, b.created_at ORDER BY b.created_at DESC, b.id LIMIT ${limit}`,
          w.params.values,
        );
      } else {
        const col = FACET_SQL[field];
        rows = await tx.query(
          `SELECT ${col} AS value, NULL AS label, count(*)::int AS n FROM claims c ${whereClause([...w.conditions, `${col} IS NOT NULL`])}
           GROUP BY ${col} ORDER BY n DESC, ${col} LIMIT ${limit}`,
          w.params.values,
        );
      }
      facets[field] = rows.map((r): FacetCount => ({
        value: r.value,
        // Two batches from one file share a name: the date tells them apart.
        label: field === 'batch' && r.created_at ? `${r.label} · ${iso(r.created_at).slice(0, 16).replace('T', ' ')}` : (r.label ?? r.value),
        n: r.n,
      }));
    }
    return { claims: totals.claims, papers: totals.papers, facets };
  });
}
