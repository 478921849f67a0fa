import { baselineBoard, leaderboard, listBoards, parseOrUsage, usageError, UsageError } from '@claimflow/analyst';
import { BaselineQuery, DELTA_KINDS, LeaderboardQuery, LeaderboardsQuery, NOT_STATED, type Board, type LeaderboardRow } from '@claimflow/schemas';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage =
  'claims leaderboard [METRIC [--setting S] [--hardware H] [--baseline KEY] [--unit U] [--kind K] | --baseline KEY [--kind K]] [--min-papers N] [--min-confidence C] [--include-low-confidence] [--batch ID] [--limit N] [--format table|jsonl]   papers ranked by their best claim on a comparable board (no METRIC: the boards; "none" picks claims that state no setting, hardware or baseline)';

const FORMATS = ['table', 'jsonl'] as const;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function columns(head: string[], rows: string[][], widths: number[]): string {
  const w = head.map((h, i) => Math.min(widths[i], Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : clip(cell, w[i]).padEnd(w[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** "AP on COCO", "latency on A100", "speed vs XNOR-Net". */
const boardTitle = (b: Board) =>
  `${b.metricKey}${b.setting ? ` on ${b.setting}` : ''}${b.perHardware ? ` (${b.hardware ?? 'no hardware stated'})` : ''}${b.baseline ? ` vs ${b.baseline}` : ''}`;

const quoted = (v: string | null) => (v == null ? NOT_STATED : /[\s'"]/.test(v) ? JSON.stringify(v) : v);

/** The options that pick a board (for "also:"). */
const boardOptions = (b: Board) =>
  [`--setting ${quoted(b.setting)}`, b.perHardware ? `--hardware ${quoted(b.hardware)}` : '', DELTA_KINDS.includes(b.kind) ? `--baseline ${quoted(b.baseline)}` : '', `--unit ${b.unit}`, `--kind ${b.kind}`]
    .filter(Boolean).join(' ');

const boardName = (b: Board) =>
  `${boardTitle(b)} (${b.kind}, ${b.unit}, ${b.better} is better${b.ranked ? '' : ', not ranked: gains over different or no baselines'})`;

const settingText = (r: LeaderboardRow) => [...r.setting.datasets, ...r.setting.models, ...r.setting.hardware].join(', ') || r.setting.text || '-';

function rankTable(rows: LeaderboardRow[]): string {
  return columns(
    ['RANK', 'VALUE', 'METRIC', 'SETTING', 'BASELINE', 'PAPER', 'YEAR', 'TITLE', 'CONF', 'EVIDENCE'],
    rows.map((r) => [
      r.rank == null ? (r.lowConfidence ? '(low)' : '-') : String(r.rank), r.display, r.metric ?? '-', settingText(r), r.baseline ?? '-', r.paperId,
      r.year == null ? '-' : String(r.year), r.paperTitle, r.confidence == null ? '-' : r.confidence.toFixed(2),
      clip((r.claim.sentence ?? r.claim.text).replace(/\s+/g, ' '), 80),
    ]),
    [6, 18, 20, 24, 18, 20, 4, 32, 4, 80],
  );
}

/** `claims leaderboard`, on the store `ctx` gives (tests pass their own). */
export async function runWith(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values, positionals } = parseOrUsage({
      args: argv,
      allowPositionals: true,
      options: {
        setting: { type: 'string' }, hardware: { type: 'string' }, unit: { type: 'string' }, kind: { type: 'string' }, baseline: { type: 'string' },
        'min-papers': { type: 'string' }, 'min-confidence': { type: 'string' }, 'include-low-confidence': { type: 'boolean' },
        batch: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      ctx.out.write(`usage: ${usage}\n`);
      return 0;
    }
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}`);
    if (positionals.length > 1) throw new UsageError(`one METRIC at most (got ${positionals.map((p) => JSON.stringify(p)).join(', ')}); quote a metric with spaces`);
    const check = <T>(result: { success: true; data: T } | { success: false; error: Parameters<typeof usageError>[0] }): T => {
      if (!result.success) throw usageError(result.error);
      return result.data;
    };
    const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const confidence = { minConfidence: values['min-confidence'], includeLowConfidence: values['include-low-confidence'] };
    // The command line is checked whole before the store is opened: a usage error is said as one, whatever the store's state.
    const sql = async () => (await ctx.store()).sql;

    if (values.baseline && !positionals.length) {
      if (values.setting || values.unit) throw new UsageError('--setting and --unit go with a METRIC, not --baseline');
      const query = check(BaselineQuery.safeParse(defined({ kind: values.kind, batch: values.batch, limit: values.limit, ...confidence })));
      const board = await baselineBoard(await sql(), values.baseline, query);
      if (format === 'jsonl') ctx.out.write(board.groups.flatMap((g) => g.rows.map((r) => JSON.stringify({ ...r, kind: g.kind, unit: g.unit }) + '\n')).join(''));
      else if (!board.groups.length) ctx.out.write(`no claim compares against ${values.baseline}\n`);
      else for (const g of board.groups) ctx.out.write(`\nagainst ${board.baselineKey}: ${g.kind} (${g.unit}, ${g.better} is better)\n${rankTable(g.rows)}`);
      return 0;
    }

    if (!positionals.length) {
      if (values.setting || values.hardware || values.unit || values.kind) throw new UsageError('--setting, --hardware, --unit and --kind need a METRIC');
      const { limit } = check(LeaderboardQuery.safeParse(defined({ limit: values.limit ?? '50' })));
      const boardsQuery = check(LeaderboardsQuery.safeParse(defined({ batch: values.batch, minPapers: values['min-papers'], ...confidence })));
      const { boards } = await listBoards(await sql(), boardsQuery);
      const shown = boards.slice(0, limit);
      const none = '(none stated)';
      if (format === 'jsonl') ctx.out.write(shown.map((b) => JSON.stringify(b) + '\n').join(''));
      else ctx.out.write(shown.length ? columns(['METRIC', 'SETTING', 'HARDWARE', 'BASELINE', 'UNIT', 'KIND', 'PAPERS', 'CLAIMS'], shown.map((b) => [
        b.metricKey, b.setting ?? none, b.perHardware ? b.hardware ?? none : '-', DELTA_KINDS.includes(b.kind) ? b.baseline ?? none : '-',
        b.unit, b.kind, String(b.papers), String(b.claims),
      ]), [24, 20, 14, 20, 6, 14, 6, 6]) : 'no leaderboard: no claim has a canonical metric\n');
      return 0;
    }

    if (values['min-papers']) throw new UsageError('--min-papers filters the list of boards: give no METRIC');
    const query = check(LeaderboardQuery.safeParse(defined({
      setting: values.setting, hardware: values.hardware, baseline: values.baseline, unit: values.unit, kind: values.kind, batch: values.batch, limit: values.limit, ...confidence,
    })));
    const lb = await leaderboard(await sql(), positionals[0], query);
    if (format === 'jsonl') {
      ctx.out.write(lb.rows.map((r) => JSON.stringify(r) + '\n').join(''));
    } else if (!lb.board) {
      ctx.out.write(`no claim on ${positionals[0]}${query.setting ? ` on ${query.setting}` : ''}; \`claims leaderboard\` lists the boards\n`);
    } else {
      ctx.out.write(`${boardName(lb.board)}: ${lb.board.papers} papers\n${rankTable(lb.rows)}`);
      if (lb.siblings.length) ctx.out.write(`also: ${lb.siblings.slice(0, 12).map((b) => `${boardOptions(b)} (${b.papers} papers)`).join('; ')}${lb.siblings.length > 12 ? `; ${lb.siblings.length - 12} more` : ''}\n`);
    }
    return 0;
  } catch (err) {
    return reportFailure('leaderboard', usage, err, ctx);
  }
}
