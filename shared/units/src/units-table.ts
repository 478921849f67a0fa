// Measurement units as authors write them, with the SI prefix folded into a
// scale so that "1.5 MB" and "1500 KB" normalize to the same number of bytes.
// To add a unit: add a row to MEASURE_UNITS (canonical unit from the contract,
// the written base forms, which prefixes it takes, and its own scale).
import type { CanonicalUnit } from '@claimflow/schemas';

type PrefixSet = 'none' | 'decimal-short' | 'decimal-long' | 'si' | 'si-long' | 'bytes' | 'count';

interface UnitRow {
  /** Canonical unit of the contract. */
  unit: CanonicalUnit;
  /** Base spellings, exactly as written (case matters: "MB" is not "mb"). */
  forms: string[];
  /** Which prefixes may be glued in front of the base forms. */
  prefixes: PrefixSet;
  /** Multiplier of the base form itself (e.g. a day is 86400 s). */
  scale: number;
}

const PREFIXES: Record<PrefixSet, Record<string, number>> = {
  none: { '': 1 },
  'decimal-short': { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 },
  'decimal-long': { '': 1, kilo: 1e3, mega: 1e6, giga: 1e9, tera: 1e12, peta: 1e15, exa: 1e18 },
  // energy and power go both ways: "12 mJ", "2.4 µW" (Greek mu is cleaned to the micro sign), "3 kW"
  si: { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3, 'µ': 1e-6, u: 1e-6, n: 1e-9, p: 1e-12 },
  'si-long': { '': 1, kilo: 1e3, mega: 1e6, giga: 1e9, milli: 1e-3, micro: 1e-6, nano: 1e-9, pico: 1e-12 },
  bytes: { K: 1e3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 },
  count: { '': 1 },
};

export const MEASURE_UNITS: UnitRow[] = [
  { unit: 'B', forms: ['B'], prefixes: 'bytes', scale: 1 },
  { unit: 'B', forms: ['bytes'], prefixes: 'decimal-long', scale: 1 },
  { unit: 's', forms: ['ms', 'msec', 'milliseconds', 'millisecond'], prefixes: 'none', scale: 1e-3 },
  { unit: 's', forms: ['µs', 'μs', 'us', 'microseconds'], prefixes: 'none', scale: 1e-6 },
  { unit: 's', forms: ['ns', 'nanoseconds'], prefixes: 'none', scale: 1e-9 },
  { unit: 's', forms: ['s', 'sec', 'secs', 'seconds', 'second'], prefixes: 'none', scale: 1 },
  { unit: 's', forms: ['min', 'mins', 'minutes', 'minute'], prefixes: 'none', scale: 60 },
  { unit: 's', forms: ['h', 'hrs', 'hours', 'hour'], prefixes: 'none', scale: 3600 },
  { unit: 's', forms: ['days', 'day'], prefixes: 'none', scale: 86400 },
  // a tracker or a camera pipeline "operates at 60 Hz": frames per second
  { unit: 'fps', forms: ['FPS', 'fps', 'frames per second', 'frames/s', 'frame/s', 'frames/sec', 'frames/second', 'Hz'], prefixes: 'none', scale: 1 },
  { unit: 'tok/s', forms: ['tokens/s', 'tok/s', 'tokens per second', 'tokens/sec', 'tok/sec', 'tokens/second', 'token/s', 'words per second', 'words per seconds', 'words/s'], prefixes: 'none', scale: 1 },
  { unit: 'FLOP/s', forms: ['FLOPs/second', 'FLOPs/s', 'FLOP/s', 'FLOPS/s', 'FLOPS', 'FLOPs per second'], prefixes: 'decimal-short', scale: 1 },
  { unit: 'FLOP/s', forms: ['FLOPs/second', 'FLOPs/s', 'FLOP/s', 'FLOPS', 'FLOPs per second'], prefixes: 'decimal-long', scale: 1 },
  { unit: 'FLOPs', forms: ['FLOPs', 'FLOP'], prefixes: 'decimal-short', scale: 1 },
  { unit: 'FLOPs', forms: ['FLOPs', 'FLOP'], prefixes: 'decimal-long', scale: 1 },
  // multiply-accumulates are reported as written: papers use "MACs" and "FLOPs" loosely
  { unit: 'FLOPs', forms: ['MACs'], prefixes: 'decimal-short', scale: 1 },
  { unit: 'params', forms: ['parameters', 'params'], prefixes: 'count', scale: 1 },
  { unit: 'J', forms: ['J'], prefixes: 'si', scale: 1 },
  { unit: 'J', forms: ['joules', 'joule'], prefixes: 'si-long', scale: 1 },
  { unit: 'J', forms: ['Wh'], prefixes: 'si', scale: 3600 },
  { unit: 'W', forms: ['W'], prefixes: 'si', scale: 1 },
  { unit: 'W', forms: ['watts', 'watt'], prefixes: 'si-long', scale: 1 },
  { unit: 'USD', forms: ['USD', 'dollars', '$'], prefixes: 'none', scale: 1 },
  { unit: 'GPUh', forms: ['GPU-hours', 'GPU hours', 'GPU-hour', 'GPU hour', 'GPUh', 'GPU-hrs', 'GPU hrs'], prefixes: 'none', scale: 1 },
  // hours of a named accelerator are GPU-hours: "40 A100-hours", "12 H100 GPU hours"
  { unit: 'GPUh', forms: ['A100', 'H100', 'H800', 'H200', 'V100', 'A800', 'L40S', 'B200'].flatMap((gpu) => [`${gpu}-hours`, `${gpu} hours`, `${gpu} GPU hours`, `${gpu} GPU-hours`]), prefixes: 'none', scale: 1 },
  { unit: 'GPUh', forms: ['GPU-days', 'GPU days'], prefixes: 'none', scale: 24 },
];

/** Count words that scale a count: "3.1M parameters", "7 billion parameters", "600M FLOPs". */
export const COUNT_MULTIPLIERS: Record<string, number> = {
  K: 1e3, k: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

export interface UnitReading {
  unit: CanonicalUnit;
  scale: number;
}

const READINGS = new Map<string, UnitReading>();
for (const row of MEASURE_UNITS) {
  for (const [prefix, factor] of Object.entries(PREFIXES[row.prefixes])) {
    for (const form of row.forms) {
      const written = prefix + form;
      if (!READINGS.has(written)) READINGS.set(written, { unit: row.unit, scale: factor * row.scale });
    }
  }
}

/** Every written measurement unit, longest first (for building a scanner alternation). */
export const WRITTEN_UNITS: string[] = [...READINGS.keys()].sort((a, b) => b.length - a.length);

/**
 * Reads a unit as written. Parameter counts may carry a count word in front
 * ("M parameters", "billion params"); spaces inside are collapsed first.
 */
export function readUnit(written: string): UnitReading | null {
  const w = written.trim().replace(/\s+/g, ' ');
  const direct = READINGS.get(w);
  if (direct) return direct;
  const counted = /^(\S+) ?(parameters|params|FLOPs|MACs)$/.exec(w);
  if (counted && counted[1] in COUNT_MULTIPLIERS) {
    return { unit: /FLOPs|MACs/.test(counted[2]) ? 'FLOPs' : 'params', scale: COUNT_MULTIPLIERS[counted[1]] };
  }
  return null;
}

/**
 * Factor words whose written number is not the factor itself: "two orders of
 * magnitude" is written 2 and means 100. Every other factor unit ("x", "times",
 * "fold", "twice", "half") means the number as written.
 */
export const FACTOR_UNIT_READINGS: Record<string, (written: number) => number> = {
  'orders of magnitude': (n) => 10 ** n,
};

export function readFactor(unit: string, written: number): number {
  return FACTOR_UNIT_READINGS[unit]?.(written) ?? written;
}
