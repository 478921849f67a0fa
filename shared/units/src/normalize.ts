// The contract's normalization (../../../shared/spec/claims.md, "Normalized value
// and unit"): a draft's raw quantity and relation become value/low/high + unit.
import type { CanonicalUnit, ClaimDraft, ClaimRecord } from '@claimflow/schemas';
import { metricIsGeneric, metricScale, metricsIn } from './metrics-table.js';
import { RELATIONS, RELATIVE_SUFFIX, isRelation, type Relation } from './relations.js';
import { readFactor, readUnit } from './units-table.js';

export type Normalized = Pick<ClaimRecord, 'value' | 'low' | 'high' | 'unit'>;

/** Written forms of percentage points and of "points". */
const POINT_UNITS = new Set(['pp', 'points', 'point', 'pts', 'pt', 'percentage points', 'percentage point', 'p.p.']);
const PERCENT_UNITS = new Set(['%', 'percent', '\\%']);

function splitRelation(relation: string | null): { base: Relation; relative: boolean } | null {
  const rel = relation ?? 'value';
  const relative = rel.endsWith(RELATIVE_SUFFIX);
  const base = relative ? rel.slice(0, -RELATIVE_SUFFIX.length) : rel;
  return isRelation(base) ? { base, relative } : null;
}

/** Which canonical unit a quality figure takes: pp for percent-scale metrics, % when relative, abs otherwise. */
function qualityUnit(draft: ClaimDraft, relative: boolean): CanonicalUnit {
  const written = draft.raw.unit.trim();
  if (draft.kind === 'quality_value') return PERCENT_UNITS.has(written) ? '%' : 'abs';
  const scale = metricScale(draft.metric);
  // a relative factor, expressed as a percent gain: "a 2x higher rate", "doubles the success rate", "twice the mAP"
  if (written === 'x' || draft.raw.relation === 'relative-factor') return '%';
  // a change of more than 100 points is impossible on a percent scale: it is relative to the baseline ("+130%")
  const beyondScale = Math.max(Math.abs(draft.raw.value ?? 0), Math.abs(draft.raw.high ?? 0)) > 100;
  if (PERCENT_UNITS.has(written)) return relative || beyondScale || unknownMeasure(draft.metric) || (scale === 'native' && !metricIsGeneric(draft.metric)) ? '%' : 'pp';
  if (POINT_UNITS.has(written)) return scale === 'native' && !metricIsGeneric(draft.metric) ? 'abs' : 'pp'; // "IFEval score +8.4 points" 
  // a bare change too small to be percentage points ("ROC-AUC +0.012") is on the metric's 0-1 scale
  const magnitude = Math.abs(draft.raw.value ?? draft.raw.high ?? 0);
  if (draft.kind === 'quality_delta' && written === '' && magnitude > 0 && magnitude < 0.1) return 'abs';
  return scale === 'native' ? 'abs' : 'pp';
}

/**
 * "a 35% gain in OOD generalization", "68% better hallucination mitigation":
 * a measure no metric row knows has no percent scale the figure could be
 * points of, so its percent is a relative change. An unnamed change
 * ("performance") is read as points, the common case.
 */
function unknownMeasure(metric: string | null): boolean {
  return !!metric && metricsIn(metric).length === 0;
}

function unitAndScale(draft: ClaimDraft, relative: boolean): { unit: CanonicalUnit; scale: number } | null {
  switch (draft.kind) {
    case 'speedup':
    case 'efficiency':
      return { unit: 'x', scale: 1 };
    case 'quality_delta':
    case 'quality_value':
      return { unit: qualityUnit(draft, relative), scale: 1 };
    case 'measurement': {
      if (PERCENT_UNITS.has(draft.raw.unit.trim())) return { unit: '%', scale: 1 };
      return readUnit(draft.raw.unit);
    }
  }
}

const round = (n: number) => Number(n.toPrecision(10));

/** Turns a draft's raw quantity into the contract's canonical value and unit; null drops the draft. */
export function normalizeDraft(draft: ClaimDraft): Normalized | null {
  const rel = splitRelation(draft.raw.relation);
  const target = unitAndScale(draft, rel?.relative ?? false);
  if (!rel || !target) return null;
  const convert = (n: number | null) => {
    if (n == null) return null;
    const v = RELATIONS[rel.base](readFactor(draft.raw.unit, n)) * target.scale;
    return Number.isFinite(v) ? round(v) : null;
  };
  const { value, low, high } = draft.raw;
  if (value != null) {
    const v = convert(value);
    return v == null ? null : { value: v, low: null, high: null, unit: target.unit };
  }
  const a = convert(low);
  const b = convert(high);
  if (a == null || b == null) return null;
  return { value: null, low: Math.min(a, b), high: Math.max(a, b), unit: target.unit };
}

/** The contract's output record for one draft of one paper. */
export function toClaimRecord(paperId: string, draft: ClaimDraft): ClaimRecord | null {
  const n = normalizeDraft(draft);
  if (!n) return null;
  const { raw, kind, span, text, qualifier, metric, baseline, setting, sentence, confidence } = draft;
  return {
    paperId, kind, span, text, ...n, qualifier,
    raw: { value: raw.value, low: raw.low, high: raw.high, unit: raw.unit },
    metric, baseline, setting, sentence, confidence,
  };
}
