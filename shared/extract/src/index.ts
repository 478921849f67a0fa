// Placeholder until the extractor lands (issue 3).
import type { ClaimDraft, ClaimRecord } from '@claimflow/schemas';
import { toClaimRecord } from '@claimflow/units';

export const EXTRACTOR_VERSION = '0.0.0';

export function extractDrafts(text: string): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?[x×]/g)) {
    const start = m.index;
    out.push({
      kind: 'speedup', span: [start, start + m[0].length], text: m[0], qualifier: 'exact',
      raw: { value: Number(m[1]), low: null, high: null, unit: 'x', relation: null },
      metric: null, baseline: null, setting: null, sentence: null,
    });
  }
  return out;
}

/** Extraction and normalization together: the contract's records for one abstract. */
export function extractClaims(paperId: string, text: string): ClaimRecord[] {
  return extractDrafts(text).flatMap((d) => toClaimRecord(paperId, d) ?? []);
}
