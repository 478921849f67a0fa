import { parseArgs } from 'node:util';
import { csvField } from '@claimflow/analyst';
import { formatRejection } from '@claimflow/schemas';
import { InputError, UsageError } from '@claimflow/service-kit';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage = 'claims rejections BATCH [--format text|csv]   every rejected record of a batch: file, line, field, reason';
export const options = [
  '  --format F   text (default: file:line: field: reason) or csv (a header, then file,line,field,reason)',
].join('\n');

const PAGE = 1000;

/** `claims rejections`: all of a batch's rejections, paged through the store so any number prints in flat memory. */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
    const format = values.format;
    if (format !== 'text' && format !== 'csv') throw new UsageError(`--format: expected text or csv, got "${format}"`);
    if (positionals.length !== 1) throw new UsageError('name one batch (claims status lists them)');
    const [id] = positionals;
    const store = await ctx.store();
    const batch = await store.batch(id);
    if (!batch) throw new InputError(`no batch "${id}" in the store: claims status lists the batches`);
    if (format === 'csv') ctx.out.write('file,line,field,reason\n');
    let after: { file: string; line: number } | undefined;
    let n = 0;
    for (;;) {
      const page = await store.rejections(id, PAGE, after);
      const text = page.map((r) => (format === 'csv' ? [csvField(r.file), r.line, csvField(r.field), csvField(r.reason)].join(',') : formatRejection(r)) + '\n').join('');
      if (text && !ctx.out.write(text)) await new Promise((r) => ctx.out.once('drain', r));
      n += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1];
    }
    ctx.err.write(`${n} rejected record${n === 1 ? '' : 's'} in batch ${id}\n`);
    return 0;
  } catch (err) {
    return reportFailure('rejections', usage, err, ctx);
  }
}
