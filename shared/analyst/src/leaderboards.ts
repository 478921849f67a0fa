import type { BaselineBoard, BaselineList, BaselineQuery, Board, ClaimKind, FilterOnlyQuery } from '@claimflow/schemas';
import { CLAIM_KINDS } from '@claimflow/schemas';
import { claimConditions, Params, whereClause, type ClaimFilter, type Sql } from '@claimflow/store';
import { betterDirection } from '@claimflow/units';
import { BOARD_PAPER_COLUMNS, boardRow, type RankedRow } from './board-rows.js';
import { CLAIM_VIEW_COLUMNS } from './claim-rows.js';

const MAX_BOARDS = 1000;

/** The value a claim is ranked by: the best end of its range in the board's direction. */
const rankValue = (better: 'higher' | 'lower') => (better === 'higher' ? 'c.value_max' : 'c.value_min');

/** The canonical baselines of the matching claims, with how many claims and papers compare against each. */
export async function listBaselines(sql: Sql, filter: FilterOnlyQuery | ClaimFilter = {}): Promise<BaselineList> {
  const params = new Params();
  const rows = await sql.query<{ baseline_key: string; claims: number; papers: number }>(
    `SELECT c.baseline_key, count(*)::int AS claims, count(DISTINCT c.paper_id)::int AS papers FROM claims c
     ${whereClause([...claimConditions(filter, params), 'c.baseline_key IS NOT NULL'])}
     GROUP BY c.baseline_key ORDER BY claims DESC, c.baseline_key LIMIT ${params.add(MAX_BOARDS)}`,
    params.values,
  );
  return { baselines: rows.map((r) => ({ baselineKey: r.baseline_key, claims: r.claims, papers: r.papers })) };
}

/**
 * Against a baseline: every claim over one canonical baseline, ranked within
 * each kind and unit in its direction (the largest speedups over
 * FlashAttention first). Speedups come first, then the other kinds in the
 * contract's order.
 */
export async function baselineBoard(sql: Sql, baselineKey: string, query: BaselineQuery): Promise<BaselineBoard> {
  const params = new Params();
  const conditions = [...claimConditions({ baselineKey, kind: query.kind, batch: query.batch }, params), 'c.value_max IS NOT NULL'];
  const groups = await sql.query<{ kind: ClaimKind; unit: Board['unit']; metric_key: string | null }>(
    `SELECT DISTINCT c.kind, c.unit, c.metric_key FROM claims c ${whereClause(conditions)}`,
    params.values,
  );
  // A group's direction: units and kinds decide it for all but quality values, whose metric does.
  const byGroup = new Map<string, { kind: ClaimKind; unit: Board['unit']; better: 'higher' | 'lower' }>();
  for (const g of groups) {
    const better = betterDirection(g.kind, g.unit, g.metric_key);
    byGroup.set(`${g.kind}|${g.unit}|${better}`, { kind: g.kind, unit: g.unit, better });
  }
  const out: BaselineBoard['groups'] = [];
  for (const g of [...byGroup.values()].sort((a, b) => CLAIM_KINDS.indexOf(a.kind) - CLAIM_KINDS.indexOf(b.kind) || a.unit.localeCompare(b.unit))) {
    const p = new Params();
    const value = rankValue(g.better);
    const conditions = [...claimConditions({ baselineKey, kind: g.kind, unit: g.unit, batch: query.batch }, p), `${value} IS NOT NULL`];
    const low = `coalesce(c.confidence < ${p.add(query.minConfidence)}::real, false)`;
    if (!query.includeLowConfidence) conditions.push(`NOT ${low}`);
    const where = whereClause(conditions);
    const rows = await sql.query<RankedRow>(
      `SELECT ${CLAIM_VIEW_COLUMNS}, ${BOARD_PAPER_COLUMNS}, ${value} AS rank_value, ${low} AS low_confidence
       FROM claims c JOIN papers p ON p.id = c.paper_id ${where}
       ORDER BY rank_value ${g.better === 'higher' ? 'DESC' : 'ASC'}, c.id LIMIT ${p.add(query.limit)}`,
      p.values,
    );
    let rank = 0;
    const ranked = rows
      .filter((r) => betterDirection(r.kind, r.unit, r.metric_key) === g.better)
      .map((r) => boardRow(r, r.low_confidence ? null : ++rank, g.unit));
    if (ranked.length) out.push({ ...g, rows: ranked });
  }
  return { baselineKey, groups: out };
}
