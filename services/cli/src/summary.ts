import { formatRejection, type BatchProgress } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';

const MAX_ROWS = 40;

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

/** What a run stored: per batch, claims by kind, rejected records, and a sample of the claims. */
export async function printSummary(
  out: NodeJS.WritableStream,
  store: Store,
  batches: BatchProgress[],
  info: { seconds: number; storeName: string },
): Promise<void> {
  const lines: string[] = [];
  const ids = new Set(batches.map((b) => b.id));
  lines.push('', `Stored in ${info.storeName} (${info.seconds.toFixed(1)} s):`);
  for (const b of batches) {
    lines.push(`  batch ${b.id}: ${b.total ?? '?'} records, ${b.accepted} accepted, ${b.rejected} rejected, ${b.claims} claims`);
  }
  const claims = (await Promise.all([...ids].map((id) => store.claims({ batch: id, limit: 100_000 })))).flat();
  const papers = new Set(claims.map((c) => c.paperId));
  const byKind = new Map<string, number>();
  for (const c of claims) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  lines.push(
    `  papers with claims: ${papers.size}; claims: ${claims.length}` +
      (byKind.size ? ` (${[...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ')})` : ''),
  );
  for (const b of batches) {
    for (const r of await store.rejections(b.id, 20)) lines.push(`  rejected ${formatRejection(r)}`);
  }
  const counts = await store.counts();
  lines.push(`  store totals: ${counts.papers} papers, ${counts.claims} claims, ${counts.batches} batches`, '');
  if (claims.length) {
    lines.push(`${'kind'.padEnd(14)} ${'value'.padStart(12)}  ${'as written'.padEnd(22)} metric`);
    for (const c of claims.slice(0, MAX_ROWS)) {
      lines.push(`${c.kind.padEnd(14)} ${fmtValue(c).padStart(12)}  ${c.text.slice(0, 22).padEnd(22)} ${c.metric ?? ''}`);
    }
    if (claims.length > MAX_ROWS) lines.push(`… and ${claims.length - MAX_ROWS} more: claims query --format table`);
  }
  out.write(lines.join('\n') + '\n');
}
