import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportChunks, FILTER_USAGE, iterateClaims, parseClaimArgs, UsageError, writeParquetFile } from '@claimflow/analyst';
import { ClaimExportQuery, type ClaimView } from '@claimflow/schemas';
import { FILTER_HELP, reportFailure, type CliDeps } from './cli-deps.js';

export const usage = `claims export --format csv|jsonl|parquet --out FILE ${FILTER_USAGE}   every matching claim to a file (--out - : stdout, csv/jsonl)`;

export const options = [
  '  --format F             csv, jsonl or parquet (required)',
  '  --out FILE             the file to write (required; - for stdout, csv and jsonl only)',
  FILTER_HELP,
].join('\n');

const FORMATS = ['csv', 'jsonl', 'parquet'] as const;
type ExportFormat = (typeof FORMATS)[number];

async function* counted(claims: AsyncIterable<ClaimView>, count: { n: number }): AsyncGenerator<ClaimView> {
  for await (const c of claims) {
    count.n++;
    yield c;
  }
}

/**
 * `claims export`: every claim matching the filter, paged through the store
 * on a keyset and written as it arrives, so memory stays flat for any size.
 */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { query, values } = parseClaimArgs(
      argv,
      { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
      ClaimExportQuery,
      Object.keys(ClaimExportQuery.shape),
    );
    if (values.help) {
      ctx.out.write(`usage: ${usage}\n`);
      return 0;
    }
    const format = values.format as ExportFormat | undefined;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}`);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('--out: required (a file, or - for stdout)');
    if (out === '-' && format === 'parquet') throw new UsageError('--out: parquet needs a file, not stdout');

    const store = await ctx.store();
    const count = { n: 0 };
    const claims = counted(iterateClaims(store.sql, query), count);
    if (format === 'parquet') await writeParquetFile(claims, out);
    else {
      // stdout is the CLI's, not ours to close: end the pipeline without ending it.
      const sink = out === '-' ? new Writable({ write: (chunk, _enc, done) => void ctx.out.write(chunk, done) }) : createWriteStream(out);
      await pipeline(Readable.from(exportChunks(claims, format)), sink);
    }
    ctx.err.write(`exported ${count.n} claim${count.n === 1 ? '' : 's'} to ${out === '-' ? 'stdout' : out} (${format})\n`);
    return 0;
  } catch (err) {
    return reportFailure('export', usage, err, ctx);
  }
}
