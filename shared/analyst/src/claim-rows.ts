import type { ClaimView } from '@claimflow/schemas';
import { claimFromRow, type ClaimRow } from '@claimflow/store';
import { betterDirection } from '@claimflow/units';
import { evidenceFor } from './evidence.js';

/** A claims row joined with what the analyst views add. */
export interface ClaimViewRow extends ClaimRow {
  paper_title: string;
  /** created_at::text: keeps microseconds, which a JS Date would drop from the keyset cursor. */
  created_key: string;
  /** The claim's offset in its sentence, in code points (see evidenceFor). */
  offset_hint: number | null;
  /** coalesce(value_max, -Infinity) as the value sort sees it; null for -Infinity. */
  value_key: number | null;
}

/** The SELECT list behind every claim listing and export. */
export const CLAIM_VIEW_COLUMNS = `
  c.id, c.paper_id, c.kind, c.span_start, c.span_end, c.text, c.value, c.low, c.high, c.unit, c.qualifier, c.raw,
  c.metric, c.baseline, c.setting, c.sentence, c.extractor_version, c.metric_key, c.setting_keys, c.baseline_key, c.confidence,
  p.title AS paper_title,
  c.created_at::text AS created_key,
  CASE WHEN c.sentence IS NULL OR c.sentence = '' THEN NULL
       ELSE c.span_start - (strpos(p.abstract, c.sentence) - 1) END AS offset_hint,
  c.value_max AS value_key`;

export function claimViewFromRow(r: ClaimViewRow): ClaimView {
  return {
    ...claimFromRow(r),
    paperTitle: r.paper_title,
    createdAt: new Date(r.created_key).toISOString(),
    evidence: evidenceFor(r.sentence, r.text, r.offset_hint),
    better: betterDirection(r.kind, r.unit, r.metric_key),
  };
}
