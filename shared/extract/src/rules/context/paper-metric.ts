// The metric of a quality change the sentence leaves unnamed ("improves prior
// work by 1.2%"), from the rest of the abstract: when every quality figure the
// abstract names is of one metric, that is the metric the paper reports.
import type { ClaimDraft } from '@claimflow/schemas';
import { metricScale, metricsIn } from '@claimflow/units';
import { UNNAMED_QUALITY } from './metric.js';

const QUALITY_KINDS = new Set(['quality_delta', 'quality_value']);

/** The drafts with each unnamed quality change named by the paper's one metric, where it has one (on a percent scale, so no unit changes). */
export function withPaperMetric(drafts: ClaimDraft[]): ClaimDraft[] {
  const named = new Set<string>();
  for (const d of drafts) {
    if (!QUALITY_KINDS.has(d.kind) || !d.metric || isUnnamed(d)) continue;
    if (metricsIn(d.metric).some((m) => !m.vague)) named.add(d.metric.toLowerCase());
  }
  if (named.size !== 1) return drafts;
  const metric = drafts.find((d) => d.metric?.toLowerCase() === [...named][0])!.metric!;
  if (metricScale(metric) !== 'percent') return drafts;
  return drafts.map((d) => (isUnnamed(d) ? { ...d, metric: d.metric!.replace(UNNAMED_QUALITY, metric) } : d));
}

/** A quality change given the default name: "performance" where the sentence never says it. */
function isUnnamed(d: ClaimDraft): boolean {
  return d.kind === 'quality_delta' && !!d.metric?.startsWith(UNNAMED_QUALITY) && !/\bperformance\b/i.test(d.sentence ?? '');
}
