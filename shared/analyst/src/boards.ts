// Leaderboards, as the SQL view board_claims (migration 050) defines them:
// the API, the CLI and the page read boards only through these functions,
// and these read only that view, so every client sees the same boards.
import type { Board, BoardList, ClaimKind, Leaderboard, LeaderboardQuery, LeaderboardRow, LeaderboardsQuery } from '@claimflow/schemas';
import { DEFAULT_BOARD_MIN_CONFIDENCE as DEFAULT_MIN, DELTA_KINDS, NOT_STATED } from '@claimflow/schemas';
import { claimConditions, Params, whereClause, type ClaimFilter, type Sql } from '@claimflow/store';
import { BOARD_PAPER_COLUMNS, boardRow, displayValue, type RankedRow } from './board-rows.js';
import { CLAIM_VIEW_COLUMNS, claimViewFromRow } from './claim-rows.js';
import { readAtSnapshot, SnapshotCache } from './snapshot-cache.js';

const MAX_BOARDS = 5000;


/** What a board is: the columns of board_claims that name it. */

/** The best value first: higher-is-better boards descending. */
const bestFirst = (col: string) => `CASE WHEN c.better = 'lower' THEN ${col} ELSE -${col} END`;

interface Confidence {
  minConfidence: number;
  includeLowConfidence: boolean;
}

/** Claims an extractor before 2.0 stored have no confidence, and count as confident. */
const confident = (min: number, params: Params) => `(c.confidence IS NULL OR c.confidence >= ${params.add(min)}::real)`;

interface BoardRow {
  metric_key: string;
  kind: ClaimKind;
  board_unit: Board['unit'];
  board_setting: string | null;
  per_hardware: boolean;
  board_hardware: string | null;
  board_baseline: string | null;
  ranked: boolean;
  better: Board['better'];
  papers: number;
  claims: number;
}

const toBoard = (r: BoardRow): Board => ({
  metricKey: r.metric_key,
  kind: r.kind,
  unit: r.board_unit,
  setting: r.board_setting,
  perHardware: r.per_hardware,
  hardware: r.board_hardware,
  baseline: r.board_baseline,
  ranked: r.ranked,
  better: r.better,
  papers: r.papers,
  claims: r.claims,
});

type BoardsFilter = Omit<ClaimFilter, 'minConfidence'> & Partial<Confidence> & { minPapers?: number };

/** Every board the matching claims make, with how many papers and claims each holds; most papers first. */
export async function listBoards(sql: Sql, query: BoardsFilter | LeaderboardsQuery = {}): Promise<BoardList> {
  const { minConfidence = DEFAULT_MIN, includeLowConfidence = false, minPapers, ...filter } = query as BoardsFilter;
  const params = new Params();
  const conditions = claimConditions(filter, params);
  if (!includeLowConfidence) conditions.push(confident(minConfidence, params));
  const rows = await sql.query<BoardRow>(
    `SELECT c.metric_key, c.kind, c.board_unit, c.board_setting, c.per_hardware, c.board_hardware, c.board_baseline,
            bool_and(c.ranked) AS ranked, min(c.better) AS better,
            count(DISTINCT c.paper_id)::int AS papers, count(*)::int AS claims
     FROM board_claims c ${whereClause(conditions)}
     GROUP BY c.metric_key, c.kind, c.board_unit, c.board_setting, c.per_hardware, c.board_hardware, c.board_baseline
     ${minPapers ? `HAVING count(DISTINCT c.paper_id) >= ${params.add(minPapers)}` : ''}
     ORDER BY papers DESC, claims DESC, c.metric_key, c.board_setting NULLS FIRST, c.board_hardware NULLS FIRST, c.board_baseline NULLS FIRST, c.board_unit, c.kind
     LIMIT ${params.add(MAX_BOARDS)}`,
    params.values,
  );
  return { boards: rows.map(toBoard) };
}

/** The boards index reads every claim: kept per query until the next write commits (the page loads it on every visit). */
export const boardsCache = (sql: Sql) => new SnapshotCache<LeaderboardsQuery, BoardList>(sql, (s, q) => readAtSnapshot(s, (tx) => listBoards(tx, q), ['SET LOCAL jit = off']));

/** A LeaderboardQuery value against a board's: given and equal ("none" for null), or not given. */
const fits = (asked: string | undefined, value: string | null) => asked === undefined || (asked === NOT_STATED ? value === null : asked === value);

/** Ranks that ties share (1, 2, 2, 4), for values already sorted best first (ties sit together): one pass. */
function ranksOf(values: number[]): number[] {
  const ranks: number[] = [];
  values.forEach((v, i) => ranks.push(i > 0 && v === values[i - 1] ? ranks[i - 1] : i + 1));
  return ranks;
}

/**
 * One board: each paper's best claim, best first. Without a setting,
 * hardware, unit or kind, the board of this metric with the most papers; the
 * others are `siblings`. Deltas asked without a baseline are the gains over
 * every baseline, listed with their baselines and without ranks.
 */
export async function leaderboard(sql: Sql, metricKey: string, query: LeaderboardQuery): Promise<Leaderboard> {
  const { boards } = await listBoards(sql, { metricKey, batch: query.batch, minConfidence: query.minConfidence, includeLowConfidence: query.includeLowConfidence });
  const candidates = boards.filter((b) => fits(query.setting, b.setting) && fits(query.hardware, b.hardware) && fits(query.baseline, b.baseline)
    && (!query.unit || b.unit === query.unit) && (!query.kind || b.kind === query.kind));
  const chosen = candidates[0];
  if (!chosen) return { board: null, acrossBaselines: false, rows: [], siblings: boards, progress: [] };
  const acrossBaselines = DELTA_KINDS.includes(chosen.kind) && query.baseline === undefined;
  const same = (b: Board) => b.kind === chosen.kind && b.unit === chosen.unit && b.setting === chosen.setting && b.hardware === chosen.hardware;
  const board: Board = acrossBaselines ? { ...chosen, baseline: null, ranked: false } : chosen;
  const params = new Params();
  const conditions = [
    ...claimConditions({ metricKey, kind: board.kind, batch: query.batch }, params),
    `c.board_unit = ${params.add(board.unit)}`,
    `c.board_setting IS NOT DISTINCT FROM ${params.add(board.setting)}::text`,
    `c.board_hardware IS NOT DISTINCT FROM ${params.add(board.hardware)}::text`,
  ];
  if (!acrossBaselines) conditions.push(`c.board_baseline IS NOT DISTINCT FROM ${params.add(board.baseline)}::text`);
  const low = `(c.confidence < ${params.add(query.minConfidence)}::real)`;
  if (!query.includeLowConfidence) conditions.push(`NOT coalesce(${low}, false)`);
  // Each paper's best confident claim (per baseline across baselines), and its best low-confidence one.
  const rows = await sql.query<RankedRow>(
    `SELECT DISTINCT ON (c.board_baseline, c.paper_id, coalesce(${low}, false))
            ${CLAIM_VIEW_COLUMNS}, ${BOARD_PAPER_COLUMNS}, c.rank_value, coalesce(${low}, false) AS low_confidence
     FROM board_claims c JOIN papers p ON p.id = c.paper_id
     ${whereClause(conditions)}
     ORDER BY c.board_baseline, c.paper_id, coalesce(${low}, false), ${bestFirst('c.rank_value')}, c.id`,
    params.values,
  );
  const sign = board.better === 'lower' ? 1 : -1;
  const order = (a: RankedRow, b: RankedRow) => sign * (a.rank_value - b.rank_value) || a.paper_id.localeCompare(b.paper_id) || Number(a.low_confidence) - Number(b.low_confidence);
  const sure = rows.filter((r) => !r.low_confidence).sort(order);
  const bestSure = new Map(sure.map((r) => [`${r.baseline_key}|${r.paper_id}`, r.rank_value]));
  // A low-confidence claim is shown (greyed) only where its paper has no confident one as good.
  const unsure = rows.filter((r) => {
    const known = bestSure.get(`${r.baseline_key}|${r.paper_id}`);
    return r.low_confidence && (known === undefined || sign * (r.rank_value - known) < 0);
  });
  const ranks = board.ranked && !acrossBaselines ? ranksOf(sure.map((r) => r.rank_value)) : null;
  const rankOf = new Map(sure.map((r, i) => [r, ranks ? ranks[i] : null]));
  const out: LeaderboardRow[] = [...sure, ...unsure].sort(order).slice(0, query.limit).map((r) => boardRow(r, rankOf.get(r) ?? null, board.unit));
  if (acrossBaselines) {
    const merged = boards.filter(same);
    board.papers = new Set(sure.map((r) => r.paper_id)).size;
    board.claims = merged.reduce((n, b) => n + b.claims, 0);
  }
  const ranked = board.ranked && !acrossBaselines;
  return {
    board, acrossBaselines, rows: out,
    siblings: boards.filter((b) => b !== chosen && !(acrossBaselines && same(b) && !b.ranked)),
    progress: ranked ? progressOf(sure, board) : [],
  };
}

/** The best value so far by publication date: a step for each paper (with a date) that beat every earlier one. */
function progressOf(rows: RankedRow[], board: Board): Leaderboard['progress'] {
  const sign = board.better === 'lower' ? -1 : 1;
  const dated = rows.filter((r) => r.published).sort((a, b) => a.published!.localeCompare(b.published!) || sign * (b.rank_value - a.rank_value));
  const steps: Leaderboard['progress'] = [];
  for (const r of dated) {
    const best = steps[steps.length - 1];
    if (best && sign * (r.rank_value - best.value) <= 0) continue;
    // a step needs only the value as shown, not the whole row (links, setting, metadata)
    const display = displayValue(claimViewFromRow(r), r.rank_value, board.unit);
    steps.push({ published: r.published!, value: r.rank_value, display, paperId: r.paper_id, paperTitle: r.paper_title });
  }
  return steps;
}
