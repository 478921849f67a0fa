import type { StoredClaim } from '@claimflow/schemas';

/** Stored numbers, as the API has them: what the title of a value shows on hover. */
export const num = (v: number) => (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(+v.toPrecision(4)));
const short = (v: number) => String(+v.toPrecision(3));

/** Scales of a unit, largest first: the first whose size the value reaches names it. */
const SCALES: Record<string, [number, string][]> = {
  s: [[86400, 'days'], [3600, 'h'], [60, 'min'], [1, 's'], [1e-3, 'ms'], [1e-6, 'µs'], [1e-9, 'ns']],
  B: [[1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'KB'], [1, 'B']],
  'FLOP/s': [[1e18, 'EFLOP/s'], [1e15, 'PFLOP/s'], [1e12, 'TFLOP/s'], [1e9, 'GFLOP/s'], [1e6, 'MFLOP/s'], [1, 'FLOP/s']],
  FLOPs: [[1e18, 'EFLOPs'], [1e15, 'PFLOPs'], [1e12, 'TFLOPs'], [1e9, 'GFLOPs'], [1e6, 'MFLOPs'], [1, 'FLOPs']],
  params: [[1e12, 'T params'], [1e9, 'B params'], [1e6, 'M params'], [1e3, 'K params'], [1, 'params']],
  J: [[1e6, 'MJ'], [1e3, 'kJ'], [1, 'J'], [1e-3, 'mJ'], [1e-6, 'µJ']],
  W: [[1e6, 'MW'], [1e3, 'kW'], [1, 'W'], [1e-3, 'mW'], [1e-6, 'µW']],
  'tok/s': [[1e6, 'M tok/s'], [1e3, 'K tok/s'], [1, 'tok/s']],
};

/** One number in its unit, scaled for people: 6.91e5 s is "8 days", 2.9e6 B is "2.9 MB". */
export function humanNumber(v: number, unit: string): string {
  const scales = SCALES[unit];
  if (!scales) {
    if (unit === 'x') return `${short(v)}×`;
    if (unit === '%') return `${short(v)}%`;
    if (unit === 'USD') return `$${short(v)}`;
    return `${short(v)}${unit === 'abs' ? '' : ` ${unit}`}`;
  }
  const a = Math.abs(v);
  const [size, name] = scales.find(([s]) => a >= s) ?? scales[scales.length - 1];
  return `${short(v / size)} ${name}`;
}

type Valued = Pick<StoredClaim, 'value' | 'low' | 'high' | 'unit' | 'kind'> & Partial<Pick<StoredClaim, 'metric' | 'metricKey'>>;

/** "3.5×", "2–4×", "+1.2 pp accuracy", "8 days": the normalized value in human units; quality figures name their metric. */
export function formatValue(c: Valued): string {
  const signed = (v: number) => (c.kind === 'quality_delta' && v > 0 ? `+${humanNumber(v, c.unit)}` : humanNumber(v, c.unit));
  const body = c.value != null ? signed(c.value) : c.low != null && c.high != null ? `${signed(c.low)} – ${signed(c.high)}` : '?';
  const metric = c.kind === 'quality_delta' || c.kind === 'quality_value' ? (c.metricKey ?? c.metric) : null;
  return metric ? `${body} ${metric}` : body;
}

/** The value as stored: for the title a value shows on hover. */
export function storedValue(c: Valued): string {
  const v = c.value != null ? num(c.value) : c.low != null && c.high != null ? `${num(c.low)}–${num(c.high)}` : '?';
  return `stored: ${v} ${c.unit}`;
}

/**
 * The contract's units and qualifiers, as the filter form offers them. Kept
 * here rather than imported, so the page does not bundle zod with the
 * schemas; test/api/web-vocabulary.test.ts holds them equal to the schemas'.
 */
export const UNITS = ['x', 'pp', '%', 'abs', 'B', 's', 'fps', 'tok/s', 'params', 'FLOPs', 'FLOP/s', 'J', 'W', 'USD', 'GPUh'] as const;
export const QUALIFIER_LIST = ['exact', 'approximate', 'upper_bound', 'lower_bound', 'average'] as const;

export const KIND_LABELS: Record<string, string> = {
  speedup: 'speedup',
  efficiency: 'efficiency',
  quality_delta: 'quality Δ',
  quality_value: 'quality',
  measurement: 'measurement',
};

/** A batch as people tell batches apart: name and date. */
export const batchLabel = (b: { name: string; createdAt: string }) => `${b.name} · ${b.createdAt.slice(0, 16).replace('T', ' ')}`;
