import type { ClaimRecord, StoredClaim } from '@claimflow/schemas';

/** A claims row as SELECT * returns it. */
export interface ClaimRow {
  id: string;
  paper_id: string;
  kind: ClaimRecord['kind'];
  span_start: number;
  span_end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: ClaimRecord['unit'];
  qualifier: ClaimRecord['qualifier'];
  raw: ClaimRecord['raw'];
  metric: string | null;
  baseline: string | null;
  setting: string | null;
  sentence: string | null;
  extractor_version: string;
  metric_key: string | null;
  setting_keys: string[] | string | null;
  baseline_key: string | null;
  confidence: number | null;
}

/** PGlite and pg both return text[] as an array; a literal '{a,b}' is read too, to be safe. */
function textArray(v: string[] | string | null): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
}

export const CLAIM_COLUMNS =
  'id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw, metric, baseline, setting, sentence, extractor_version, metric_key, setting_keys, baseline_key, confidence';

export function claimFromRow(r: ClaimRow): StoredClaim {
  return {
    id: r.id,
    paperId: r.paper_id,
    kind: r.kind,
    span: [r.span_start, r.span_end],
    text: r.text,
    value: r.value,
    low: r.low,
    high: r.high,
    unit: r.unit,
    qualifier: r.qualifier,
    raw: typeof r.raw === 'string' ? JSON.parse(r.raw) : r.raw,
    metric: r.metric,
    baseline: r.baseline,
    setting: r.setting,
    sentence: r.sentence,
    extractorVersion: r.extractor_version,
    metricKey: r.metric_key,
    settingKeys: textArray(r.setting_keys),
    baselineKey: r.baseline_key,
    confidence: r.confidence == null ? null : Number(r.confidence),
  };
}
