// Where a quantity looks for its cues. A cue right after the number ("3x
// faster", "28% latency reduction") is the strongest; otherwise the nearest
// cue before it in the same clause ("reduces memory by 53%"). Clause limits
// keep one number from borrowing another's cue.
import type { CueHit } from '../lexicon/nlp.js';
import { endAnchored } from '../text/patterns.js';
import type { Sentence } from '../text/sentences.js';
import { APPOSITION } from './phrasing.js';
import type { Quantity } from './quantities.js';

/** Ends a clause for the left look-back: cues before it belong to another statement. */
const LEFT_STOP = /;|:|\bwhile\b|\bwhereas\b|\bbut\b|--|\bwhich\b|\bwhere\b/g;
/** Ends the right look-ahead: punctuation, another comparison, another statement. */
const RIGHT_STOP_WORDS = [
  'than', 'compared', 'versus', 'vs', 'over', 'against', 'relative to', 'while', 'whereas', 'which', 'when', 'with',
  'but', 'and', 'without', 'at (?:the|a) (?:cost|expense|price) of',
];
const RIGHT_STOP = new RegExp(String.raw`[,;:()[\]]|\. |\b(?:${RIGHT_STOP_WORDS.join('|')})\b`, 'g');

/** "at equal quality", "with the same accuracy", "at iso-FLOPs": a measure held fixed while another is compared. */
const HELD_FIXED = endAnchored(/\b(?:at|with|for|under)\s+(?:an?\s+|the\s+)?(?:equal|same|similar|comparable|matched|matching|fixed|constant|identical|iso|equivalent)[\s-]+(?:\S+\s+)?$/i);

/** A noun of condition right after a cue: "low-data settings", "high-memory regime". */
const CONDITION_AFTER = /^[\s-]*(?:[\w-]+\s+)?(?:settings?|regimes?|scenarios?|conditions?|setups?|environments?)\b/i;

/** A bare number right after a cue, which the cue labels: not a figure of change, nor a size before its noun ("8B baselines"). */
const LABELLED_NUMBER = /^\s*(?:=\s*|than\s+)?\d[\d.,]*(?:[KMB](?!\s+[a-z]))?(?![\d.,KMB])(?!\s*(?:%|x\b|times|points?|pp))/;

/** Look-ahead for the cue of a number, in characters: about five words. */
const RIGHT_REACH = 40;
/** Further look-ahead, used only when nothing nearer names a measure ("20% improvement in the decoding throughput"). */
const FAR_RIGHT_REACH = 75;
/** Longest look-back for a category cue, in characters: about a dozen words. */
const LEFT_REACH = 90;

export interface CueWindow {
  /** Cues after the quantity, in text order. */
  right: CueHit[];
  /** Cues a little further after the quantity, in text order (same stops). */
  farRight: CueHit[];
  /** Cues before the quantity back to the previous quantity or clause start, nearest first. */
  left: CueHit[];
  /** Cues before the quantity back to the clause start (direction verbs govern lists), nearest first. */
  clause: CueHit[];
  /** Absolute start of the clause holding the quantity. */
  clauseStart: number;
}

function lastStop(text: string, pattern: RegExp): number {
  let at = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) at = m.index + m[0].length;
  return at;
}

function firstStop(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  return m ? m.index : text.length;
}

/**
 * Cue window of a span [first, last] of one or more coordinated quantities.
 * `prevEnd`/`nextStart` are the neighbouring quantities outside the span.
 * `skipBefore` marks where qualifier words start ("more than"): they are not cues.
 */
export function cueWindow(
  s: Sentence, cues: CueHit[], first: Quantity, last: Quantity, prevEnd: number, nextStart: number, skipBefore: number,
): CueWindow {
  const rel = (abs: number) => abs - s.start;
  const before = s.text.slice(0, rel(first.start));
  const clauseStart = s.start + Math.max(0, lastStop(before, LEFT_STOP));
  // a figure in apposition ("40 tok/s, 3x higher than X") has no cues of its own on the left
  const apposition = APPOSITION.test(s.text.slice(0, rel(skipBefore)));
  // inside parentheses ("(above 99.9%)", "(up to 25x)") the figure reads only what the parentheses say
  let openParen = before.lastIndexOf('(') > before.lastIndexOf(')') ? s.start + before.lastIndexOf('(') + 1 : s.start;
  // "MRR@10 (38.1 vs. 38.3)": a measure named right before the parentheses is what they give the figures of
  const named = openParen > s.start ? cues.find((c) => c.end <= openParen - 1 && /^\s*$/.test(s.text.slice(rel(c.end), rel(openParen - 1)))) : undefined;
  if (named) openParen = named.start;
  const leftLimit = apposition && prevEnd > s.start ? first.start : Math.max(clauseStart, prevEnd, openParen, first.start - LEFT_REACH);
  // "minimal (<1%) loss of accuracy": a figure alone in parentheses qualifies the words around them; look past the ")"
  const lone = /\(\s*(?:[<>~]\s*)?$/.test(before) && /^\s*\)/.exec(s.text.slice(rel(last.end)));
  const from = lone ? last.end + lone[0].length : last.end;
  const afterText = s.text.slice(rel(from), rel(Math.min(s.end, from + FAR_RIGHT_REACH)));
  const farLimit = Math.min(nextStart, from + firstStop(afterText, RIGHT_STOP));
  const rightLimit = Math.min(farLimit, from + RIGHT_REACH);
  // "2x on GPUs": what follows "on" is where the figure was measured, not what
  // "by 21% at equal visual quality": what is held fixed is a condition, not what was measured
  const gapTo = (c: CueHit) => s.text.slice(rel(last.end), rel(c.start));
  const onSetting = (c: CueHit) => {
    const gap = gapTo(c);
    // "by 10% in low-data settings", "under high-memory regimes": the cue names the condition, not the measure
    const condition = /\b(?:in|under|for)\s+(?:[^\s-]+[\s-]+){0,3}$/i.test(gap) && CONDITION_AFTER.test(s.text.slice(rel(c.end)));
    // "by 48% under bursty traffic", "2x under memory pressure": what follows "under" is the load the figure was measured in
    const load = /^[^,;]*\bunder\s+(?:\S+\s+){0,3}$/i.test(gap);
    // "+5.2 on the length-controlled win rate", "2.1 points on ImageNet top-1 accuracy": a quality metric after "on" is what was measured
    const onWhere = c.tag !== 'QualityMetric' && /^(?!.*\b(?:impact|effect|influence)\s+on\b)[^,;]*\bon\s+(?:\S+\s+){0,3}$/i.test(gap);
    return onWhere || HELD_FIXED.test(gap) || condition || load;
  };
  // "savings of up to 50% by dropping intermediate results": what follows "by <doing>" is the means, not the measure
  const means = (c: CueHit) => /\bby\s+[a-z]+ing\b/i.test(gapTo(c));
  // "retains 96% of the teacher's performance at a fraction of the cost", "raises throughput by 1.8x at a 32K context
  // length": past "at", a measure is the price paid or the operating point, not the figure's
  const pastAt = (c: CueHit) => /\bat\s/i.test(gapTo(c));
  const right = cues.filter((c) => c.start >= last.end && c.start < rightLimit && !onSetting(c) && !means(c) && !pastAt(c));
  const farRight = cues.filter((c) => c.start >= rightLimit && c.start < farLimit && !onSetting(c) && !pastAt(c) && !means(c));
  // "throughput at batch size 64 rises 2.6x", "AP for objects smaller than 16 pixels ... to 17.5": a cue that labels
  // another bare number names a setting, not this figure; a size glued to its noun ("outperforms 8B baselines by")
  // is a name's, and labels nothing
  const labelsAnotherNumber = (c: CueHit) => c.tag !== 'QualityMetric' && LABELLED_NUMBER.test(s.text.slice(rel(c.end), rel(first.start)));
  // a cue that starts before the qualifier words counts even if merged with them ("drops by less than": "drops by less")
  // "at equal recall, with 40% less I/O": a measure held fixed before the figure is not what it measures either
  const heldFixedBefore = (c: CueHit) => HELD_FIXED.test(s.text.slice(Math.max(0, rel(c.start) - 40), rel(c.start)));
  const left = cues.filter((c) => c.start < skipBefore && c.start >= leftLimit && !labelsAnotherNumber(c) && !heldFixedBefore(c)).reverse();
  const clause = cues.filter((c) => c.start < skipBefore && c.start >= clauseStart).reverse();
  return { right, farRight, left, clause, clauseStart };
}
