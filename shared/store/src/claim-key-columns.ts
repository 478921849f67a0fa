import type { ClaimRecord } from '@claimflow/schemas';
import { betterDirection, claimKeys, KEYS_VERSION, type ClaimKeys } from '@claimflow/units';

/** What the key columns of one claim hold (migration 020). */
export interface KeyColumns {
  metric_key: string | null;
  setting_keys: string[];
  baseline_key: string | null;
  better: 'higher' | 'lower';
  keys_version: string;
}

type KeySource = Pick<ClaimRecord, 'kind' | 'unit' | 'metric' | 'setting' | 'baseline' | 'sentence' | 'text'>;

/** A claim's canonical keys, computed from its own text by the units library's tables. */
export function keyColumns(c: KeySource, keysOf: (c: KeySource) => ClaimKeys = claimKeys): KeyColumns {
  const keys = keysOf(c);
  return {
    metric_key: keys.metricKey,
    setting_keys: keys.settingKeys,
    baseline_key: keys.baselineKey,
    better: betterDirection(c.kind, c.unit, keys.metricKey),
    keys_version: KEYS_VERSION,
  };
}

export { KEYS_VERSION };
