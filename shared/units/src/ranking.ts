// Which way is better for a claim's value, so a leaderboard ranks in the
// right direction: higher accuracy first, lower latency first.
import type { CanonicalUnit, ClaimKind } from '@claimflow/schemas';
import type { Better } from './metrics-table.js';
import { metricKeyInfo } from './metric-keys.js';

/** Factors and deltas are normalized so that more is better (a 2x speedup, +1.2 pp). */
const HIGHER_KINDS: ClaimKind[] = ['speedup', 'efficiency', 'quality_delta'];
/** Rates: more per second is better. */
const HIGHER_UNITS: CanonicalUnit[] = ['fps', 'tok/s', 'FLOP/s'];
/** Amounts of a resource: less is better. */
const LOWER_UNITS: CanonicalUnit[] = ['s', 'B', 'J', 'W', 'USD', 'GPUh', 'FLOPs', 'params'];

/** The better direction for claims of this kind and unit about this canonical metric. */
export function betterDirection(kind: ClaimKind, unit: CanonicalUnit, metricKey: string | null): Better {
  if (HIGHER_KINDS.includes(kind)) return 'higher';
  if (HIGHER_UNITS.includes(unit)) return 'higher';
  if (LOWER_UNITS.includes(unit)) return 'lower';
  return (metricKey && metricKeyInfo(metricKey)?.better) || 'higher';
}
