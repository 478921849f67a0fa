import { formatRejection, type BatchProgress } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';

const MAX_ROWS = 40;
/** Rejections listed per batch; `claims rejections BATCH` lists them all. */
const SHOWN_REJECTIONS = 10;

const SI = [
  [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'],
] as const;
/** Units read better with a prefix put back: 1.2 GB, 0.8 ms, 12 Mparams. */
const PREFIXED = new Set(['B', 's', 'params', 'FLOPs', 'FLOP/s', 'J', 'W']);

function fmtValue(c: { value: number | null; low: number | null; high: number | null; unit: string }): string {
  const top = Math.abs(c.value ?? c.high ?? c.low ?? 0);
  const [scale, prefix] = PREFIXED.has(c.unit) ? (SI.find(([f]) => top >= f) ?? SI[SI.length - 1]) : [1, ''];
  const n = (x: number | null) => (x == null ? '?' : Number((x / scale).toPrecision(4)).toString());
  const v = c.value != null ? n(c.value) : `${n(c.low)}–${n(c.high)}`;
  return c.unit === 'x' ? `${v}×` : `${v} ${prefix}${c.unit}`;
}

/** New, unchanged and updated papers among the accepted records of some batches (an update is stored as the paper's next version). */
export async function outcomesLine(store: Store, batchIds: string[]): Promise<string> {
  const o = await store.batchOutcomes(batchIds);
  return `papers: ${o.new} new, ${o.unchanged} unchanged, ${o.updated} updated (the earlier text kept as a version: claims history ID)`;
}

/** Records that are papers stored under another id, with where each is and the id it is kept under. */
export function matchedPapersLine(matched: Awaited<ReturnType<Store['matchedPapers']>>, batchId?: string): string {
  const eg = matched.examples.map((m) => `${m.file}:${m.line} is ${m.paperId}`).join(', ');
  return `${matched.count} record(s)${batchId ? ` of ${batchId}` : ''} are papers already stored under another id (same title and abstract), kept as one: ${eg}${matched.count > matched.examples.length ? ', …' : ''}`;
}

/** What a run stored: per batch, claims by kind, rejected records, and a sample of the claims. */
export async function printSummary(
  out: NodeJS.WritableStream,
  store: Store,
  batches: BatchProgress[],
  info: { seconds: number; storeName: string },
): Promise<void> {
  const lines: string[] = [];
  lines.push('', `Stored in ${info.storeName} (${info.seconds.toFixed(1)} s):`);
  for (const b of batches) {
    lines.push(`  batch ${b.id}: ${b.total ?? '?'} records, ${b.accepted} accepted, ${b.rejected} rejected, ${b.claims} claims`);
  }
  lines.push(`  ${await outcomesLine(store, batches.map((b) => b.id))}`);
  const stored = await store.batchClaimCounts(batches.map((b) => b.id));
  const byKind = Object.entries(stored.byKind);
  lines.push(
    `  papers with claims: ${stored.papers}; claims: ${stored.claims}` +
      (byKind.length ? ` (${byKind.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''),
  );
  for (const b of batches) {
    const shown = await store.rejections(b.id, SHOWN_REJECTIONS);
    for (const r of shown) lines.push(`  rejected ${formatRejection(r)}`);
    if (b.rejected > shown.length) lines.push(`  … and ${b.rejected - shown.length} more: claims rejections ${b.id}`);

    const matched = await store.matchedPapers(b.id, 3);
    if (matched.count) lines.push(`  ${matchedPapersLine(matched, b.id)}`);
  }
  const counts = await store.counts();
  lines.push(`  store totals: ${counts.papers} papers, ${counts.claims} claims, ${counts.batches} batches`, '');
  // A sample, not the whole run: only the rows shown are read.
  const sample = [];
  for (const b of batches) {
    if (sample.length >= MAX_ROWS) break;
    sample.push(...(await store.claims({ batch: b.id, limit: MAX_ROWS - sample.length })));
  }
  if (sample.length) {
    lines.push(`${'kind'.padEnd(14)} ${'value'.padStart(12)}  ${'as written'.padEnd(22)} ${'conf'.padStart(4)}  metric`);
    for (const c of sample) {
      const conf = c.confidence == null ? '–' : c.confidence.toFixed(2);
      lines.push(`${c.kind.padEnd(14)} ${fmtValue(c).padStart(12)}  ${c.text.slice(0, 22).padEnd(22)} ${conf.padStart(4)}  ${c.metric ?? ''}`);
    }
    if (stored.claims > sample.length) lines.push(`… and ${stored.claims - sample.length} more: claims query --format table`);
  }
  out.write(lines.join('\n') + '\n');
}
