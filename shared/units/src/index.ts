// Placeholder until the units library lands: see shared/units/README (issue 3).
import type { ClaimDraft, ClaimRecord } from '@claimflow/schemas';

export type Normalized = Pick<ClaimRecord, 'value' | 'low' | 'high' | 'unit'>;

/** Turns a draft's raw quantity into the contract's canonical value and unit; null drops the draft. */
export function normalizeDraft(draft: ClaimDraft): Normalized | null {
  const { value, low, high } = draft.raw;
  return { value, low, high, unit: 'x' };
}

/** The contract's output record for one draft of one paper. */
export function toClaimRecord(paperId: string, draft: ClaimDraft): ClaimRecord | null {
  const n = normalizeDraft(draft);
  if (!n) return null;
  const { raw, ...rest } = draft;
  return { paperId, ...rest, ...n, raw: { value: raw.value, low: raw.low, high: raw.high, unit: raw.unit } };
}
