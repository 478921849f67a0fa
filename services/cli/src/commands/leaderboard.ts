import { parseArgs } from 'node:util';
import { baselineBoard, leaderboard, listBoards, UsageError } from '@claimflow/analyst';
import { BaselineQuery, LeaderboardQuery, type Board, type LeaderboardRow } from '@claimflow/schemas';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage =
  'claims leaderboard [METRIC [--setting S] [--unit U] [--kind K] | --baseline KEY [--kind K]] [--batch ID] [--limit N] [--format table|jsonl]   papers ranked by their best claim on a canonical metric (no METRIC: the boards)';

const FORMATS = ['table', 'jsonl'] as const;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function columns(head: string[], rows: string[][], widths: number[]): string {
  const w = head.map((h, i) => Math.min(widths[i], Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : clip(cell, w[i]).padEnd(w[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

const boardName = (b: Board) => `${b.metricKey}${b.setting ? ` on ${b.setting}` : ''} (${b.kind}, ${b.unit}, ${b.better} is better)`;

function rankTable(rows: LeaderboardRow[]): string {
  return columns(
    ['RANK', 'VALUE', 'PAPER', 'TITLE', 'EVIDENCE'],
    rows.map((r) => [String(r.rank), `${r.value} ${r.claim.unit}`, r.paperId, r.paperTitle, clip((r.claim.sentence ?? r.claim.text).replace(/\s+/g, ' '), 80)]),
    [4, 14, 20, 40, 80],
  );
}

/** `claims leaderboard`, on the store `ctx` gives (tests pass their own). */
export async function runWith(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          setting: { type: 'string' }, unit: { type: 'string' }, kind: { type: 'string' }, baseline: { type: 'string' },
          batch: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.out.write(`usage: ${usage}\n`);
      return 0;
    }
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}`);
    if (positionals.length > 1) throw new UsageError(`one METRIC at most (got ${positionals.map((p) => JSON.stringify(p)).join(', ')}); quote a metric with spaces`);
    if (positionals.length && values.baseline) throw new UsageError('give a METRIC or --baseline, not both');
    const check = <T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T => {
      if (!result.success) throw new UsageError(result.error.issues.map((i) => `--${String(i.path[0] ?? 'options')}: ${i.message}`).join('; '));
      return result.data;
    };
    const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    // The command line is checked whole before the store is opened: a usage error is said as one, whatever the store's state.

    if (values.baseline) {
      if (values.setting || values.unit) throw new UsageError('--setting and --unit go with a METRIC, not --baseline');
      const query = check(BaselineQuery.safeParse(defined({ kind: values.kind, batch: values.batch, limit: values.limit })));
      const board = await baselineBoard((await ctx.store()).sql, values.baseline, query);
      if (format === 'jsonl') ctx.out.write(board.groups.flatMap((g) => g.rows.map((r) => JSON.stringify({ ...r, kind: g.kind, unit: g.unit }) + '\n')).join(''));
      else if (!board.groups.length) ctx.out.write(`no claim compares against ${values.baseline}\n`);
      else for (const g of board.groups) ctx.out.write(`\nagainst ${board.baselineKey}: ${g.kind} (${g.unit}, ${g.better} is better)\n${rankTable(g.rows)}`);
      return 0;
    }

    if (!positionals.length) {
      if (values.setting || values.unit || values.kind) throw new UsageError('--setting, --unit and --kind need a METRIC');
      const { limit } = check(LeaderboardQuery.safeParse(defined({ limit: values.limit ?? '50' })));
      const { boards } = await listBoards((await ctx.store()).sql, defined({ batch: values.batch }));
      const shown = boards.slice(0, limit);
      if (format === 'jsonl') ctx.out.write(shown.map((b) => JSON.stringify(b) + '\n').join(''));
      else ctx.out.write(shown.length ? columns(['METRIC', 'SETTING', 'UNIT', 'KIND', 'PAPERS', 'CLAIMS'], shown.map((b) => [b.metricKey, b.setting ?? '(any)', b.unit, b.kind, String(b.papers), String(b.claims)]), [24, 20, 6, 14, 6, 6]) : 'no leaderboard: no claim has a canonical metric\n');
      return 0;
    }

    const query = check(LeaderboardQuery.safeParse(defined({ setting: values.setting, unit: values.unit, kind: values.kind, batch: values.batch, limit: values.limit })));
    const lb = await leaderboard((await ctx.store()).sql, positionals[0], query);
    if (format === 'jsonl') {
      ctx.out.write(lb.rows.map((r) => JSON.stringify(r) + '\n').join(''));
    } else if (!lb.board) {
      ctx.out.write(`no claim on ${positionals[0]}${query.setting ? ` on ${query.setting}` : ''}; \`claims leaderboard\` lists the boards\n`);
    } else {
      ctx.out.write(`${boardName(lb.board)}: ${lb.board.papers} papers\n${rankTable(lb.rows)}`);
      if (lb.siblings.length) ctx.out.write(`also: ${lb.siblings.map((b) => `--unit ${b.unit} --kind ${b.kind} (${b.papers} papers)`).join('; ')}\n`);
    }
    return 0;
  } catch (err) {
    return reportFailure('leaderboard', usage, err, ctx);
  }
}
