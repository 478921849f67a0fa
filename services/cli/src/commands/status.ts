import { parseArgs } from 'node:util';
import { batchesWithWork, batchStatusText, failedJobs, STAGES } from '@claimflow/queues';
import { explainError } from '@claimflow/service-kit';
import { cliContext, describeStore, prefixOverride } from '../cli-context.js';

export const usage = 'claims status [--prefix P] [--json]   queue depths, batch progress, stored counts';
export const options = [
  '  --prefix P   the queue prefix to look at (default: QUEUE_PREFIX; `claims run` prints the one it uses)',
  '  --json       everything as JSON',
].join('\n');

const RECENT_BATCHES = 20;

type BatchLine = { id: string; status: string; pendingJobs: number; stored?: false; total?: number | null; accepted?: number; rejected?: number; claims?: number };

function batchLine(b: BatchLine): string {
  const waiting = b.pendingJobs ? `, ${b.pendingJobs} job(s) waiting` : '';
  if (b.stored === false) return `batch ${b.id}: ${b.status}, nothing stored yet${waiting}`;
  return `batch ${b.id}: ${b.status}, ${b.accepted! + b.rejected!}/${b.total ?? '?'} records, ${b.rejected} rejected, ${b.claims} claims${waiting}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, prefix: { type: 'string' } } });
  // Reads only: a running `claims run` or `claims api` holding the embedded store answers through it.
  const ctx = await cliContext('status', prefixOverride(values.prefix), { readOnlyStore: true });
  try {
    const queues = await ctx.queues.counts();
    const failed = await failedJobs(ctx.queues);
    const work = await batchesWithWork(ctx.queues, failed);
    let store: Record<string, unknown> = {};
    try {
      const s = await ctx.store();
      const batches = (await s.batches()).map((b) => ({ ...b, status: batchStatusText(b, failed), pendingJobs: work.get(b.id)?.pending ?? 0 }));
      const stored = new Set(batches.map((b) => b.id));
      // Batches with work in the queues but no row in the store yet (no chunk of theirs written).
      const unstored = [...work].filter(([id]) => !stored.has(id)).map(([id, w]) => ({ id, name: w.name, status: w.failed ? `failed (${w.failed} job${w.failed === 1 ? '' : 's'})` : 'waiting', pendingJobs: w.pending, stored: false }));
      store = { counts: await s.counts(), batches: [...unstored, ...batches] };
    } catch (err) {
      // A store that does not answer: the queues are still worth showing.
      store = { error: explainError(err, ctx.config) ?? (err as Error).message };
    }
    const status = { prefix: ctx.config.QUEUE_PREFIX, store: describeStore(ctx.config), queues, ...store };
    // The store not answering is a failure of this command, though the queues are shown (exit 1).
    const code = 'error' in store ? 1 : 0;
    if (values.json) {
      process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      return code;
    }
    const lines = [`queues (prefix ${ctx.config.QUEUE_PREFIX}):`];
    for (const s of STAGES) {
      const c = queues[s];
      lines.push(`  ${s.padEnd(10)} waiting ${c.waiting}  active ${c.active}  delayed ${c.delayed}  completed ${c.completed}  failed ${c.failed}`);
    }
    lines.push(`store: ${status.store}`);
    if ('error' in store) lines.push(`  ${store.error}`);
    else {
      const s = store as { counts: { papers: number; claims: number; byKind: Record<string, number> }; batches: BatchLine[] };
      lines.push(`  ${s.counts.papers} papers, ${s.counts.claims} claims (${Object.entries(s.counts.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
      // The 20 newest, and every batch with work left or failed, however old.
      const shown = s.batches.filter((b, i) => i < RECENT_BATCHES || b.pendingJobs > 0 || b.status.startsWith('failed'));
      for (const b of shown) lines.push(`  ${batchLine(b)}`);
      if (s.batches.length > shown.length) lines.push(`  … ${s.batches.length - shown.length} older batch(es), all done: --json lists every one`);
    }
    if (failed.length) lines.push(`${failed.length} failed job(s): claims failures${values.prefix ? ` --prefix ${values.prefix}` : ''} lists them, claims retry re-runs them`);
    process.stdout.write(lines.join('\n') + '\n');
    return code;
  } finally {
    await ctx.close();
  }
}
