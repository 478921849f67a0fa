// Every analyst view as a table of flat columns, for its CSV download (the
// same route with .csv): boards, one board, baselines, one baseline, facets.
import type { BaselineBoard, BaselineList, BoardList, Facets, Leaderboard, LeaderboardRow } from '@claimflow/schemas';
import { csvField } from './export-formats.js';

type Cell = string | number | boolean | null;
export interface ViewTable {
  columns: readonly string[];
  rows: Cell[][];
}

const list = (v: string[]) => v.join('; ');

/** The columns of a ranked row, in the order a board shows them. */
const ROW_COLUMNS = [
  'rank', 'value', 'display', 'unit', 'better', 'metric', 'metric_key', 'datasets', 'models', 'hardware', 'setting', 'baseline', 'baseline_key',
  'paper_id', 'paper_title', 'year', 'paper_page', 'source_url', 'confidence', 'low_confidence', 'evidence', 'claim_id',
] as const;

const rowCells = (r: LeaderboardRow, unit: string, better: string): Cell[] => [
  r.rank, r.value, r.display, unit, better, r.metric, r.claim.metricKey ?? null, list(r.setting.datasets), list(r.setting.models), list(r.setting.hardware),
  r.setting.text, r.baseline, r.baselineKey, r.paperId, r.paperTitle, r.year, r.links.page, r.links.source, r.confidence, r.lowConfidence,
  r.claim.sentence ?? r.claim.text, r.claim.id,
];

export function boardsTable(b: BoardList): ViewTable {
  return {
    columns: ['metric_key', 'kind', 'unit', 'better', 'setting', 'per_hardware', 'hardware', 'baseline', 'ranked', 'papers', 'claims'],
    rows: b.boards.map((x) => [x.metricKey, x.kind, x.unit, x.better, x.setting, x.perHardware, x.hardware, x.baseline, x.ranked, x.papers, x.claims]),
  };
}

export function leaderboardTable(lb: Leaderboard): ViewTable {
  const unit = lb.board?.unit ?? '';
  const better = lb.board?.better ?? '';
  return { columns: ROW_COLUMNS, rows: lb.rows.map((r) => rowCells(r, unit, better)) };
}

export function baselinesTable(b: BaselineList): ViewTable {
  return { columns: ['baseline_key', 'claims', 'papers'], rows: b.baselines.map((x) => [x.baselineKey, x.claims, x.papers]) };
}

export function baselineBoardTable(b: BaselineBoard): ViewTable {
  return {
    columns: ['kind', ...ROW_COLUMNS],
    rows: b.groups.flatMap((g) => g.rows.map((r) => [g.kind, ...rowCells(r, g.unit, g.better)])),
  };
}

export function facetsTable(f: Facets): ViewTable {
  return {
    columns: ['facet', 'value', 'label', 'claims'],
    rows: Object.entries(f.facets).flatMap(([facet, counts]) => counts.map((c) => [facet, c.value, c.label, c.n])),
  };
}

/** RFC 4180 CSV with a header row; booleans as true/false, null as empty. */
export function tableCsv(t: ViewTable): string {
  const line = (cells: readonly Cell[]) => `${cells.map((c) => csvField(typeof c === 'boolean' ? String(c) : c)).join(',')}\r\n`;
  return line(t.columns) + t.rows.map(line).join('');
}
