import { ClaimRecord } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';

export function readClaimsJsonl(text: string): ClaimRecord[] {
  return text.split('\n').filter(Boolean).map((l) => ClaimRecord.parse(JSON.parse(l)));
}

/** What must agree between a stored claim and `claims extract`: identity, span and normalized value. */
export function claimKey(c: ClaimRecord): string {
  return JSON.stringify([c.paperId, c.span, c.kind, c.text, c.value, c.low, c.high, c.unit, c.qualifier]);
}

export async function storedClaims(store: Store, batch?: string): Promise<ClaimRecord[]> {
  return store.claims({ batch, limit: 1_000_000 });
}
