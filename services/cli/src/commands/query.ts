import { csvHeader, csvLine, FILTER_USAGE, jsonLine, parseClaimArgs, queryClaims, UsageError } from '@claimflow/analyst';
import { ClaimQuery, type ClaimView } from '@claimflow/schemas';
import { FILTER_HELP, reportFailure, type CliDeps } from './cli-deps.js';

export const usage = `claims query ${FILTER_USAGE} [--cursor C] [--format table|csv|jsonl]   one page of stored claims`;

export const options = [
  FILTER_HELP,
  '  --cursor C             the next page, as the previous page printed it',
  '  --format F             table (default), csv or jsonl',
].join('\n');

const FORMATS = ['table', 'csv', 'jsonl'] as const;
const QUERY_KEYS = [...Object.keys(ClaimQuery.shape), 'cursor'];

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const valueText = (c: ClaimView) =>
  `${c.value ?? (c.low != null && c.high != null ? `${c.low}-${c.high}` : '?')} ${c.unit}`;

/** A fixed-width table for a terminal: value, kind, metric, paper, evidence. */
function table(claims: ClaimView[]): string {
  const rows = claims.map((c) => [valueText(c), c.kind, c.metric ?? '-', c.paperId, clip((c.sentence ?? c.text).replace(/\s+/g, ' '), 80)]);
  const head = ['VALUE', 'KIND', 'METRIC', 'PAPER', 'EVIDENCE'];
  const widths = head.map((h, i) => Math.min(i === 4 ? 80 : 28, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : clip(cell, widths[i]).padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** `claims query`: one page of claims matching the filter (the API's GET /api/claims). */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { query, values } = parseClaimArgs(argv, { cursor: { type: 'string' }, format: { type: 'string', default: 'table' } }, ClaimQuery, QUERY_KEYS);
    if (values.help) {
      ctx.out.write(`usage: ${usage}\n`);
      return 0;
    }
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}`);
    const store = await ctx.store();
    const page = await queryClaims(store.sql, query);
    if (format === 'table') ctx.out.write(page.claims.length ? table(page.claims) : 'no claim matches\n');
    else if (format === 'csv') ctx.out.write(csvHeader() + page.claims.map(csvLine).join(''));
    else ctx.out.write(page.claims.map(jsonLine).join(''));
    // The next page's cursor goes to stderr, so stdout stays a clean CSV/JSONL.
    if (page.nextCursor) ctx.err.write(`more claims: add --cursor ${page.nextCursor}\n`);
    return 0;
  } catch (err) {
    return reportFailure('query', usage, err, ctx);
  }
}
