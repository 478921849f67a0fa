import { parseArgs } from 'node:util';
import { STAGES } from '@claimflow/queues';
import { cliContext, describeStore } from '../cli-context.js';

export const usage = 'claims status [--json]   queue depths, batch progress, stored counts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const ctx = await cliContext('status');
  try {
    const queues = await ctx.queues.counts();
    let store: Record<string, unknown> = {};
    try {
      const s = await ctx.store();
      store = { counts: await s.counts(), batches: await s.batches() };
    } catch (err) {
      // A running `claims run` holds the embedded store; the queues are still worth showing.
      store = { error: (err as Error).message };
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
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await ctx.close();
  }
}
