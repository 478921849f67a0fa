// Coordinated quantities share their cues: "by 2% and 5%", "48.2% / 51.7% AP",
// "90 / 60 FPS", "12%, 18%, and 25% respectively", and
// "latency/power by 3x/1.5x" pairs each value with its own metric.
import type { CueHit } from '../lexicon/nlp.js';
import type { Sentence } from '../text/sentences.js';
import type { Quantity } from './quantities.js';
import type { CueWindow } from './windows.js';

/** Text that joins two members of one list. */
const LIST_GAP = /^\s*(?:,|\/|and|or|&|,\s*and|,\s*or)\s*$/;

const blankParentheticals = (s: string) => s.replace(/\([^()]*\)/g, (p) => ' '.repeat(p.length));
/** TeX's math delimiters are no words: "$4\times$ and $2.5\times$" joins two members as "4x and 2.5x" does. */
const withoutMath = (s: string) => (s.includes('$') ? s.replace(/\$/g, ' ') : s);

/** A figure in parentheses right after another ("71.5% (+2.2%)"): its own claim, not a list member. */
export function isParenthetical(q: Quantity, text: string, offset: number): boolean {
  return /\(\s*$/.test(text.slice(0, q.start - offset)) && /^\s*\)/.test(text.slice(q.end - offset));
}

const compatible = (a: Quantity, b: Quantity) => a.form === b.form || a.form === 'bare' || b.form === 'bare';

/**
 * "by 6.2 points on HumanEval and 4.8 on MBPP", "2.1x on A100 and 1.8 on H100": after a figure with a unit and
 * the setting it was measured on, a bare number and its own setting repeat the figure without the unit.
 */
const ELLIPTICAL_GAP = /^\s+(?:on|in|for|at|across|over|with)\s+[^,;.()]{1,50}?(?:\s*,)?\s+(?:and|or|while|whereas)\s+(?:by\s+|to\s+)?$/;
const ELLIPTICAL_AFTER = /^\s*(?:(?:on|in|for|at|across|over|with)\s|[,;.)]|respectively\b|$)/;

/** The unit of an elliptical figure (see ELLIPTICAL_GAP), or the figure as it is. */
function withElidedUnit(q: Quantity, prev: Quantity | undefined, text: string, offset: number): Quantity {
  if (q.form !== 'bare' || !prev || prev.form === 'bare' || q.wordy || prev.wordy) return q;
  // written alike: "5.68% on CIFAR-10 and 100" names a dataset, not a figure
  const decimals = (x: Quantity) => /\.\d/.test(text.slice(x.start - offset, x.end - offset));
  if (decimals(q) !== decimals(prev)) return q;
  const gap = withoutMath(text.slice(prev.end - offset, q.start - offset));
  return ELLIPTICAL_GAP.test(gap) && ELLIPTICAL_AFTER.test(text.slice(q.end - offset)) ? { ...q, form: prev.form, unit: prev.unit } : q;
}

/** Groups of coordinated quantities, in text order; singletons for the rest. */
export function coordinatedGroups(qs: Quantity[], text: string, offset: number): Quantity[][] {
  const groups: Quantity[][] = [];
  let open: Quantity[] | null = null;
  for (const [i, written] of qs.entries()) {
    const q = withElidedUnit(written, qs[i - 1], text, offset);
    if (isParenthetical(q, text, offset)) {
      groups.push([q]);
      continue;
    }
    const prev = open?.at(-1);
    const gap = prev ? withoutMath(blankParentheticals(text.slice(prev.end - offset, q.start - offset))) : '';
    if (open && prev && LIST_GAP.test(gap) && compatible(prev, q) && !q.wordy && !prev.wordy) open.push(q);
    else groups.push((open = [q]));
  }
  return groups.map((g) => inheritUnits(g));
}

/** A bare member takes the unit of the next member that has one: "90 / 60 FPS". */
function inheritUnits(group: Quantity[]): Quantity[] {
  return group.map((q, i) => {
    if (q.form !== 'bare') return q;
    const donor = group.slice(i + 1).find((o) => o.form !== 'bare');
    return donor ? { ...q, form: donor.form, unit: donor.unit } : q;
  });
}

/**
 * Two quantities joined by "<one word> and" ("up to 3x faster and 5x cheaper"), or a run of figures each with
 * its setting ("up to 7.5x speedup on GPU-A, 4.8x on GPU-B, and 8.9x on GPU-C"), share a qualifier.
 */
const JOINED_GAP = /^\s*,?\s*(?:[\w-]+\s+){0,3}and\s+$/;
const SETTING_RUN_GAP = /^\s+(?:[\w-]+\s+)?(?:on|in|for|at|with)\s+[^,;.()]{1,40}?,\s*(?:and\s+)?$/;
/** A figure followed by its own comparison or change is a statement of its own ("80% on A, 2% higher than X"). */
const OWN_CHANGE_AFTER = /^\s*(?:points?\s+|pp\s+)?(?:higher|lower|better|worse|more|less|fewer|faster|slower|smaller|larger|cheaper|improvements?|gains?|increases?|reductions?|drops?|speed-?ups?)\b/i;
export function coordinated(prev: Quantity, q: Quantity, text: string, offset: number): boolean {
  const gap = withoutMath(text.slice(prev.end - offset, q.start - offset));
  if (prev.form !== q.form) return false;
  return JOINED_GAP.test(gap) || (SETTING_RUN_GAP.test(gap) && !OWN_CHANGE_AFTER.test(text.slice(q.end - offset)));
}

/**
 * "latency/power by 3x/1.5x", "reduces latency and memory by 35% and 22%,
 * respectively": as many slash-joined (or, with "respectively", and-joined)
 * measure cues before the list as it has members, paired in order.
 */
export function slashPairs(w: CueWindow, size: number, s: Sentence): CueHit[] | null {
  if (size < 2) return null;
  const pool = [...w.left].reverse();
  const respectively = /\brespectively\b/i.test(s.text);
  const gap = (a: CueHit, b: CueHit) => s.text.slice(a.end - s.start, b.start - s.start);
  for (let i = 0; i + size <= pool.length; i++) {
    const run = pool.slice(i, i + size);
    if (run.every((h, k) => k === 0 || gap(run[k - 1], h) === '/')) return run;
    const listed = run.every((h, k) => MEASURE_TAGS.has(h.tag) && (k === 0 || AND_LIST_GAP.test(gap(run[k - 1], h))));
    if (respectively && listed) return run;
  }
  return null;
}

/** Cues that name a measure, as members of a "respectively" list. */
const MEASURE_TAGS = new Set(['SpeedRate', 'SpeedTime', 'EffResource', 'EffRate', 'QualityMetric']);
const AND_LIST_GAP = /^\s*(?:,\s*)?(?:(?:and|or)\s*)?$|^\s*,\s*$/;
