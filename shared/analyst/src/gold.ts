import type { Sql } from '@claimflow/store';

/** One line of the contract's gold format (shared/spec/claims.md, "The gold files"). */
export interface GoldLine {
  paperId: string;
  raw: string;
  occurrence: number;
  kind: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  qualifier: string;
  metric: string | null;
  baseline: string | null;
  setting: string | null;
  accept: null;
}

/** Which occurrence of `raw` in the abstract starts at `start` (1 = first). */
function occurrenceAt(abstract: string, raw: string, start: number): number {
  let n = 0;
  for (let at = abstract.indexOf(raw); at >= 0 && at <= start; at = abstract.indexOf(raw, at + 1)) n++;
  return Math.max(1, n);
}

/**
 * Gold lines for every paper an analyst corrected: all of its claims as they
 * stand corrected (a gold file lists a paper's every claim, so a corrected
 * paper is whole development data), in abstract order.
 */
export async function correctedGold(sql: Sql): Promise<GoldLine[]> {
  const rows = await sql.query<{ paper_id: string; abstract: string; text: string; span_start: number; kind: string; value: number | null; low: number | null; high: number | null; unit: string; qualifier: string; metric: string | null; baseline: string | null; setting: string | null }>(
    `SELECT c.paper_id, p.abstract, c.text, c.span_start, c.kind, c.value, c.low, c.high, c.unit, c.qualifier, c.metric, c.baseline, c.setting
     FROM claims c JOIN papers p ON p.id = c.paper_id
     WHERE c.paper_id IN (SELECT paper_id FROM claim_corrections WHERE undone_at IS NULL)
     ORDER BY c.paper_id, c.span_start, c.span_end, c.kind`,
  );
  return rows.map((r) => ({
    paperId: r.paper_id, raw: r.text, occurrence: occurrenceAt(r.abstract, r.text, r.span_start), kind: r.kind, value: r.value, low: r.low, high: r.high,
    unit: r.unit, qualifier: r.qualifier, metric: r.metric, baseline: r.baseline, setting: r.setting, accept: null,
  }));
}
