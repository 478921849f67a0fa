import { parseArgs } from 'node:util';
import { InputError, UsageError } from '@claimflow/service-kit';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage = 'claims delete-batch BATCH [--yes]   remove a batch: its records and rejections, and the papers (with their claims) no other batch holds';
export const options = [
  '  --yes   delete; without it, only say what would be deleted',
].join('\n');

/** `claims delete-batch`: says what it would remove, and removes it with --yes, in one transaction. */
export async function run(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { yes: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new UsageError('name one batch (claims status lists them)');
    const [id] = positionals;
    const store = await ctx.store();
    if (!(await store.batch(id))) throw new InputError(`no batch "${id}" in the store: claims status lists the batches`);
    const n = await store.deleteBatch(id, values.yes);
    const what = `batch ${id}: ${n.records} record(s), ${n.papers} paper(s) no other batch holds, ${n.claims} claim(s)`;
    ctx.out.write(values.yes ? `deleted ${what}\n` : `would delete ${what}; run again with --yes to delete\n`);
    return 0;
  } catch (err) {
    return reportFailure('delete-batch', usage, err, ctx);
  }
}
