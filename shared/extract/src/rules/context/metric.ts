// The `metric` context field: what is measured, as the abstract words it.
import type { CanonicalUnit, ClaimKind } from '@claimflow/schemas';
import { metricScale, readUnit, RELATIVE_SUFFIX } from '@claimflow/units';
import { CUE_MEANING, METRIC_OF_COMPARATIVE, type CueTag } from '../../lexicon/cues.js';
import type { CueHit } from '../../lexicon/nlp.js';
import {
  accuracyOfTopK, measureNamedBefore, metricOfChangeNoun, perDenominator, speedOfActivity, withoutJudgement, singularHead, withAbbreviationAfter, withCountedNoun, withoutChangeWords, withoutSavingWord, withoutScoreAfterAbbreviation, type PlacedPhrase,
} from './metric-tidy.js';

/** Words that may extend a metric phrase around its head cue ("peak memory footprint"). */
const PHRASE_TAGS = new Set<CueTag>(['Modifier', 'SpeedRate', 'SpeedTime', 'EffResource', 'EffRate', 'QualityMetric', 'QualityLoss']);

const QUALITY_TAGS = new Set<CueTag>(['QualityMetric', 'QualityVague']);

/** Change nouns that name no metric: "a 5% improvement" says only that something got better. */
const CHANGE_NOUNS = /^(?:(?:absolute|relative|average|mean|overall|significant|consistent|substantial|considerable|notable|modest|marginal|large|small)\s+)?(?:improvements?|gains?|boosts?|lift|increases?|better|results|boost)$/i;

/** The name of a quality change whose metric the text does not give. */
export const UNNAMED_QUALITY = 'performance';

/** Where the claim's figure sits, and how it relates to the result: what the tidying rules read. */
export interface MetricFigure {
  start: number;
  end: number;
  relation: string;
  /** The figure's place in a coordinated list of figures ("1.8% and 6.2%"), when it is in one. */
  list?: { index: number; size: number };
}

/** What separates the members of a list of metric names: "AP and AP90", "TTFT, TPOT, and throughput". */
const LIST_SEPARATOR = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/;

/**
 * "improves the AP and AP90 by 1.8% and 6.2% respectively", "2x and 4.8x
 * speedups in TTFT and throughput, respectively": a list of figures paired
 * with a list of as many measures of the same kind; each figure takes the
 * measure in its place. Null when the sentence pairs nothing.
 */
function respectiveMetric(text: string, cues: CueHit[], cue: CueHit | null, list: { index: number; size: number }): CueHit | null {
  const category = cue && CUE_MEANING[cue.tag]?.category;
  if (!cue || !category || list.size < 2 || !/\brespectively\b/i.test(text.slice(cue.end, cue.end + 200))) return null;
  // names of several words ("top-1 accuracy") are one member: cues that touch belong together
  const names: CueHit[][] = [];
  for (const c of cues) {
    const current = names.at(-1);
    if (current && c.start - current.at(-1)!.end <= 1) current.push(c);
    else names.push([c]);
  }
  const member = (n: CueHit[]) => n.some((c) => CUE_MEANING[c.tag]?.category === category && !CUE_MEANING[c.tag]!.direction);
  // "speedups in TTFT and throughput": a comparative's list of measures follows it
  const own = names.findIndex((n) => n.includes(cue));
  const next = names[own + 1];
  const at = member(names[own]) ? own : next && member(next) && /^\s*(?:in|of|on|for)\s+(?:the\s+)?$/i.test(text.slice(cue.end, next[0].start)) ? own + 1 : -1;
  if (at < 0) return null;
  let first = at;
  while (first > 0 && member(names[first - 1]) && LIST_SEPARATOR.test(text.slice(names[first - 1].at(-1)!.end, names[first][0].start))) first--;
  let last = at;
  while (last < names.length - 1 && member(names[last + 1]) && LIST_SEPARATOR.test(text.slice(names[last].at(-1)!.end, names[last + 1][0].start))) last++;
  if (last - first + 1 !== list.size) return null;
  const mine = names[first + list.index];
  return [...mine].reverse().find((c) => CUE_MEANING[c.tag]?.category === category) ?? null;
}

/** "scores 71.3", "score only 0.8": "score" right before a figure is the verb. "a score of 71.3" and "BLEU score 31.2" are nouns. */
const FIGURE_NEXT = /^\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|up\s+to\s+)?[~$+-]?\s*\d/;
function scoresAsVerb(text: string, cue: CueHit): boolean {
  if (cue.tag !== 'QualityMetric' || (cue.normal !== 'scores' && cue.normal !== 'score') || !FIGURE_NEXT.test(text.slice(cue.end, cue.end + 40))) return false;
  // a noun has a determiner before it ("a score 31.2"); the verb has its subject ("BLEU score 31.2" is one cue, "bleu score")
  return !/\b(?:a|an|the|its|their|our)\s*$/.test(text.slice(Math.max(0, cue.start - 30), cue.start));
}

/** The metric of a claim: the phrase around its cue, tidied to the name an analyst would filter on. */
export function metricText(text: string, cues: CueHit[], cue: CueHit | null, kind: ClaimKind, unit: string, figure: MetricFigure): string | null {
  // "FooNet scores 71.3 on X": the verb names no metric (as a noun, its subject became the name: "FooNet")
  if (cue && scoresAsVerb(text, cue)) [cue, cues] = [null, cues.filter((c) => c !== cue)];
  const named = namedMetric(text, cues, (figure.list && respectiveMetric(text, cues, cue, figure.list)) || cue, kind, unit, figure);
  const judged = named && accuracyOfTopK(withoutJudgement(named));
  return kind === 'measurement' ? countedPer(judged, text, figure, unit) : judged;
}

/**
 * "13.4 ms per page", "0.108s/token", "1,943 tokens/s per NPU": what a
 * measurement is counted per is part of what it measures. A noun of the
 * denominator read as the metric ("token") gives way to the unit's measure
 * ("time per token").
 */
function countedPer(named: string | null, text: string, figure: MetricFigure, unit: string): string | null {
  const per = perDenominator(text, figure.end);
  if (!per || named?.toLowerCase().includes(` per ${per.toLowerCase()}`)) return named;
  const base = !named || per.toLowerCase().endsWith(named.toLowerCase()) ? DEFAULT_METRIC.measurement!(unit) : named;
  return base ? `${base} per ${per}` : named;
}

function namedMetric(text: string, cues: CueHit[], cue: CueHit | null, kind: ClaimKind, unit: string, figure: MetricFigure): string | null {
  // a measurement carries its own unit: a quality metric named next to it ("155 FPS and 42.1 AP") is another figure's
  const head = kind === 'measurement' && cue && QUALITY_TAGS.has(cue.tag) ? null : cue;
  const phrase = metricPhrase(text, cues, head, kind, unit);
  // an unnamed quality: the noun the change names, else the one quality metric the sentence names, else "performance"
  if (kind === 'quality_delta' && (!phrase || CHANGE_NOUNS.test(phrase) || phrase === UNNAMED_QUALITY)) {
    // only a name on the scale the figure was read on: the unit must not change with the name
    const named = [metricOfChangeNoun(text, figure), soleMetric(text, cues)].find((m) => m && metricScale(m) === 'percent' && !CHANGE_NOUNS.test(m));
    return withRelative(named ?? (phrase && !CHANGE_NOUNS.test(phrase) ? phrase : UNNAMED_QUALITY), text, figure);
  }
  if (!phrase) return kind === 'quality_value' ? (judgedShare(text, figure) ?? qualityNamedBefore(text, cues, figure)) : phrase;
  // a measurement named only by its unit ("time", "size") takes the measure noun written before it
  if (kind === 'measurement' && !head) return measureNamedBefore(text, figure) ?? phrase;
  const at = placed(text, phrase, head);
  // "mAP scores" loses its "scores" before the plural is made singular ("mAP score" would keep it)
  let tidy = withAbbreviationAfter(withCountedNoun(singularHead(withoutScoreAfterAbbreviation(phrase)), text, at), text, at);
  if (kind === 'quality_delta' || kind === 'quality_value') tidy = withoutChangeWords(tidy);
  if (kind === 'efficiency' || kind === 'speedup') tidy = withoutSavingWord(tidy);
  // "3x speedup", "inference acceleration": the metric of a speedup is speed
  // "converges 3x faster": the speed of convergence
  if (kind === 'speedup') return speedOfActivity(tidy.replace(/\b(?:speed-?ups?|accelerations?)\b/gi, 'speed').replace(/^.*\bconverge[sd]?$/i, 'convergence speed'), text, figure);
  return kind === 'quality_delta' ? withRelative(tidy, text, figure) : tidy;
}

/** "(1) higher performance within the same window (83.4% vs. 60.0%)": a value whose metric no rule chose takes the quality word just before it in its clause. */
function qualityNamedBefore(text: string, cues: CueHit[], figure: MetricFigure): string | null {
  const cue = cues.filter((c) => (c.tag === 'QualityMetric' || c.tag === 'QualityVague') && c.end <= figure.start && figure.start - c.end < 60).at(-1);
  return cue && !/[;.]/.test(text.slice(cue.end, figure.start)) ? phrase(text, cues, cue) : null;
}

/** "93% of the collected tasks are ecologically valid": the items counted, and the property they are judged to have. */
const JUDGED_SHARE =
  /^\s*of\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+){0,3}?([a-z][\w-]*s)\s+(?:are|were)\s+(?:rated\s+|judged\s+|found\s+|deemed\s+|considered\s+)?(?:as\s+)?((?:\w+ly\s+)?[a-z][\w-]*)\b/;

/** "93% of the collected tasks are ecologically valid" is the share of ecologically valid tasks. */
function judgedShare(text: string, figure: MetricFigure): string | null {
  const m = JUDGED_SHARE.exec(text.slice(figure.end, figure.end + 100));
  return m ? `share of ${m[2]} ${m[1]}` : null;
}

/** "we improve the state of the art by 2.6%, reaching an accuracy of 46.3%": the sentence names one quality metric, and it is this one. */
function soleMetric(text: string, cues: CueHit[]): string | null {
  const metrics = cues.filter((c) => c.tag === 'QualityMetric');
  const names = new Set(metrics.map((c) => c.normal));
  return names.size === 1 ? phrase(text, cues, metrics[0]) : null;
}

/** The phrase's place in the text: the occurrence nearest its head cue (a default name has none). */
function placed(text: string, phrase: string, head: CueHit | null): PlacedPhrase {
  if (!head) return { text: phrase, start: null, end: null };
  const from = Math.max(0, head.start - phrase.length - 45);
  const i = text.slice(from, head.end + phrase.length + 45).indexOf(phrase);
  return i < 0 ? { text: phrase, start: null, end: null } : { text: phrase, start: from + i, end: from + i + phrase.length };
}

/** "9% relative improvement", "(38.0% relatively)": a change the text calls relative is named so, as analysts read it. */
function withRelative(phrase: string, text: string, figure: MetricFigure): string {
  if (/\brelative/i.test(phrase)) return phrase;
  const said = figure.relation.endsWith(RELATIVE_SUFFIX) || /^\S*\s+(?:\w+\s+)?relative(?:ly)?\b/i.test(text.slice(figure.end, figure.end + 30));
  return said ? `${phrase} (relative)` : phrase;
}

function metricPhrase(text: string, cues: CueHit[], head: CueHit | null, kind: ClaimKind, unit: string): string | null {
  if (!head) return DEFAULT_METRIC[kind]?.(unit) ?? null;
  const comparative = METRIC_OF_COMPARATIVE[head.normal];
  if (comparative) {
    // "3x faster inference" → the noun after the comparative, else the comparative's measure
    const i = cues.indexOf(head);
    let j = i + 1;
    // "4x fewer sampling steps": the noun may sit a word away from the comparative
    const sameMeasure = (c: CueHit) => c.tag === 'Modifier' || !FAMILY[head.tag] || FAMILY[head.tag]!.includes(c.tag);
    while (j < cues.length && PHRASE_TAGS.has(cues[j].tag) && sameMeasure(cues[j]) && cues[j].start - cues[j - 1].end <= (j === i + 1 ? 12 : 2)) j++;
    const named = cues.slice(i + 1, j);
    // "smaller file sizes": plain nouns between the comparative and the measure belong to the metric
    if (named.some((c) => c.tag !== 'Modifier')) return withNounModifiers(text, named[0].start, head.end) + text.slice(named[0].start, named.at(-1)!.end);
    // a comparative noun keeps its modifiers: "end-to-end speedup"
    const prev = cues[i - 1];
    if (prev && head.start - prev.end <= 1 && prev.tag === 'Modifier') return text.slice(prev.start, head.end);
    // "2.1 mAP more accurate": a metric named before the comparative is the metric
    if (prev && head.start - prev.end <= 1 && PHRASE_TAGS.has(prev.tag)) return phrase(text, cues, prev);
    // "1.8x faster", with "78 ms latency" earlier in the sentence: the measure the sentence names
    const noun = nearestNoun(cues, head);
    return noun ? phrase(text, cues, noun) : comparative;
  }
  return phrase(text, cues, head);
}

/** The nearest noun cue of the same measure (speed with speed, resources with resources) within the sentence. */
function nearestNoun(cues: CueHit[], head: CueHit): CueHit | null {
  const family = FAMILY[head.tag];
  if (!family) return null;
  const candidates = cues.filter((c) => family.includes(c.tag) && Math.abs(c.start - head.start) < 80);
  candidates.sort((a, b) => Math.abs(a.start - head.start) - Math.abs(b.start - head.start));
  return candidates[0] ?? null;
}

/** Nouns that can name what a comparative compares. */
const FAMILY: Partial<Record<CueTag, CueTag[]>> = {
  Faster: ['SpeedRate', 'SpeedTime'],
  Slower: ['SpeedRate', 'SpeedTime'],
  Shorter: ['SpeedTime'],
  Smaller: ['EffResource'],
};

function phrase(text: string, cues: CueHit[], head: CueHit): string {
  if (head.longForm) return `${head.longForm} (${text.slice(head.start, head.end)})`; // "Attack Success Rate (ASR)"
  let i = cues.indexOf(head);
  let j = i;
  const joined = (a: CueHit, b: CueHit) => b.start - a.end <= 1 && /^[\s-]?$/.test(text.slice(a.end, b.start));
  while (i > 0 && PHRASE_TAGS.has(cues[i - 1].tag) && joined(cues[i - 1], cues[i])) i--;
  while (j < cues.length - 1 && PHRASE_TAGS.has(cues[j + 1].tag) && cues[j + 1].tag !== 'Modifier' && joined(cues[j], cues[j + 1])) j++;
  return withNounModifiers(text, cues[i].start) + text.slice(cues[i].start, cues[j].end);
}

/** Words that never modify a metric noun: determiners, prepositions, verbs of being, comparatives. */
const NOT_A_MODIFIER = new Set([
  'the', 'a', 'an', 'our', 'its', 'their', 'this', 'that', 'these', 'those', 'of', 'in', 'on', 'for', 'with', 'and', 'or', 'to',
  'by', 'than', 'from', 'at', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'more', 'less', 'fewer',
  'lower', 'higher', 'better', 'worse', 'both', 'all', 'each', 'per', 'while', 'when', 'which', 'we', 'it', 'also', 'only', 'same',
  'similar', 'comparable', 'overall', 'significantly', 'substantially', 'up', 'down', 'over', 'under', 'into', 'via', 'new', 'state-of-the-art',
  'yet', 'but', 'still', 'then', 'thus', 'hence', 'so',
  // verbs that take a metric as object: "can improve throughput", "demonstrate latency ..."
  'can', 'could', 'may', 'will', 'would', 'must', 'demonstrate', 'show', 'improve', 'reduce', 'increase', 'achieve', 'yield', 'deliver',
  'enable', 'cut', 'boost', 'lower', 'raise', 'attain', 'obtain', 'reach', 'keep', 'maintain', 'save', 'magnitude', 'tiny', 'small', 'large',
  // the words of a figure's own unit: "a 5.2 point improvement"
  'point', 'points', 'percent', 'pp', 'times', 'fold', 'x',
]);

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'our', 'their', 'his', 'her', 'whose']);

/** "file sizes", "search latency", "recognition accuracies": up to two plain nouns right before the metric name it. */
function withNounModifiers(text: string, start: number, from = Math.max(0, start - 40)): string {
  // plain nouns, and names of a benchmark or a variant ("ImageNet-1K top-1 accuracy", "3D AP", "CoT token count")
  const m = /(?:^|[\s(])((?:(?:[a-z][a-z/-]{2,}|[A-Za-z0-9][\w-]*[A-Z0-9][\w-]*)\s){1,2})$/.exec(text.slice(from, start));
  if (!m) return '';
  const words = m[1].trim().split(/\s+/);
  // "the processing time", "its decoding speed": an -ing word after a determiner names an activity; "reducing latency" is a verb
  const afterDeterminer = () => DETERMINERS.has(text.slice(Math.max(0, from - 12), start - m[1].length).match(/([A-Za-z]+)\s*$/)?.[1].toLowerCase() ?? '');
  // keep the nouns nearest the metric, up to the first word that cannot modify it
  const kept: string[] = [];
  for (const [k, w] of [...words.entries()].reverse()) {
    const activity = k === 0 && /ing$/.test(w) && afterDeterminer();
    // a figure is never part of its metric's name: "a 12x memory saving", nor is its unit: "12 GB GPU memory"
    if (NOT_A_MODIFIER.has(w) || (!activity && /(?:ly|ed|ing|s)$/.test(w)) || /^[xX]?[\d.,]+(?:[xX%]|[KMGT]i?B|ms)?$/.test(w) || (/[A-Z]/.test(w) && readUnit(w))) break;
    kept.unshift(w);
  }
  return kept.length ? kept.join(' ') + ' ' : '';
}

const DEFAULT_METRIC: Partial<Record<ClaimKind, (unit: string) => string | null>> = {
  speedup: () => 'speed',
  measurement: measurementMetric,
};

/**
 * What a measurement measures when no cue says it, by the contract's unit its
 * written unit reads as: every spelling of a unit ("msec", "hrs", "frame/s",
 * "A100-hours") names the same thing.
 */
const MEASUREMENT_METRICS: Partial<Record<CanonicalUnit, string>> = {
  fps: 'FPS', 'tok/s': 'throughput', params: 'parameters', 'FLOP/s': 'FLOPs per second', FLOPs: 'FLOPs', GPUh: 'GPU hours',
  B: 'size', s: 'time', J: 'energy', W: 'power', USD: 'cost',
};
function measurementMetric(written: string): string | null {
  const unit = readUnit(written)?.unit;
  return (unit && MEASUREMENT_METRICS[unit]) ?? null;
}
