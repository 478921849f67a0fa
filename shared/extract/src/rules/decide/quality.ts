// Quality claims: a change of a metric (quality_delta) or its value (quality_value).
import { DIRECTION_OF, type Direction } from '../../lexicon/cues.js';
import type { CueHit } from '../../lexicon/nlp.js';
import { endAnchored } from '../../text/patterns.js';
import { BY_CHANGE, BY_MARGIN, FROM_TO, OF_WHOLE, reachesTo, SCORES_ON, SOLVES_SHARE, VALUE_LEAD, VERSUS_FIGURE, WITHIN } from '../phrasing.js';
import { directionOf, has, isSpecific, lowerIsBetter, meaning, textSince, type Decision, type Reading } from './reading.js';

// Words before the figure, anchored at the end of the text before it (see ../../text/patterns.ts).
const OF_BEFORE = endAnchored(/\bof\s+$/i);
const CHANGE_OF_BEFORE = endAnchored(/\b(?:improvement|gain|reduction|decrease)\s+of\s+$/i);
/** "keeps 97.8% of the original accuracy": "keep" is a verb of use before a resource ("keeping 10% of the tokens"), of retaining before a metric. */
const KEEPS_BEFORE = endAnchored(/\b(?:keeps|keeping|kept)\s+(?:(?:about|around|roughly|over|nearly|almost|up to)\s+)?$/i);
const GAIN_OF_BEFORE = endAnchored(/\b(?:an?\s+)?(?:increase|improvement|gain|boost)\s+of\s+$/i);

/** Quality metric whose scale and polarity apply: a vague "N% better" is about the metric the sentence names. */
export function qualityMetric(cue: CueHit, r: Reading): CueHit {
  // points of an unnamed metric are percentage points: they keep the vague word
  if (!meaning(cue)?.vague || r.q.form === 'points') return cue;
  const before = r.sentenceMetrics.filter((m) => m.end <= r.q.start).reverse();
  const after = r.sentenceMetrics.filter((m) => m.start >= r.q.end);
  return before[0] ?? after[0] ?? cue;
}

/** Polarity of the first named metric of a phrase ("accuracy loss" is about accuracy). */

export function qualityDecision(cue: CueHit, dir: Direction | null, r: Reading): Decision | null {
  const { q } = r;
  const metric = qualityMetric(cue, r);
  const delta = (relation: string): Decision => ({ kind: 'quality_delta', relation, metricCue: metric });
  if (q.form === 'measure' || q.form === 'fraction') return null;
  // "a 2-4x relative gain"; "doubles the success rate", "twice the mAP": the word itself says the metric went up
  const multiplies = dir == null && q.wordy && /^(?:doubl|twice|tripl|thrice|quadrupl)/i.test(r.written);
  if (q.form === 'factor') return dir === 'good' || dir === 'up' || multiplies ? delta('relative-factor') : null;
  if (q.form === 'bare' && !isBareQualityFigure(r, cue)) return null;
  if (WITHIN.test(r.before) && (q.form !== 'bare' || OF_WHOLE.test(r.after))) return delta('within'); // "within 0.3 of the dense model" 
  if (q.form === 'percent' && OF_WHOLE.test(r.after) && (has(r.window.clause.slice(0, 3), 'RetainVerb') || KEEPS_BEFORE.test(r.lead))) return delta('retains');
  if (meaning(cue)?.vague && q.form === 'percent' && cue.start >= q.end && OF_WHOLE.test(r.after)) return null; // "60% of the gains"

  if (readsAsValue(cue, dir, r)) {
    const named = namesItsMetric(cue, r);
    // "higher performance (83.4% vs. 60.0%)": a level set against another is the work's value, whatever word names it
    if (q.form === 'percent' && VERSUS_FIGURE.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: metric };
    const adjacent = cue.end <= q.start && /^\s+$/.test(textSince(r, cue.end)); // "perplexity 56.6"
    if (meaning(cue)?.vague || q.form === 'points' || (q.form === 'bare' && !named && !adjacent && !VALUE_LEAD.test(r.lead) && !boundsTheMetric(cue, r) && !figuresInParentheses(cue, r))) return null;
    return { kind: 'quality_value', relation: 'value', metricCue: metric };
  }
  // "relative" in the text is added by decide() for every quality change (saidRelative)
  // a written sign says which way the figure moved: "FID -2.1" and "-44.7 perplexity" are gains of a lower-is-better metric
  if (q.signed) return delta(lowerIsBetter(metric) ? 'drop' : 'gain');
  const goodWhenLower = lowerIsBetter(metric);
  const better = dir === 'good' || dir == null || (dir === 'up' && !goodWhenLower) || (dir === 'down' && goodWhenLower);
  return delta(better ? 'gain' : 'drop');
}

/**
 * The metric is named right next to the figure as its value: after it with no
 * comparative ("71.2% accuracy"), or just before it ("an accuracy of 80.5%",
 * "pass@1 at 0.44") with no change word in between ("accuracy increase of 1.1%").
 */
function namesItsMetric(cue: CueHit, r: Reading): boolean {
  const { q, window: w } = r;
  if (cue.start >= q.end) {
    // "67.6% NDS surpassing the prior best": a verb that starts a new clause after the metric does not change the figure
    const changes = (h: CueHit) => !!DIRECTION_OF[h.tag] && !(h.tag === 'Improve' && h.start > cue.end && /ing$/.test(h.normal));
    return /^[\s-]*$/.test(r.after.slice(0, cue.start - q.end)) && !w.right.slice(0, 3).some(changes);
  }
  return q.start - cue.end < 25 && VALUE_LEAD.test(r.lead) && !meaning(cue)?.direction && !w.left.some((h) => h.start >= cue.end && DIRECTION_OF[h.tag]);
}

/** The figure is the metric's value rather than a change of it: nothing around it says it changed, or it is reached ("to 71.5%"). */
function readsAsValue(cue: CueHit, dir: Direction | null, r: Reading): boolean {
  const { q, window: w } = r;
  if (reachesTo(r.lead)) return true;
  if (VERSUS_FIGURE.test(r.after)) return true; // "at 66.1% versus 62.9%": two levels set side by side
  // "an improvement of 2%", "a reduction in accuracy of less than 1%": a noun of change, then "of"
  const byChange = BY_CHANGE.test(r.lead) || (OF_BEFORE.test(r.lead) && w.left.slice(0, 2).some((h) => !!DIRECTION_OF[h.tag]));
  // "loses 5.5% accuracy": a verb of change right before the number
  const verbBefore = !!w.left[0] && !!DIRECTION_OF[w.left[0].tag] && /^\s*$/.test(r.lead.slice(w.left[0].end - q.start));
  // "1.4 higher than X": a figure set against a reference is a difference
  const comparedAfter = /^\s*(?:points?\s+|pp\s+)?(?:higher|lower|better|worse|greater|more|less)\s+than\b/i.test(r.after);
  const changed = q.signed || q.form === 'points' || byChange || verbBefore || comparedAfter || (!namesItsMetric(cue, r) && dir != null);
  return !changed;
}

/** A bare number is a quality figure only right next to its metric: "44.5 AP50", "1.2 better perplexity", "a BLEU of 31.2". */
function isBareQualityFigure(r: Reading, cue: CueHit): boolean {
  // "an RMSE of 18.6, an improvement of 2.4 over X": a change noun, the metric named earlier in the sentence
  if (cue.tag === 'Gain' && CHANGE_OF_BEFORE.test(r.lead) && r.sentenceMetrics.some((m) => m.end <= r.q.start)) return true;
  if (meaning(cue)?.vague && cue.tag !== 'Better' && cue.tag !== 'Worse') return false;
  if (cue.start >= r.q.end) {
    const gap = r.after.slice(0, cue.start - r.q.end);
    // "+5.2 on the length-controlled win rate": a signed figure is a change, and "on the" may lead to its metric
    if (r.q.signed && cue.tag === 'QualityMetric' && /^\s*(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(gap)) return true;
    if (!/^\s*(?:(?:better|lower|higher|worse|more|less|points?)\s+)?(?:[\w-]+\s+){0,2}$/i.test(gap)) return false; // "56.0 test set perplexity"
    return cue.tag === 'QualityMetric' || r.window.right.some((h) => h.tag === 'QualityMetric');
  }
  if ((VALUE_LEAD.test(r.lead) || BY_CHANGE.test(r.lead)) && r.q.start - cue.end < 25) return true;
  if (cue.tag !== 'QualityMetric') return false;
  const gap = textSince(r, cue.end);
  // "(with test set perplexity 56.6)": the metric, then its value
  if (/^\s+$/.test(gap) && /\./.test(r.written)) return true;
  if (boundsTheMetric(cue, r)) return true;
  if (figuresInParentheses(cue, r)) return true;
  // "perplexity on WikiText-2 within 0.3 of the dense model": a bounded change of the metric
  if (WITHIN.test(r.before) && OF_WHOLE.test(r.after)) return gap.length < 60;
  // "its F0.5 score on the CoNLL-2014 test set is 61.9": the metric, where it was measured, then its value
  if (VALUE_LEAD.test(r.lead) && SETTING_THEN_VALUE.test(gap)) return gap.length < 60;
  // "the root mean squared error of the emulator increases by just 0.02": the metric is the subject of a verb of change
  if (BY_CHANGE.test(r.lead) && r.window.left.some((h) => h.start >= cue.end && DIRECTION_OF[h.tag])) return gap.length < 60;
  // "raises AP for small objects from 11.8 to 17.5", "F1 increases from 0.761 to 0.792": a verb of change, the figure is where it lands
  if (FROM_TO.test(r.lead) && r.window.clause.some((h) => DIRECTION_OF[h.tag])) return gap.length < 60;
  return false;
}

/** "normalized mutual information above 0.9", "force errors below 30": only a bound between the metric and its value. */
function boundsTheMetric(cue: CueHit, r: Reading): boolean {
  if (cue.end > r.q.start || cue.tag !== 'QualityMetric') return false;
  const gap = textSince(r, cue.end);
  return /^\s*(?:of\s+)?(?:below|above|under|over|exceeding|at least|at most|less than|more than|greater than|lower than|higher than)\s+$/i.test(gap);
}

/** "MRR@10 (38.1 vs. 38.3)": the metric, then its figures set side by side in parentheses. */
function figuresInParentheses(cue: CueHit, r: Reading): boolean {
  if (cue.end > r.q.start) return false;
  return /^\s*\(\s*$/.test(textSince(r, cue.end)) && VERSUS_FIGURE.test(r.after);
}

/** Between a metric and its value: where it was measured, then a verb of being ("on the X test set is"). */
const SETTING_THEN_VALUE = /^\s*(?:\([^()]*\)\s*)?(?:(?:on|in|for|of|across)\s+[^,;:]*?\s+)?(?:is|was|are|were|reaches|reached|of|=|:)\s+(?:an?\s+)?$/i;

/** ", which is 1.4 higher than X", "and 2.9 higher than Y": a figure set against a reference after the metric's value. */
const APPOSITION_WHICH = /(?:,\s*(?:which|that)\s+(?:is|was|are|were)|\band)\s+$/i;

/** Quality claims that name no metric: "outperforms the best baseline by 2.7%", "achieves 61.5% on a benchmark", "solves 71% of the tasks". */
export function unnamedQuality(r: Reading): Decision | null {
  const { q } = r;
  const percentish = q.form === 'percent' || q.form === 'points';
  // "outperforms the best baseline by 2.7%", "improved by 7.2% over the state of the art": a verb of improvement with no measure named
  if (percentish && BY_MARGIN.test(r.lead) && r.window.left.some((h) => h.tag === 'Improve') && !r.window.clause.some((h) => isSpecific(h) && meaning(h)!.category !== 'quality')) {
    return { kind: 'quality_delta', relation: 'gain', metricCue: null };
  }
  if (q.form === 'percent' && SOLVES_SHARE.test(r.lead) && OF_WHOLE.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: null };
  // "...accuracy on A; on B we observe an increase of 0.5%": a change noun with no measure of its own is about the sentence's metric
  const earlierMetric = r.sentenceMetrics.filter((m) => m.end <= q.start).at(-1);
  if (percentish && earlierMetric && GAIN_OF_BEFORE.test(r.lead)) return qualityDecision(earlierMetric, 'good', r);
  // "(83.4% vs. 60.0% at 4k context)": the work's level set against the baseline's
  if (q.form === 'percent' && VERSUS_FIGURE.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: r.sentenceMetrics.filter((m) => m.end <= q.start).at(-1) ?? null };
  const scoreLike = q.form === 'percent' || (q.form === 'bare' && /\./.test(r.written));
  if (scoreLike && SCORES_ON.lead.test(r.lead) && SCORES_ON.after.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: null };
  // "finds schedules within 3% of optimal": a bounded loss with no metric named
  if (percentish && WITHIN.test(r.before) && OF_WHOLE.test(r.after) && !r.sentenceMetrics.length) return { kind: 'quality_delta', relation: 'within', metricCue: null };
  // "+1.8%" next to a figure of the sentence's metric, "within 0.7% of" a reference, "which is 1.9% higher than X"
  const comparedUp = /^\s*(?:higher|better|more|greater|lower|worse)\s+than\b/i.test(r.after);
  const comparedFigure = percentish || (q.form === 'bare' && comparedUp && APPOSITION_WHICH.test(r.lead));
  if ((q.signed || WITHIN.test(r.before) || comparedUp) && comparedFigure && r.sentenceMetrics.some((m) => m.end <= q.start || !comparedUp)) {
    return qualityDecision(r.sentenceMetrics.filter((m) => m.end <= q.start).at(-1) ?? r.sentenceMetrics[0], comparedUp ? directionOf(r.window, null) : null, r);
  }
  return null;
}

/** "(Acc@1: +8.9%)", "FVD: -67%": a metric, a colon, then a signed change of it. */
const METRIC_COLON = /^\s*:\s*$/;

export function labelledChange(r: Reading): Decision | null {
  if (!r.q.signed || (r.q.form !== 'percent' && r.q.form !== 'points' && r.q.form !== 'bare')) return null;
  const metric = r.window.left[0];
  if (!metric || metric.tag !== 'QualityMetric' || !METRIC_COLON.test(textSince(r, metric.end))) return null;
  return qualityDecision(metric, null, r);
}
