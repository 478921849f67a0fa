// A change reported for several settings in one run: "outperforms X by 7.3% in
// NDCG@10, 4.7% in Recall@10 and 8.4% in MRR", "beats A by 4% and B by 3%",
// "improved by 7.2% on A, and by 3.3% on B". Each later figure repeats the
// first one's kind of change; only the metric or the setting differs.
import { categoryCue, DIRECTION_OF, meaning, type Decision, type Reading } from './reading.js';

/** What may stand between two figures of one run: a setting or a new object, then a list joint, then "by". */
const LIST_JOINT = /(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?:[^,;()]{0,60}?\s+)?(?:by\s+)?$/i;
/** Words that start a new statement rather than continue the run. */
const NEW_STATEMENT =
  /\b(?:achiev|reach|obtain|attain|scor|while|whereas|which|with|from|is|are|was|were|has|have|yield|deliver|requir|using|uses|reduc|increas|cut|sav|lower|rais|ris|fall|drop|leading|resulting|at the cost)\w*|\bto\b(?<!compared to)/i;

export function continuesRun(r: Reading): Decision | null {
  const { previous, gap } = r;
  if (previous?.kind !== 'quality_delta' || gap == null || r.q.signed) return null;
  if (r.q.unit !== r.previousUnit || !LIST_JOINT.test(gap) || gap.length > 120) return null;
  if (NEW_STATEMENT.test(gap.replace(/\bcompared (?:to|with)\b/gi, ''))) return null;
  // a figure with its own direction or its own kind of measure ("and 3x faster") is a statement of its own
  if (r.window.right.slice(0, 2).some((h) => DIRECTION_OF[h.tag])) return null;
  const own = categoryCue(r.window);
  if (own && own.start >= r.q.end && meaning(own)?.category !== 'quality') return null;
  const metric = own && own.start >= r.q.end && own.tag === 'QualityMetric' ? own : previous.metricCue;
  return { ...previous, metricCue: metric };
}
