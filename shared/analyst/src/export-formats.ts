import type { ClaimView } from '@claimflow/schemas';

/** One flat row per claim: the columns of the CSV and Parquet exports, in order. */
export const EXPORT_COLUMNS = [
  'id', 'paper_id', 'paper_title', 'kind', 'text', 'value', 'low', 'high', 'unit', 'qualifier',
  'metric', 'baseline', 'setting', 'sentence', 'span_start', 'span_end', 'raw_value', 'raw_unit',
  'extractor_version', 'created_at', 'metric_key', 'setting_keys', 'baseline_key', 'better', 'confidence',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type FlatClaim = Record<ExportColumn, string | number | null>;

export function flattenClaim(c: ClaimView): FlatClaim {
  return {
    id: c.id,
    paper_id: c.paperId,
    paper_title: c.paperTitle,
    kind: c.kind,
    text: c.text,
    value: c.value,
    low: c.low,
    high: c.high,
    unit: c.unit,
    qualifier: c.qualifier,
    metric: c.metric,
    baseline: c.baseline,
    setting: c.setting,
    sentence: c.sentence,
    span_start: c.span[0],
    span_end: c.span[1],
    raw_value: c.raw.value,
    raw_unit: c.raw.unit,
    extractor_version: c.extractorVersion,
    created_at: c.createdAt,
    metric_key: c.metricKey,
    // A list in one field: a JSON array, which spreadsheets show as text and every language parses.
    setting_keys: JSON.stringify(c.settingKeys),
    baseline_key: c.baselineKey,
    // The direction the value ranks in, so a ranking can be rebuilt from the export alone.
    better: c.better,
    confidence: c.confidence ?? null,
  };
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. Null is empty. */
export function csvField(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(',')}\r\n`;

export function csvLine(c: ClaimView): string {
  const flat = flattenClaim(c);
  return `${EXPORT_COLUMNS.map((k) => csvField(flat[k])).join(',')}\r\n`;
}

export const jsonLine = (c: ClaimView) => `${JSON.stringify(c)}\n`;

/**
 * Text chunks of an export, for a stream: the header, then a chunk per
 * `batch` claims (one write per claim would dominate the cost).
 */
export async function* exportChunks(claims: AsyncIterable<ClaimView>, format: 'csv' | 'jsonl', batch = 200): AsyncGenerator<string> {
  const line = format === 'csv' ? csvLine : jsonLine;
  let chunk = format === 'csv' ? csvHeader() : '';
  let n = 0;
  for await (const c of claims) {
    chunk += line(c);
    if (++n % batch === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
