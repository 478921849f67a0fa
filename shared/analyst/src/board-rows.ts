import type { ClaimView, LeaderboardRow, RowSetting } from '@claimflow/schemas';
import { settingCategory } from '@claimflow/units';
import { claimViewFromRow, type ClaimViewRow } from './claim-rows.js';
import { paperLinks } from './links.js';

/** A claim row of a board query: the claim, its paper's metadata, and the value it ranks by on the board's scale. */
export type RankedRow = ClaimViewRow & {
  metadata: Record<string, unknown> | string | null;
  /** The paper's publication date (ISO prefix) and year: papers.published and papers.year (migration 051). */
  published: string | null;
  year: number | null;
  rank_value: number;
  low_confidence: boolean | null;
};

/** The paper columns every board query selects with CLAIM_VIEW_COLUMNS. */
export const BOARD_PAPER_COLUMNS = 'p.metadata, p.published, p.year';

const QUALIFIER_PREFIX: Record<ClaimView['qualifier'], string> = { exact: '', approximate: '≈ ', upper_bound: 'up to ', lower_bound: '≥ ', average: 'avg ' };
const short = (v: number) => String(+v.toPrecision(3));

/** One number in its unit as people read it: 3.1×, +1.2 pp, 76.1%, 12 ms. */
function amount(v: number, unit: string, signed: boolean): string {
  const sign = signed && v > 0 ? '+' : '';
  if (unit === 'x') return `${short(v)}×`;
  if (unit === '%') return `${sign}${short(v)}%`;
  if (unit === 'abs') return `${sign}${short(v)}`;
  if (unit === 's' && Math.abs(v) < 1) return `${short(v * 1000)} ms`;
  return `${sign}${short(v)} ${unit}`;
}

/** The ranked value with its qualifier: "up to 3.1×", "≥ 2×", "≈ 12 ms"; a range as written ("2–4×"). */
export function displayValue(c: Pick<ClaimView, 'value' | 'low' | 'high' | 'qualifier' | 'kind' | 'unit'>, value: number, unit: string): string {
  const signed = c.kind === 'quality_delta';
  const body = c.value == null && c.low != null && c.high != null && unit === c.unit
    ? `${amount(c.low, unit, signed)}–${amount(c.high, unit, signed)}`
    : amount(value, unit, signed);
  return `${QUALIFIER_PREFIX[c.qualifier] ?? ''}${body}`;
}

type Unit = ClaimView['unit'];

/** The setting keys of a claim by what they name; the free text too. */
export function rowSetting(c: Pick<ClaimView, 'settingKeys' | 'setting'>): RowSetting {
  const of = (...cats: string[]) => c.settingKeys.filter((k) => cats.includes(settingCategory(k) ?? 'model'));
  return { datasets: of('dataset', 'benchmark'), models: of('model'), hardware: of('hardware'), text: c.setting };
}

/** A board's row from its query row; rank is the caller's (null: not ranked). */
export function boardRow(r: RankedRow, rank: number | null, unit: Unit): LeaderboardRow {
  const claim = claimViewFromRow(r);
  const metadata = typeof r.metadata === 'string' ? JSON.parse(r.metadata) : r.metadata;
  return {
    rank,
    paperId: r.paper_id,
    paperTitle: r.paper_title,
    year: r.year,
    published: r.published,
    value: r.rank_value,
    display: displayValue(claim, r.rank_value, unit),
    metric: claim.metric,
    setting: rowSetting(claim),
    baseline: claim.baseline,
    baselineKey: claim.baselineKey,
    confidence: claim.confidence ?? null,
    lowConfidence: r.low_confidence === true,
    claim,
    links: paperLinks(r.paper_id, metadata),
  };
}
