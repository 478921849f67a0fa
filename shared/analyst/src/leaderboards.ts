import type { BaselineBoard, BaselineList, BaselineQuery, Board, BoardList, ClaimKind, FilterOnlyQuery, Leaderboard, LeaderboardQuery, LeaderboardRow } from '@claimflow/schemas';
import { CLAIM_KINDS } from '@claimflow/schemas';
import { claimConditions, Params, whereClause, type ClaimFilter, type Sql } from '@claimflow/store';
import { betterDirection } from '@claimflow/units';
import { claimViewFromRow, CLAIM_VIEW_COLUMNS, type ClaimViewRow } from './claim-rows.js';
import { paperLinks } from './links.js';

const MAX_BOARDS = 1000;

/** The value a claim is ranked by: the best end of its range in the board's direction. */
const rankValue = (better: 'higher' | 'lower') => (better === 'higher' ? 'c.value_max' : 'c.value_min');

interface BoardRow {
  metric_key: string;
  setting: string | null;
  unit: Board['unit'];
  kind: ClaimKind;
  papers: number;
  claims: number;
}

const toBoard = (r: BoardRow): Board => ({
  metricKey: r.metric_key,
  setting: r.setting,
  unit: r.unit,
  kind: r.kind,
  better: betterDirection(r.kind, r.unit, r.metric_key),
  papers: r.papers,
  claims: r.claims,
});

/**
 * Every leaderboard the matching claims make: canonical metric × setting
 * (each canonical setting, and "any") × unit × kind, with how many papers and
 * claims each holds; most papers first.
 */
export async function listBoards(sql: Sql, filter: ClaimFilter = {}): Promise<BoardList> {
  const params = new Params();
  const where = whereClause([...claimConditions(filter, params), 'c.metric_key IS NOT NULL', 'c.value_max IS NOT NULL']);
  const rows = await sql.query<BoardRow>(
    `SELECT metric_key, setting, unit, kind, count(DISTINCT paper_id)::int AS papers, count(*)::int AS claims FROM (
       SELECT c.metric_key, NULL::text AS setting, c.unit, c.kind, c.paper_id FROM claims c ${where}
       UNION ALL
       SELECT c.metric_key, s.setting, c.unit, c.kind, c.paper_id FROM claims c CROSS JOIN LATERAL unnest(c.setting_keys) AS s(setting) ${where}
     ) t
     GROUP BY metric_key, setting, unit, kind
     ORDER BY papers DESC, claims DESC, metric_key, setting NULLS FIRST, unit, kind
     LIMIT ${params.add(MAX_BOARDS)}`,
    params.values,
  );
  return { boards: rows.map(toBoard) };
}

type RankedRow = ClaimViewRow & { metadata: Record<string, unknown> | string | null; rank_value: number };

function toLeaderRows(rows: RankedRow[]): LeaderboardRow[] {
  return rows.map((r, i) => {
    const claim = claimViewFromRow(r);
    const metadata = typeof r.metadata === 'string' ? JSON.parse(r.metadata) : r.metadata;
    return { rank: i + 1, paperId: r.paper_id, paperTitle: r.paper_title, value: r.rank_value, claim, links: paperLinks(r.paper_id, metadata) };
  });
}

/**
 * One leaderboard: the papers with a claim on the metric (and setting), each
 * by its best claim in the metric's direction (higher accuracy first, lower
 * latency first), one row per paper. Without a unit or kind, the board of
 * this metric and setting with the most papers; the others are `siblings`.
 */
export async function leaderboard(sql: Sql, metricKey: string, query: LeaderboardQuery): Promise<Leaderboard> {
  const scope: ClaimFilter = { metricKey, settingKey: query.setting, batch: query.batch };
  const { boards } = await listBoards(sql, scope);
  const candidates = boards.filter((b) => b.metricKey === metricKey && b.setting === (query.setting ?? null));
  const board = candidates.find((b) => (!query.unit || b.unit === query.unit) && (!query.kind || b.kind === query.kind)) ?? null;
  if (!board) return { board: null, rows: [], siblings: candidates };
  const params = new Params();
  const conditions = [...claimConditions({ ...scope, unit: board.unit, kind: board.kind }, params), `${rankValue(board.better)} IS NOT NULL`];
  const value = rankValue(board.better);
  const order = board.better === 'higher' ? 'DESC' : 'ASC';
  const rows = await sql.query<RankedRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (c.paper_id) ${CLAIM_VIEW_COLUMNS}, p.metadata, ${value} AS rank_value
       FROM claims c JOIN papers p ON p.id = c.paper_id
       ${whereClause(conditions)}
       ORDER BY c.paper_id, ${value} ${order}, c.id
     ) best
     ORDER BY rank_value ${order}, paper_id
     LIMIT ${params.add(query.limit)}`,
    params.values,
  );
  return { board, rows: toLeaderRows(rows), siblings: candidates.filter((b) => b !== board) };
}

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
    const where = whereClause([...claimConditions({ baselineKey, kind: g.kind, unit: g.unit, batch: query.batch }, p), `${value} IS NOT NULL`]);
    const rows = await sql.query<RankedRow>(
      `SELECT ${CLAIM_VIEW_COLUMNS}, p.metadata, ${value} AS rank_value
       FROM claims c JOIN papers p ON p.id = c.paper_id ${where}
       ORDER BY rank_value ${g.better === 'higher' ? 'DESC' : 'ASC'}, c.id LIMIT ${p.add(query.limit)}`,
      p.values,
    );
    const ranked = toLeaderRows(rows.filter((r) => betterDirection(r.kind, r.unit, r.metric_key) === g.better));
    if (ranked.length) out.push({ ...g, rows: ranked.map((r, i) => ({ ...r, rank: i + 1 })) });
  }
  return { baselineKey, groups: out };
}
