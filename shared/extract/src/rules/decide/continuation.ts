// A change reported for several settings in one run: "outperforms X by 7.3% in
// NDCG@10, 4.7% in Recall@10 and 8.4% in MRR", "beats A by 4% and B by 3%",
// "improved by 7.2% on A, and by 3.3% on B". Each later figure repeats the
// first one's kind of change; only the metric or the setting differs.
import type { Category } from '../../lexicon/cues.js';
import { categoryCue, DIRECTION_OF, isSpecific, lowerIsBetter, meaning, type Decision, type Reading } from './reading.js';
import { measuredCategory } from './resources.js';

/** The changes a run can repeat, and the category of cue that names their measure. */
const CATEGORY_OF_KIND: Record<string, Category> = { quality_delta: 'quality', speedup: 'speed', efficiency: 'efficiency' };

/** What may stand between two figures of one run: a setting or a new object, then a list joint, then "by". */
const LIST_JOINT = /(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?:[^,;()]{0,60}?\s+)?(?:by\s+)?$/i;
/** The previous figure closed a parenthesis: "(+2.3%) on A and ". */
const PARENTHESIS_CLOSED = /^\s*\)/;
/** A change named right after the previous figure: "8.5% improvement in ...". */
const CHANGE_AFTER = /^\s*(?:absolute\s+|relative\s+|average\s+)?(?:improvements?|gains?|increases?|reductions?|decreases?|drops?|boosts?|lift|higher|lower|better|worse|more|less|fewer|faster|slower|smaller)\b/i;

/** Words that start a new statement rather than continue the run. */
const NEW_STATEMENT =
  /\b(?:achiev|reach|obtain|attain|scor|while|whereas|which|with|from|is|are|was|were|has|have|yield|deliver|requir|using|uses|reduc|increas|cut|sav|lower|rais|ris|fall|drop|leading|resulting|at the cost)\w*|\bto\b(?<!compared to)/i;

export function continuesRun(r: Reading): Decision | null {
  const { previous, gap } = r;
  if (!previous || !(previous.kind in CATEGORY_OF_KIND) || gap == null || r.q.signed || r.paired) return null;
  if (r.q.unit !== r.previousUnit || !LIST_JOINT.test(gap) || gap.length > 120) return null;
  // "91.2% (+2.3%) on A and 88.7% on B": the change in parentheses comments on the value before it; the run is the values'
  if (PARENTHESIS_CLOSED.test(gap)) return null;
  // "8.5% improvement in accuracy and 100% deadline satisfaction": the change noun came after the first figure; the next needs its own
  // unless this figure repeats the same change word: "1.4 higher than A and 2.9 higher than B" is one run
  const change = CHANGE_AFTER.exec(gap)?.[0].trim().toLowerCase();
  const repeats = !!change && CHANGE_AFTER.exec(r.after)?.[0].trim().toLowerCase() === change;
  if (change && !repeats) return null;
  if (NEW_STATEMENT.test(gap.replace(/\b(?:compared (?:to|with)|up to)\b/gi, ''))) return null;
  // a figure with its own direction or its own kind of measure ("and 3x faster") is a statement of its own
  if (!repeats && r.window.right.slice(0, 2).some((h) => DIRECTION_OF[h.tag])) return null;
  // a cue of its own: after the figure, or between the previous figure and this one
  const found = categoryCue(r.window);
  const own = found && found.start >= r.q.start - gap.length ? found : null;
  if (own && meaning(own)?.category !== CATEGORY_OF_KIND[previous.kind]) return null;
  const metric = own && isSpecific(own) ? own : previous.metricCue;
  return { ...previous, metricCue: metric };
}

/** The gap after a figure, up to `n` + 1 words (its noun, metric, setting), then `mark`: what stands between a figure and a comment on it. */
const wordsThen = (n: number, mark: string) => new RegExp(String.raw`^\s*(?:[\w@&.-]+\s+){0,${n}}?(?:[\w@&.-]+)?\s*` + mark);
/** Between a value and its signed change: the value's metric and setting (up to six words), then "(" or ",". */
const VALUE_THEN_CHANGE = wordsThen(5, String.raw`[(,]\s*$`);

/**
 * "from 37.4 to 41.0 (+3.6)", "an FID of 9.1 (-3.2)", "89.2% accuracy on X, +3.4 over Y": a signed figure right
 * after the previous claim's value (and its metric), in parentheses or after a comma, is the change of that metric;
 * its sign says which way it moved.
 */
export function parentheticalChange(r: Reading): Decision | null {
  const { previous, gap, q } = r;
  if (!q.signed || q.form !== 'bare' || previous?.kind !== 'quality_value' || !previous.metricCue || gap == null || !VALUE_THEN_CHANGE.test(gap)) return null;
  return { kind: 'quality_delta', relation: lowerIsBetter(previous.metricCue) ? 'drop' : 'gain', metricCue: previous.metricCue };
}

/** Between a measurement and its change: the measurement's noun (up to three words), then "(" ("3.1 GB of memory ("). */
const MEASURE_THEN_PARENTHESIS = wordsThen(3, String.raw`\(\s*$`);

/**
 * "26.8 FPS (+94%)", "3.1 GB of memory (-42%)": a signed percent in parentheses right after a measurement is that
 * measurement's change, a speedup or a saving by its unit; its sign says which way the measurement moved.
 */
export function changeOfMeasurement(r: Reading): Decision | null {
  const { q, previous, gap } = r;
  if (q.form !== 'percent' || !q.signed || previous?.kind !== 'measurement' || gap == null || !MEASURE_THEN_PARENTHESIS.test(gap) || !/^\s*\)/.test(r.after)) return null;
  const measured = measuredCategory(r.previousUnit);
  if (!measured) return null;
  // the sign is the value's: a rate's +N% is 1 + N/100 ('more'), a cost's -N% is 1 / (1 - N/100) ('costlier' of -N)
  return { kind: measured.category === 'speed' ? 'speedup' : 'efficiency', relation: measured.scale === 'rate' ? 'more' : 'costlier', metricCue: previous.metricCue };
}

/** Between a factor and a percent that restates it: the factor's noun and setting, then "(" ("2.04x speedup on X (7.2% ..."). */
const FACTOR_THEN_PARENTHESIS = wordsThen(7, String.raw`\(\s*(?:an?\s+)?$`);
/** A bare "improvement" that closes the parenthesis, naming no metric: "(7.2% improvement over the baseline)". */
const BARE_IMPROVEMENT = /^\s*(?:improvements?|gains?|increases?)(?:\s+(?:over|compared (?:to|with)|against|relative to|versus|vs\.?)\s[^()]*)?\s*\)/i;

/**
 * "a 2.04x speedup on X (7.2% improvement over the baseline ...)": a percent in parentheses right after a speedup or a
 * saving, called only an improvement, improves that same measure; it is no quality gain of an unnamed metric.
 */
export function parentheticalImprovement(r: Reading): Decision | null {
  const { previous, gap, q } = r;
  if (q.form !== 'percent' || (previous?.kind !== 'speedup' && previous?.kind !== 'efficiency') || gap == null) return null;
  if (!FACTOR_THEN_PARENTHESIS.test(gap) || !BARE_IMPROVEMENT.test(r.after)) return null;
  return { kind: previous.kind, relation: 'more', metricCue: previous.metricCue };
}
