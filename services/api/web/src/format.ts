import type { StoredClaim } from '@claimflow/schemas';

const num = (v: number) => (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(+v.toPrecision(4)));

const UNIT_SUFFIX: Record<string, (s: string) => string> = {
  x: (s) => `${s}×`,
  '%': (s) => `${s}%`,
  pp: (s) => `${s} pp`,
};

/** "3.5×", "2–4×", "+1.2 pp", "0.76 MB" style: the normalized value with its unit. */
export function formatValue(c: Pick<StoredClaim, 'value' | 'low' | 'high' | 'unit' | 'kind'>): string {
  const signed = (v: number) => (c.kind === 'quality_delta' && v > 0 ? `+${num(v)}` : num(v));
  const body = c.value != null ? signed(c.value) : c.low != null && c.high != null ? `${signed(c.low)}–${signed(c.high)}` : '?';
  return (UNIT_SUFFIX[c.unit] ?? ((s: string) => `${s} ${c.unit}`))(body);
}

export const KIND_LABELS: Record<string, string> = {
  speedup: 'speedup',
  efficiency: 'efficiency',
  quality_delta: 'quality Δ',
  quality_value: 'quality',
  measurement: 'measurement',
};
