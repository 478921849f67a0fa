// Deciding what a quantity claims: its kind and how the sentence relates the
// number to the result (the `relation` the units library normalizes). The
// rules read compromise cue tags around the number (see ../windows.ts).
import { metricsIn, RELATIVE_SUFFIX } from '@claimflow/units';
import { DIRECTION_OF } from '../../lexicon/cues.js';
import type { CueHit } from '../../lexicon/nlp.js';
import { endAnchored } from '../../text/patterns.js';
import type { CueWindow } from '../windows.js';
import { changeOfMeasurement, continuesRun, parentheticalChange, parentheticalImprovement } from './continuation.js';
import { measurementDecision } from './measurement.js';
import {
  APPOSITION, BASELINE_TRAINED_ON, FROM_TO, BEATS, CHANGE_IN_APPOSITION, BY_CHANGE, BY_MARGIN, FINDS_SHARE, LARGER_REFERENCE, OF_TRIALS, OF_WHOLE, PREFERRED_SHARE, SOLVES_SHARE, SUCCEEDS_IN,
  ONLY, RUNS_CODE, TAKES_SHARE, VERSUS_FIGURE, WITHIN, reachesTo,
} from '../phrasing.js';
import { labelledChange, qualityDecision, unnamedQuality } from './quality.js';
import { categoryCue, directionOf, has, isCategory, isSpecific, lowerIsBetter, meaning, textSince, type Decision, type Reading } from './reading.js';
import { measuredCategory, overheadDirection, resourceDecision, shareOfWhole, type Scale } from './resources.js';

export type { Decision, Reading } from './reading.js';

/** The claim a quantity makes, or null when it makes none. */
export function decide(reading: Reading): Decision | null {
  const decision = decideKind(reading);
  return decision && relativeIfSaid(decision, reading);
}

/** The decision, its relation made relative where it is a change of a quality metric the text calls relative (every reading of a figure, the plainest too). */
export function relativeIfSaid(decision: Decision, reading: Reading): Decision {
  return readsRelative(decision, reading) ? { ...decision, relation: decision.relation + RELATIVE_SUFFIX } : decision;
}

/** A change of a quality metric (gain or drop) that is relative: the text says so, or its figures leave no other reading. */
function readsRelative(d: Decision, r: Reading): boolean {
  if (d.kind !== 'quality_delta' || d.relation.endsWith(RELATIVE_SUFFIX) || !['gain', 'drop'].includes(d.relation)) return false;
  return saidRelative(r) || (r.q.form === 'percent' && afterFractionValue(d, r));
}

const RELATIVE_TO = /^\s*relative\s+to\b/i;

/** "(38.0% relatively)", "by 9.7% to 20.1% relatively", "a relative gain of 4%": the text calls the change relative. */
function saidRelative(r: Reading): boolean {
  // "a relative word error rate reduction of 18%": the words between may name the metric; "relative to X by" names a reference;
  // "a 23.4% relative reduction in WER and a 1.8-point gain": a "relative" right after a figure is that figure's;
  // "reduces WER by 12% relative to X": a percent the text sets relative to a reference is a relative change
  return /\brelative(?:ly)?\b(?! to)/i.test(r.after.slice(0, 25)) || (r.q.form === 'percent' && RELATIVE_TO.test(r.after)) || /(?<![\d%]\s{0,2})\brelative(?:ly)?\s+(?!to\b)(?:[a-z][\w@-]*\s+){0,5}$/i.test(r.before.slice(-60));
}

/**
 * "an F1 of 0.71, up from 0.62, a 14.5% improvement", "an AUC of 0.91 (+6%)": a percent change right after a
 * value of its metric written as a fraction of one cannot be in points of it (14.5 points of F1 would be 0.145):
 * it is relative. Not after a value in percent or above one ("an F1 of 71.2, a 4.5% gain" stays in points).
 */
const ENDS_IN_FRACTION = /(?<![\d.])0?\.\d+\s*$/;
function afterFractionValue(d: Decision, r: Reading): boolean {
  const { previous, gap } = r;
  // `before` ends with the gap where the figure opens its list (it is the text before the list's first figure)
  if (previous?.kind !== 'quality_value' || gap == null || gap.length > 60 || !r.before.endsWith(gap)) return false;
  if (d.metricCue && previous.metricCue && d.metricCue.normal !== previous.metricCue.normal) return false;
  return ENDS_IN_FRACTION.test(r.before.slice(0, r.before.length - gap.length)); // the text up to the previous figure's end
}

function decideKind(reading: Reading): Decision | null {
  const r = reading.q.form === 'factor' ? reading : { ...reading, window: withoutReferenceSizes(reading.window) };
  const { q, window: w } = r;
  const valued = metricOfValue(r);
  if (q.form === 'measure') {
    // "a pick residual of 0.05 s": the value of a quality metric, written with a unit
    return valued && q.value != null && lowerIsBetter(valued) ? { kind: 'quality_value', relation: 'value', metricCue: valued } : measurementDecision(r);
  }
  const paired = versusRun(r) ?? levelAfterChange(r) ?? changeOfMeasurement(r);
  if (paired) return paired;
  const phrased = phrasedDecision(r);
  if (phrased !== undefined) return phrased;
  const beaten = outperformsBy(r);
  if (beaten) return beaten;
  const continued = continuesRun(r) ?? parentheticalChange(r) ?? parentheticalImprovement(r) ?? labelledChange(r);
  if (continued) return continued;
  const cue = valued ?? transitionSubject(r) ?? ellipticComparative(r) ?? categoryCue(w);
  if (q.wordy && !wordFactorFits(r, cue)) return null;
  if (r.coordinated && r.previous && !r.paired && !w.right.some(isCategory)) return r.previous; // "88.4 on A and 84.9 on B"
  if (!cue) return withoutCue(r);
  const run = codePerformance(r);
  if (run) return run;
  const m = meaning(cue)!;
  if (m.vague) {
    // "reduced from 90 ms to 30 ms, a 3x improvement": the vague word comments on the measurement before
    const compared = comparesMeasurement(r);
    if (compared) return compared;
    // "kernels are accelerated, and ... show a 5.7x improvement": a factor called only an improvement improves the
    // speed or the resource the clause named before it, when no quality metric came first
    const named = q.form === 'factor' && m.category === 'quality' ? w.left.find((h) => isSpecific(h) && meaning(h)!.category !== 'quality') : undefined;
    const measure = named && meaning(named)!;
    if (measure && !r.sentenceMetrics.some((x) => x.end <= q.start)) {
      return resourceDecision(measure.category, measure.scale as Scale, directionOf(w, named, BY_CHANGE.test(r.lead)), r, named);
    }
  }
  if (m.category !== 'quality' && WITHIN.test(r.before) && r.sentenceMetrics.length) {
    // "within 0.5% of a larger model": the words after "of" name the reference; the metric is the sentence's
    return qualityDecision(r.sentenceMetrics.filter((x) => x.end <= q.start).at(-1) ?? r.sentenceMetrics[0], null, r);
  }
  const dir = overheadDirection(cue, r) ?? directionOf(w, cue, BY_CHANGE.test(r.lead));
  if (m.category === 'quality') return qualityDecision(cue, dir, r);
  if (q.form === 'points') {
    // "lifts recall of the hardest 5% of queries by 6.1 points": points are a quality figure; the metric is the sentence's
    const metric = r.sentenceMetrics.filter((x) => x.end <= q.start).at(-1);
    if (metric) return qualityDecision(metric, directionOf(w, metric, BY_CHANGE.test(r.lead)), r);
    // "a drop in attack effectiveness of only 5 points": points of an unnamed quality, never of a resource
    const dir = directionOf(w, null, BY_CHANGE.test(r.lead));
    return dir ? { kind: 'quality_delta', relation: dir === 'down' || dir === 'bad' ? 'drop' : 'gain', metricCue: null } : null;
  }
  return shareOfWhole(cue, m.category, m.scale as Scale, dir, r) ?? resourceDecision(m.category, m.scale as Scale, dir, r, cue);
}

/**
 * "delivers 2.3x higher performance than TVM", "improves performance by 4.3x over the accelerator": in a sentence
 * about code and what runs it, with no quality metric named, the performance a factor multiplies is speed. The
 * word must be the figure's nearest measure ("performance" before "layers" in "for the layers, improves
 * performance by 4.3x"): a specific measure named further away does not outrank it here.
 */
function codePerformance(r: Reading): Decision | null {
  if (r.q.form !== 'factor' || r.sentenceMetrics.length) return null;
  const nearest = r.window.right.find(isCategory) ?? r.window.left.find(isCategory);
  if (nearest?.normal !== 'performance' || !RUNS_CODE.test(`${r.before} ${r.after}`)) return null;
  return resourceDecision('speed', 'rate', directionOf(r.window, nearest, BY_CHANGE.test(r.lead)), r, nearest);
}

/**
 * Phrasings whose words decide the claim whatever cue is near: a success
 * share ("answers 47% of the problems"), a preference rate, a share of a
 * whole ("takes under 5% of the epoch"), a larger reference ("a model twice
 * its size"). Undefined when none applies.
 */
function phrasedDecision(r: Reading): Decision | null | undefined {
  const { q } = r;
  if (q.form === 'percent' && q.value != null) {
    const object = textBeforeFirst(r.after.slice(0, 60), OBJECT_END);
    // "93% of the collected tasks are valid": a share of items judged to have a good property
    if (SHARE_JUDGED.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: null };
    if (FINDS_SHARE.test(r.lead) && OF_WHOLE.test(r.after) && !metricsIn(object).length && !/\b(?:performance|quality|results|gains?)\b/i.test(object)) {
      return { kind: 'quality_value', relation: 'value', metricCue: null };
    }
    // "recover 97% of the model's unquantized 16-bit MMLU performance": a share of a quality kept, however far its noun
    // "maintaining over 95% original performance": a reference's quality, named without "of"
    if (RETAINS_LEAD.test(r.lead) && (OF_WHOLE.test(r.after) || OF_REFERENCE.test(r.after)) && (metricsIn(object).length || QUALITY_OBJECT.test(object))) {
      return { kind: 'quality_delta', relation: 'retains', metricCue: [...r.window.right, ...r.window.farRight].find((h) => meaning(h)?.category === 'quality') ?? null };
    }
    if (SOLVES_SHARE.test(r.lead) && OF_WHOLE.test(r.after) && !/^\s*of\s+the\s+time\b/i.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: null };
    if (PREFERRED_SHARE.lead.test(r.lead) && PREFERRED_SHARE.after.test(r.after)) return { kind: 'quality_value', relation: 'value', metricCue: null };
    if (TAKES_SHARE.test(r.lead) && OF_WHOLE.test(r.after)) return { kind: 'measurement', relation: 'share', metricCue: null };
    // "Using only 10% of the labeled cases": a share of what the work needs, whatever it is called
    const used = r.window.clause.find((h) => h.tag === 'UseVerb');
    const named = categoryCue(r.window);
    // "while only using 60% parameters": the resource may follow the share without "of"
    const resourceNext = !!named && named.tag === 'EffResource' && /^\s*$/.test(r.after.slice(0, named.start - r.q.end)) && !r.window.right.some((h) => DIRECTION_OF[h.tag]);
    // "using only 10% of", "only using 60% parameters": "only" on either side of the verb
    const sinceVerb = used ? textSince(r, used.end) : '';
    const onlyUsed = /^\s*(?:on\s+|with\s+)?(?:only|just|merely)\s+$/i.test(sinceVerb) ||
      (/^\s*(?:on\s+|with\s+)?$/i.test(sinceVerb) && /\b(?:only|just|merely)\s+\S+\s*$/i.test(r.before.slice(0, r.before.length - sinceVerb.length)));
    if (used && (!named || meaning(named)?.category === 'efficiency') && (OF_WHOLE.test(r.after) || resourceNext) && onlyUsed &&
      !metricsIn(object).length && !has(r.window.clause, 'RetainVerb')) {
      return { kind: 'efficiency', relation: 'to-share', metricCue: r.window.right.find((h) => h.tag === 'EffResource') ?? null };
    }
    if (SUCCEEDS_IN.test(r.lead) && OF_TRIALS.test(r.after)) {
      return { kind: 'quality_value', relation: 'value', metricCue: null }; // "prevents falls in 92% of 150 trials"
    }
  }
  const baselineUsesMore = BASELINE_TRAINED_ON.test(r.lead) && /^\s*more\b/i.test(r.after); // "than X trained on 100x more labels"
  if (q.form === 'factor' && ((LARGER_REFERENCE.after.test(r.after) && LARGER_REFERENCE.lead.test(r.lead)) || baselineUsesMore)) {
    const cue = [...r.window.right, ...r.window.farRight].find((h) => h.tag === 'EffResource') ?? null;
    return { kind: 'efficiency', relation: 'factor', metricCue: cue };
  }
  return undefined;
}

/** Where the object of a share ends: a clause mark or a word that starts another phrase. */
const OBJECT_END = /[,;.]|\b(?:and|while|with|which|but|at)\b/;
/** Verbs of keeping a share of what a reference had: "retains", "recovers", "preserves", "maintains", "keeps". */
const RETAINS_LEAD = endAnchored(/\b(?:retain|preserv|recover|maintain|keep|kept)\w*\s+(?:(?:about|around|roughly|over|nearly|almost|up to|more than|at least|only|an average of|on average)\s+)?$/i);
/** The reference whose quality is kept, right after the share: "95% original performance", "95% full-sized performance". */
const OF_REFERENCE = /^\s*(?:original|full(?:-sized?|-precision)?|uncompressed|unpruned|dense)\b/i;
/** A quality noun no metric table names: "the model's MMLU performance", "its original quality". */
const QUALITY_OBJECT = /\b(?:performance|quality|accuracy|capabilit(?:y|ies))\b/i;
/**
 * `text.split(pattern)[0]`, for a pattern that matches no empty text: the text before the pattern's first
 * match, without the pattern finding every match and the split building a list of every piece.
 */
function textBeforeFirst(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** "of the outputs are judged correct", "of the programs are functionally correct": a share of items with a property. */
const SHARE_JUDGED =
  /^\s*of\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+){1,4}(?:are|were|is|was)\s+(?:rated\s+|judged\s+|found\s+|deemed\s+|considered\s+)?(?:as\s+)?(?:\w+ly\s+)?(?:correct|valid|accurate|successful|faithful|consistent|acceptable|useful|relevant|executable|compilable|solved|safe|grounded|factual|coherent|fluent)\b/i;

/** "a mean absolute error of 21 cycles", "an FID of 3.12": a quality metric right before "of" names what the figure is, whatever follows it. */
function metricOfValue(r: Reading): CueHit | null {
  // the cue first: the pattern reads the whole sentence before the figure, and most figures have no metric next to them
  const metric = r.window.left[0];
  if (!metric || metric.tag !== 'QualityMetric' || !/(?:\bof|\bis|\bwas|=|:)\s+(?:an?\s+)?$/i.test(r.lead)) return null;
  const gap = textSince(r, metric.end);
  return /^\s*(?:of|is|was|=|:)\s+(?:an?\s+)?$/i.test(gap) ? metric : null;
}

/** "raises event recall from 0.81 to 0.90 on a month of data": what changed is named before "from", not after the figure. */
function transitionSubject(r: Reading): CueHit | null {
  if (!FROM_TO.test(r.lead)) return null;
  // the object of the verb of change ("improves the critical success index ... from"), else the nearest measure
  const verb = r.window.clause.find((h) => DIRECTION_OF[h.tag]);
  const object = verb && [...r.window.clause].reverse().find((h) => h.start >= verb.end && isSpecific(h));
  return object ?? r.window.left.find(isSpecific) ?? null;
}

/**
 * "574,000 cycles, 17% fewer than X": a comparative with no noun of its own
 * ("fewer than") compares the measure named just before the figure; the
 * comparative gives only the direction (see directionOf).
 */
function ellipticComparative(r: Reading): CueHit | null {
  const comparative = r.window.right[0];
  if (!comparative || !meaning(comparative)?.direction || meaning(comparative)!.category === 'quality') return null;
  const gap = r.after.slice(0, comparative.start - r.q.end);
  const afterIt = r.after.slice(comparative.end - r.q.end);
  if (!/^\s*$/.test(gap) || !/^\s+than\b/i.test(afterIt) || !APPOSITION.test(r.lead)) return null;
  // "an MAE of 21 cycles, 35% lower than X": the figure before was a quality value; the comparison is of that metric
  if (r.previous) return r.previous.kind.startsWith('quality') ? r.previous.metricCue : null;
  const named = r.window.clause.find((h) => isSpecific(h) && !meaning(h)!.direction);
  if (!named || meaning(named)!.category === meaning(comparative)!.category) return null;
  return /^\s*,\s*$/.test(textSince(r, named.end)) ? named : null;
}

/** No cue names what the figure measures: it may still continue the previous claim, or be a bare factor. */
function withoutCue(r: Reading): Decision | null {
  const { q, window: w, previous } = r;
  const dir = directionOf(w, null);
  const compared = comparesMeasurement(r);
  if (compared) return compared;
  if (previous?.metricCue && dir && (APPOSITION.test(r.lead) || CHANGE_IN_APPOSITION.test(r.lead)) && (previous.kind === 'quality_value' || previous.kind === 'quality_delta')) {
    // "an error rate of 4.1%, a 12% relative reduction", "..., a relative reduction of 15%": the change of the metric just reported
    return qualityDecision(previous.metricCue, dir, r);
  }
  if (previous && dir && q.form !== 'bare' && previous.kind !== 'measurement' && previous.kind !== 'quality_value') {
    // "X saves 60% of the memory while rival methods save 20% of it": same statement, same measure
    return previous;
  }
  if (previous && previous.kind !== 'measurement' && CONTINUES.test(r.lead) && (q.form === 'percent' || q.form === 'points' || (q.form === 'bare' && previous.kind === 'quality_value'))) {
    // "by 1.7 points over A and by 0.6 points over B", "from 48% to 58% on A and from 61% to 66% on B"
    if (previous.kind === 'quality_value' ? reachesTo(r.lead) || /\band\s+$/.test(r.lead) : BY_CHANGE.test(r.lead)) return previous;
  }
  // "..., B (52.5% to 58%) and C (4.1% to 9%)": the next level reached in a run of transitions
  if (q.form === 'percent' && previous?.kind === 'quality_value' && /\(\s*(?:from\s+)?\S+\s+to\s+$/i.test(r.lead)) return previous;
  if (q.form === 'percent' && dir && FROM_TO.test(r.lead)) {
    // "the rate of insecure completions falls from 41% to 17%": a level of an unnamed quality reached
    return { kind: 'quality_value', relation: 'value', metricCue: null };
  }
  if (q.form === 'points' && dir) {
    // "roughly 6 points more than a larger model": points are a quality figure by themselves
    const metric = previous?.kind.startsWith('quality') ? previous.metricCue : null;
    return { kind: 'quality_delta', relation: dir === 'down' || dir === 'bad' ? 'drop' : 'gain', metricCue: metric };
  }
  if (q.form === 'factor' && !q.wordy && q.unit !== 'times') return { kind: 'speedup', relation: 'factor', metricCue: null };
  return unnamedQuality(r);
}

/**
 * "(1) higher accuracy (71.5% vs. 62.0% at 8k); (2) more compute (77.1% vs.
 * 65.3% at 16k)": a run of figures each set against the baseline's is a run
 * of the work's own values, whatever noun each pair follows.
 */
function versusRun(r: Reading): Decision | null {
  const { q, previous, gap } = r;
  if (q.form !== 'percent' || previous?.kind !== 'quality_value' || !VERSUS_FIGURE.test(r.after)) return null;
  return gap != null && /\b(?:vs\.?|versus)\s/i.test(gap) ? previous : null;
}

/** "an increase of 0.5% (from 96.9% to 97.4%)": the level a change reached, given beside it, is a value of the same metric. */
function levelAfterChange(r: Reading): Decision | null {
  const { q, previous } = r;
  if (q.form !== 'percent' || previous?.kind !== 'quality_delta' || r.previousUnit !== q.unit) return null;
  return /\(\s*from\s+\S+\s+to\s+$/i.test(r.lead) ? { kind: 'quality_value', relation: 'value', metricCue: previous.metricCue } : null;
}

/** A figure that continues the previous one in a parallel phrase: "..., and by 0.6 points", "and on MBPP from 61% to 66%". */
const CONTINUES = /(?:^|[,;]|\band)\s+(?:(?:on|for|in)\s+[^,;()]{1,40}?\s+)?(?:by|from\s+\S+\s+to|to)?\s*$/i;

/** "40 tok/s on 8 GPUs, 2.5x higher than the reference": a figure in apposition compares the measurement before it. */
function comparesMeasurement(r: Reading): Decision | null {
  if (r.previous?.kind !== 'measurement' || !APPOSITION.test(r.lead)) return null;
  if (r.q.form === 'percent' && OF_WHOLE.test(r.after)) return { kind: 'measurement', relation: 'share', metricCue: r.previous.metricCue }; // "400 TFLOPS, 60% of the peak"
  const measured = measuredCategory(r.previousUnit);
  if (!measured) return null;
  const dir = directionOf(r.window, null);
  // "81.2% accuracy with 12M parameters, which is 1.9% higher than ...": a cost is not boasted of as higher; the figure is the quality named before
  if (measured.scale === 'cost' && (dir === 'up' || dir === 'good') && r.sentenceMetrics.some((m) => m.end <= r.q.start)) return null;
  return resourceDecision(measured.category, measured.scale, dir, r, r.previous.metricCue);
}

/**
 * Factor words ("twice", "half", "four times", "an order of magnitude") are
 * common outside results; they count only right next to their cue, and not
 * when capitalized inside a sentence (part of a name: "Double Sampling").
 */
function wordFactorFits(r: Reading, cue: CueHit | null): boolean {
  if (!cue) return false;
  if (/^[A-Z]/.test(r.written) && /\S/.test(r.before)) return false;
  return cue.start >= r.q.end ? cue.start - r.q.end <= 30 : r.q.start - cue.end <= 30;
}

/**
 * "a 14x larger model" sizes the reference by a factor; "outperforms larger
 * models by 4%" only names who is beaten: the size words are cues of factors alone.
 */
const REFERENCE_SIZE = /^(?:larger|bigger)(?: models?| networks?)?$/;
function withoutReferenceSizes(w: CueWindow): CueWindow {
  const keep = (hits: CueHit[]) => hits.filter((h) => !REFERENCE_SIZE.test(h.normal));
  return { ...w, right: keep(w.right), farRight: keep(w.farRight), left: keep(w.left), clause: keep(w.clause) };
}

/** The words from "outperforms" to a factor: the beaten system's name, then "by", maybe "up to". */
const BEATEN_BY_FACTOR = /^\s*(?:[^,;]{0,80}?)\s+by\s+(?:(?:up\s+to|over|about|around|nearly|almost|roughly|as\s+much\s+as|an\s+average\s+of)\s+)?$/i;
/** The words from "outperforms" to a margin: the beaten system's name, then "by", maybe "a wide margin of". */
const BEATEN_BY_MARGIN = /^\s*(?:[^,;]{0,60}?)\s+by\s+(?:(?:a|an)\s+(?:\w+\s+)?margin\s+of\s+)?$/i;

/** The verb that beats a system ("outperforms", "surpasses") before the figure, where the words from it to the figure fit `between`. */
function beatingVerb(r: Reading, between: RegExp): CueHit | undefined {
  const verb = r.window.left.find((h) => h.tag === 'Improve' && BEATS.test(h.normal));
  return verb && between.test(textSince(r, verb.end)) ? verb : undefined;
}

/**
 * "outperforms the best kernel library by up to 4.3x", with no measure after the figure and no quality metric in
 * the sentence: a factor over a beaten system is speed. A resource or speed named before the verb, or the
 * sentence's claim before it, is what the factor measures ("reduces multiplications by 10x, outperforming
 * baselines by 2x-3x"); one named between the verb and the figure belongs to the beaten system's name ("the
 * low-bit KV cache implementation").
 */
function outperformsByFactor(r: Reading): Decision | null {
  const { window: w } = r;
  if (!BY_MARGIN.test(r.lead) || r.sentenceMetrics.length || w.right.some(isCategory) || w.farRight.some(isSpecific)) return null;
  const verb = beatingVerb(r, BEATEN_BY_FACTOR);
  if (!verb) return null;
  const named = w.left.find((h) => h.end <= verb.start && isSpecific(h) && meaning(h)!.category !== 'quality');
  // "cuts multiplications by 10x on A, outperforming baselines by 2x-3x": the clause before measured it
  if (!named && (r.previous?.kind === 'speedup' || r.previous?.kind === 'efficiency')) return { ...r.previous, relation: 'factor' };
  if (!named) return resourceDecision('speed', 'rate', 'good', r, null);
  const m = meaning(named)!;
  return resourceDecision(m.category, m.scale as Scale, 'good', r, named);
}

/**
 * "outperforming its baseline by 6.4%": beating a system by a margin is a
 * quality change unless the figure names its own measure ("by 2x in speed");
 * cues earlier in the sentence ("batch size 256", "200 epochs") set it up.
 */
function outperformsBy(r: Reading): Decision | null {
  const { q, window: w } = r;
  if (q.form === 'factor') return outperformsByFactor(r);
  // a bare margin ("an mAP of 41.2, outperforming X by 1.7") is in the units of the metric the sentence names
  const bareOfMetric = q.form === 'bare' && !q.wordy && r.sentenceMetrics.length > 0;
  if ((q.form !== 'percent' && q.form !== 'points' && !bareOfMetric) || !BY_MARGIN.test(r.lead)) return null;
  if (!beatingVerb(r, BEATEN_BY_MARGIN)) return null;
  if (w.right.some(isCategory) || w.farRight.some(isSpecific)) return null;
  // the sentence's metric nearest the figure: "achieves 68.2% top-1 accuracy ..., outperforming X by 6.4%"
  const distance = (m: CueHit) => (m.end <= q.start ? q.start - m.end : m.start - q.end);
  const metric = [...r.sentenceMetrics].sort((a, b) => distance(a) - distance(b))[0] ?? null;
  return metric ? qualityDecision(metric, 'good', r) : { kind: 'quality_delta', relation: 'gain', metricCue: null };
}
