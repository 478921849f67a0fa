// @claimflow/extract: quantitative result claims from abstract text.
// Contract: ../../../shared/spec/claims.md (kept in ../shared/spec relative to the repo).
import type { ClaimDraft, ClaimRecord } from '@claimflow/schemas';
import { toClaimRecord } from '@claimflow/units';
import { extractDrafts } from './extract.js';

/** Bump when rules change the output. */
export const EXTRACTOR_VERSION = '1.3.0';

export { extractDrafts };

/** Extraction and normalization together: the contract's records for one abstract. */
export function extractClaims(paperId: string, text: string): ClaimRecord[] {
  return extractDrafts(text).flatMap((d: ClaimDraft) => toClaimRecord(paperId, d) ?? []);
}
