// What a decision rule sees: one quantity, the cues around it, and the
// sentence's previous claim. Helpers here read cues; they decide nothing.
import type { ClaimKind } from '@claimflow/schemas';
import { metricsIn } from '@claimflow/units';
import { CUE_MEANING, DIRECTION_OF, type CueTag, type Direction } from '../../lexicon/cues.js';

export { DIRECTION_OF };
import type { CueHit } from '../../lexicon/nlp.js';
import type { Quantity } from '../quantities.js';
import type { CueWindow } from '../windows.js';

export interface Decision {
  kind: ClaimKind;
  relation: string;
  /** The cue that names what is measured, if any. */
  metricCue: CueHit | null;
}

/** What the text around one quantity says, gathered before deciding. */
export interface Reading {
  q: Quantity;
  /** The quantity as written. */
  written: string;
  window: CueWindow;
  /** Sentence text before the quantity (before the first member of its list). */
  before: string;
  /** `before` without the qualifier words ("by up to " → "by "). */
  lead: string;
  /** Sentence text after the quantity (after the last member of its list). */
  after: string;
  /** Quality metric cues anywhere in the sentence, for vague words to defer to. */
  sentenceMetrics: CueHit[];
  /** The decision taken for the previous claim of the sentence, for anaphora ("others save 20% of it"). */
  previous: Decision | null;
  /** Unit as written of that previous claim ("40 tok/s, 2.5x higher than X" compares throughput). */
  previousUnit: string | null;
  /** Text from the previous claim of the sentence to this figure, null for the first. */
  gap: string | null;
  /** The previous claim is joined to this one by "and" ("88.4 on A and 84.9 on B"). */
  coordinated: boolean;
  /** The figure is a member of a list paired one-to-one with a list of measures ("latency/power by 3x/1.5x"). */
  paired?: boolean;
}

export const meaning = (c: CueHit) => CUE_MEANING[c.tag];
export const isCategory = (c: CueHit) => !!meaning(c);
export const isSpecific = (c: CueHit) => isCategory(c) && !meaning(c)!.vague;
const embedsDirection = (c: CueHit) => isSpecific(c) && !!meaning(c)!.direction;
export const has = (hits: CueHit[], tag: CueTag) => hits.some((h) => h.tag === tag);

/** The text between an absolute offset (the end of a cue) and the quantity: "speedup of " after "speedup". */
export const textSince = (r: Reading, at: number) => r.before.slice(Math.max(0, r.before.length - (r.q.start - at)));

/** A metric where lower is better (error rate, perplexity, latency). */
export const lowerIsBetter = (metric: CueHit) => metricsIn(metric.normal, { inTextOrder: true })[0]?.better === 'lower';

/**
 * The cue naming the category. After the number, a comparative with its own
 * direction ("faster", "smaller") wins, then the first specific noun; then a
 * specific noun a little further on; then a vague word after the number
 * ("better", "gains"); before the number, the nearest cue.
 */
export function categoryCue(w: CueWindow): CueHit | null {
  const right = w.right.filter(isCategory);
  const specific = right.find(embedsDirection) ?? right.find(isSpecific);
  if (specific) return headOfCompound(specific, right);
  // "20% performance improvement in the decoding throughput": a specific measure a little further on
  const further = w.farRight.find(isSpecific);
  if (further && (right.length || !w.left.some(isSpecific))) return headOfCompound(further, w.farRight);
  if (right.length) return right[0];
  // "SIA is efficient ... with an average gain of 18%": the adjective describes the system, it names no measure of a figure after it
  const left = w.left.filter((h) => h.normal !== 'efficient');
  return left.find(isSpecific) ?? left.find(isCategory) ?? null;
}

/** In "energy efficient" or "memory bandwidth" the last word is the head: it says what is measured. */
function headOfCompound(cue: CueHit, hits: CueHit[]): CueHit {
  if (embedsDirection(cue)) return cue; // "faster inference time": the comparative decides, the noun only names the metric
  let head = cue;
  for (let i = hits.indexOf(cue) + 1; i < hits.length && hits[i].start - head.end <= 1 && isSpecific(hits[i]); i++) head = hits[i];
  return head;
}

/**
 * Direction of change: a comparative in the category cue itself, else the
 * nearest direction word after the number, then before it. A comparative
 * that qualifies another noun ("6x fewer GPUs and 3x the throughput") is not
 * ours. With `wholeClause`, a verb further back governs a list of changes
 * ("cuts energy by 40% and cost by 20%").
 */
export function directionOf(w: CueWindow, cue: CueHit | null, wholeClause = false): Direction | null {
  if (cue && meaning(cue)?.direction) return meaning(cue)!.direction!;
  const ownsAnotherNoun = (h: CueHit, hits: CueHit[]) => {
    const next = hits.filter((c) => c.start >= h.end && isCategory(c)).sort((a, b) => a.start - b.start)[0];
    return !!next && next !== cue && next.start - h.end <= 2 && meaning(h) === undefined && !VERB_LIKE.test(h.normal);
  };
  // "6x fewer GPUs and 3x the throughput": "fewer" is the direction of GPUs, not of throughput
  // "prunes 60% of the weights": a verb that names its own measure still moves the figure after it
  const movingVerb = (h: CueHit) => !!DIRECTION_OF[h.tag] && VERB_LIKE.test(h.normal) && !/(?:ing|ings)$/.test(h.normal);
  const left = w.left.filter((h) => !(isSpecific(h) && h !== cue && !movingVerb(h)) && !ownsAnotherNoun(h, w.left));
  // "reduces emissions by 24% without delaying any job by more than ...": a verb governing "by N" comes first
  const pool = wholeClause ? [...left, ...w.clause, ...w.right.slice(0, 3)] : [...w.right.slice(0, 3), ...left];
  const near = pool.find((h) => DIRECTION_OF[h.tag]);
  return near ? DIRECTION_OF[near.tag]! : null;
}

/** Direction words that are verbs govern their object across words; adjectives only the next noun. */
const VERB_LIKE = /(?:s|ed|ing|es)$|^(?:cut|reduce|increase|improve|lower|raise|save|boost|drop)$/;
