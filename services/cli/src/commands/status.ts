import { parseArgs } from 'node:util';
import { batchStatusText, failedJobs, STAGES } from '@claimflow/queues';
import { explainError } from '@claimflow/service-kit';
import { cliContext, describeStore, prefixOverride } from '../cli-context.js';

export const usage = 'claims status [--prefix P] [--json]   queue depths, batch progress, stored counts';
export const options = [
  '  --prefix P   the queue prefix to look at (default: QUEUE_PREFIX; `claims run` prints the one it uses)',
  '  --json       everything as JSON',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, prefix: { type: 'string' } } });
  const ctx = await cliContext('status', prefixOverride(values.prefix));
  try {
    const queues = await ctx.queues.counts();
    const failed = await failedJobs(ctx.queues);
    let store: Record<string, unknown> = {};
    try {
      const s = await ctx.store();
      const batches = (await s.batches()).map((b) => ({ ...b, status: batchStatusText(b, failed) }));
      store = { counts: await s.counts(), batches };
    } catch (err) {
      // A running `claims run` holds the embedded store; the queues are still worth showing.
      store = { error: explainError(err, ctx.config) ?? (err as Error).message };
    }
    const status = { prefix: ctx.config.QUEUE_PREFIX, store: describeStore(ctx.config), queues, ...store };
    if (values.json) {
      process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      return 0;
    }
    const lines = [`queues (prefix ${ctx.config.QUEUE_PREFIX}):`];
    for (const s of STAGES) {
      const c = queues[s];
      lines.push(`  ${s.padEnd(10)} waiting ${c.waiting}  active ${c.active}  delayed ${c.delayed}  completed ${c.completed}  failed ${c.failed}`);
    }
    lines.push(`store: ${status.store}`);
    if ('error' in store) lines.push(`  ${store.error}`);
    else {
      const s = store as { counts: { papers: number; claims: number; byKind: Record<string, number> }; batches: { id: string; status: string; total: number | null; accepted: number; rejected: number; claims: number }[] };
      lines.push(`  ${s.counts.papers} papers, ${s.counts.claims} claims (${Object.entries(s.counts.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
      for (const b of s.batches.slice(0, 20)) {
        lines.push(`  batch ${b.id}: ${b.status}, ${b.accepted + b.rejected}/${b.total ?? '?'} records, ${b.rejected} rejected, ${b.claims} claims`);
      }
    }
    if (failed.length) lines.push(`${failed.length} failed job(s): claims failures${values.prefix ? ` --prefix ${values.prefix}` : ''} lists them, claims retry re-runs them`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await ctx.close();
  }
}
