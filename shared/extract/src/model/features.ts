// What the rules know about a candidate figure, as named evidence for the
// decision model. Each entry of FEATURES is one family, named by what it
// reads; it returns the values it sees ("percent", "R0:Faster"), and the
// model sees "family:value". No family decides alone: the learned weights
// (./weights.json) say how much each value counts towards each kind.
import type { Qualifier } from '@claimflow/schemas';
import { metricsIn } from '@claimflow/units';
import { CUE_MEANING } from '../lexicon/cues.js';
import type { CueHit } from '../lexicon/nlp.js';
import type { Decision } from '../rules/decide/index.js';
import { FROM_TO } from '../rules/phrasing.js';
import type { Quantity } from '../rules/quantities.js';
import type { CueWindow } from '../rules/windows.js';
import { charClass, isDigitCode, isLowerCode } from '../text/chars.js';

/** Everything a feature family may read about one candidate. */
export interface FeatureContext {
  q: Quantity;
  /** The figure as written. */
  written: string;
  /** The sentence's text before and after the figure. */
  before: string;
  after: string;
  window: CueWindow;
  sentenceIndex: number;
  sentenceText: string;
  /** Quality metric cues anywhere in the sentence. */
  sentenceMetrics: CueHit[];
  cascade: Decision | null;
  dropped: string | null;
  proposal: Decision | null;
  /** Semantic exclusions that fire (figure of the baseline, setup figure, prior work, ...). */
  exclusions: string[];
  qualifier: Qualifier;
  /** Size of the figure's coordinated list and its place in it. */
  listSize: number;
  listIndex: number;
  /** The cascade's verdict on the previous figure of the sentence (the run's earlier member). */
  previous: Decision | null | undefined;
  /** The abstract is an evaluation study (see rules/exclusions.ts). */
  study: boolean;
  /** The sentence's own families (PER_SENTENCE), filled by the first of its figures and read by the rest. */
  sentenceFamilies: Map<string, string[]>;
}

type Family = (c: FeatureContext, sides: Sides) => string[];

/**
 * The words of the 60 characters on each side of the figure (`near`), read once per candidate: `words`
 * reads its 40 characters from them where it can (lastTwoWords, firstTwoWords) rather than lower-case and
 * split them again.
 */
interface Sides {
  left: PlacedWords;
  right: PlacedWords;
}
const sidesOf = (c: FeatureContext): Sides => ({ left: placedWordsOf(c.before.slice(-60)), right: placedWordsOf(c.after.slice(0, 60)) });

const kindOf = (d: Decision | null | undefined) => (d === undefined ? 'first' : d ? d.kind : 'none');
/**
 * Lower-case words and marks: `s.toLowerCase().match(/[a-z][a-z0-9-]*|[<>~±()=:;,/]/g) ?? []`, read a
 * character at a time (the match built an object per word): a word is a letter and every letter, digit
 * and hyphen after it (the pattern's greedy run), a mark is one of MARKS alone, and every other character
 * is skipped. (Digits are folded later, by fold.)
 */
function wordsOf(s: string): string[] {
  return placedWordsOf(s).words;
}

/** wordsOf's words, with where each starts and ends in the lower-cased text. */
interface PlacedWords {
  words: string[];
  starts: number[];
  ends: number[];
  /** The text's length. */
  length: number;
  /** Lower-casing kept the text's length, so those places are the text's own ("İ" alone grows, to two characters). */
  inPlace: boolean;
}

function placedWordsOf(s: string): PlacedWords {
  const lower = s.toLowerCase();
  const out: PlacedWords = { words: [], starts: [], ends: [], length: s.length, inPlace: lower.length === s.length };
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    let end = i + 1;
    if (isLowerCode(c)) {
      while (end < lower.length && isWordTail(lower.charCodeAt(end))) end++;
    } else if (!isMark(c)) {
      i++;
      continue;
    }
    out.words.push(lower.slice(i, end));
    out.starts.push(i);
    out.ends.push(end);
    i = end;
  }
  return out;
}
/**
 * The last two words of `before.slice(-40)` (fewer if it has fewer), read off the 60-character window's
 * words, or null where they cannot be. With every character in place, those 40 characters hold the same
 * runs of letters, digits and hyphens as the window from where they start, but for the one run their start
 * may cut, whose word there may be shorter or none; so a word of the window that starts inside them is one
 * of theirs, and when two do, those two end both lists.
 */
function lastTwoWords(w: PlacedWords): string[] | null {
  const n = w.words.length;
  const start = Math.max(0, w.length - 40);
  if (!w.inPlace || n < 2 || w.starts[n - 2] < start) return null;
  return [w.words[n - 2], w.words[n - 1]];
}
/**
 * The first two words of `after.slice(0, 40)` (fewer if it has fewer), read off the 60-character window's
 * words, or null where they cannot be: with every character in place, the first 40 characters hold the
 * window's words that start within them, the last of them cut where they end.
 */
function firstTwoWords(w: PlacedWords): string[] | null {
  if (!w.inPlace) return null;
  const out: string[] = [];
  for (let i = 0; i < w.words.length && out.length < 2 && w.starts[i] < 40; i++) out.push(w.ends[i] > 40 ? w.words[i].slice(0, 40 - w.starts[i]) : w.words[i]);
  return out;
}
/** `[<>~±()=:;,/]`: the marks wordsOf keeps as words of their own. */
const isMark = charClass('<>~±()=:;,/');
/** `[a-z0-9-]`. */
const isWordTail = (c: number) => isLowerCode(c) || isDigitCode(c) || c === 45;
/** (A word without a digit is returned as it is, as the replace returned it, without running the pattern.) */
const fold = (w: string) => (hasDigit(w) ? w.replace(/\d+/g, '#') : w);
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isDigitCode(w.charCodeAt(i))) return true;
  return false;
}
const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'our', 'from', 'than', 'over', 'while', 'which', 'are', 'was', 'were', 'its', 'their', 'has', 'have', 'also', 'can', 'into', 'such', 'more', 'less']);
/** No stop word is longer: a longer word is not looked up (a new string's first look-up hashes all of it). */
const STOP_LONGEST = Math.max(...[...STOP].map((w) => w.length));
/** The digits after the first "." that a digit follows: `/\.(\d+)/.exec(written)?.[1].length ?? 0`, without the match. */
function decimalsOf(written: string): number {
  for (let i = written.indexOf('.'); i >= 0; i = written.indexOf('.', i + 1)) {
    let n = 0;
    while (isDigitCode(written.charCodeAt(i + 1 + n))) n++;
    if (n) return n;
  }
  return 0;
}
const DECIMALS = ['decimals:0', 'decimals:1', 'decimals:2', 'decimals:3'];
/** A word `near` reads: longer than two letters, not a stop word. */
const isContent = (w: string) => w.length > 2 && (w.length > STOP_LONGEST || !STOP.has(w));
/** Pushes `v` unless `out` holds it: `[...new Set(values)]` built in place (the lists are a handful long). */
function pushOnce(out: string[], v: string) {
  if (!out.includes(v)) out.push(v);
}
/** `[...new Set(values)]`: the first of each value, in order. */
function unique(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) pushOnce(out, v);
  return out;
}
const distance = (n: number) => (n <= 1 ? 'adj' : n <= 12 ? 'near' : 'far');

/**
 * `${a}:${b}` (or `${a}|${b}`) for values from a closed vocabulary (tags, kinds, relations,
 * rule names, units), made once and reused: a value built anew for every
 * candidate was a new string to allocate and, when the model looked it up,
 * to hash. Never for words of the text: their vocabulary is open, and this
 * table would grow with every abstract.
 */
const JOINED = { ':': new Map<string, Map<string, string>>(), '|': new Map<string, Map<string, string>>() };
function joined(a: string, b: string, separator: ':' | '|' = ':'): string {
  const table = JOINED[separator];
  let byB = table.get(a);
  if (!byB) table.set(a, (byB = new Map()));
  let s = byB.get(b);
  // joined into one flat string: a template makes a rope of its parts from 13 characters on ("R0:QualityMetric"),
  // and the model's look-up compared such a value with its key through V8's slow path, for every candidate
  if (s === undefined) byB.set(b, (s = [a, separator, b].join('')));
  return s;
}

export const FEATURES: Record<string, Family> = {
  /** Always on: the prior of each class. */
  bias: () => ['1'],
  /** Extractor 1.3.0's verdict and relation, so the model starts from what the rules know. */
  cascade: (c) => [kindOf(c.cascade), c.cascade ? joined('rel', c.cascade.relation) : joined('dropped', String(c.dropped))],
  /** What the decision rules say without exclusions. */
  proposal: (c) => (c.proposal ? [kindOf(c.proposal), joined('rel', c.proposal.relation)] : [kindOf(c.proposal)]),
  /** Semantic exclusions that fire: evidence against, weighed like the rest. */
  exclusion: (c) => (c.exclusions.length ? c.exclusions : ['none']),
  /** How the figure is written: its form, the scanner rule, a range, a sign, a word. */
  form: (c) => {
    const { q } = c;
    const out = [q.form, joined('rule', q.rule)];
    if (q.low != null) out.push('range');
    if (q.signed) out.push('signed');
    if (q.wordy) out.push('wordy');
    if (q.form === 'measure') out.push(joined('unit', q.unit.toLowerCase()));
    return out;
  },
  /** The number's size and precision: "93.63" reads as a score, "3" as a count. */
  magnitude: (c) => {
    const v = Math.abs(c.q.value ?? c.q.high ?? 0);
    const size = v < 1 ? '<1' : v < 2 ? '<2' : v < 10 ? '<10' : v < 100 ? '<100' : v < 1000 ? '<1000' : 'big';
    const decimals = decimalsOf(c.written);
    return [joined(c.q.form, size), DECIMALS[Math.min(decimals, 3)]];
  },
  qualifier: (c) => [c.qualifier],
  /** Cue tags around the figure: right after it, a little further on, left in its reach, anywhere earlier in the clause. */
  cues: (c) => {
    const { window: w, q } = c;
    const out: string[] = [];
    const r0 = w.right[0];
    if (r0) out.push(joined('R0', r0.tag), joined(joined('R0', r0.tag), distance(r0.start - q.end)));
    for (const h of w.right) out.push(joined('R', h.tag));
    for (const h of w.farRight) out.push(joined('FR', h.tag));
    const l0 = w.left[0];
    if (l0) out.push(joined('L0', l0.tag), joined(joined('L0', l0.tag), distance(q.start - l0.end)));
    for (const h of w.left) out.push(joined('L', h.tag));
    for (const h of w.clause) out.push(joined('C', h.tag));
    if (!w.right.length && !w.left.length) out.push('none');
    return unique(out);
  },
  /** Category and direction of the nearest meaningful cue on each side. */
  category: (c) => {
    const out: string[] = [];
    const right = c.window.right.find((h) => CUE_MEANING[h.tag]);
    const left = c.window.left.find((h) => CUE_MEANING[h.tag]);
    if (right) out.push(joined('R', CUE_MEANING[right.tag]!.category), joined('R', CUE_MEANING[right.tag]!.scale));
    if (left) out.push(joined('L', CUE_MEANING[left.tag]!.category), joined('L', CUE_MEANING[left.tag]!.scale));
    return out.length ? out : ['none'];
  },
  /** The words right next to the figure ("by", "than", "of", "to", "faster"), digits folded. */
  words: (c, sides) => {
    const left = lastTwoWords(sides.left) ?? wordsOf(c.before.slice(-40)).slice(-2);
    const right = firstTwoWords(sides.right) ?? wordsOf(c.after.slice(0, 40)).slice(0, 2);
    const out = [`-1:${fold(left.at(-1) ?? '^')}`, `+1:${fold(right[0] ?? '$')}`];
    if (left.length > 1) out.push(`-2:${fold(left.at(-2)!)}`);
    if (right.length > 1) out.push(`+2:${fold(right[1])}`);
    return out;
  },
  /** Content words a little further out on each side: evidence the cue lexicon may not name yet. */
  near: (c, sides) => {
    // the filter, slice(-5)/slice(0, 5), map and Set of before, as one pass per side: the last five content words
    // on the left (in text order), the first five on the right, each value once where it first appears ("l:" and
    // "r:" values never meet); the same values in the same order, without the intermediate arrays
    const out: string[] = [];
    const left = sides.left.words;
    let from = left.length;
    for (let n = 0; from > 0 && n < 5; ) if (isContent(left[--from])) n++;
    for (let i = from; i < left.length; i++) if (isContent(left[i])) pushOnce(out, `l:${fold(left[i])}`);
    const right = sides.right.words;
    for (let i = 0, n = 0; i < right.length && n < 5; i++) if (isContent(right[i])) n++, pushOnce(out, `r:${fold(right[i])}`);
    return out;
  },
  /** Small phrasings next to the figure that change what it is. */
  phrasing: (c) => {
    const out: string[] = [];
    // the words next to the figure are enough, and keep the end-anchored patterns cheap
    const b = c.before.slice(-80);
    const a = c.after.slice(0, 80);
    // each pattern test read the whole window (about 1,300 instructions); the tests below that are no pattern
    // give the same answers with a look at its end, and the patterns ending in \s+$ run only where b ends in one
    const trimmed = b.trimEnd(); // what \s*$ leaves: trimEnd strips \s's characters (WhiteSpace and LineTerminator)
    const spaced = trimmed.length < b.length;
    // /\(\s*[^()]*$/: an opening parenthesis with no parenthesis after it
    if (b.lastIndexOf('(') > b.lastIndexOf(')') && /^[^()]*\)/.test(a)) out.push('in-parentheses');
    if (spaced && /\bby\s+(?:\S+\s+){0,2}$/i.test(b)) out.push('by-N');
    if (/^\s*of\b/i.test(a)) out.push('N-of');
    const toN = spaced && /\bto\s+$/i.test(b);
    if (toN) out.push('to-N');
    if (toN && FROM_TO.test(b)) out.push('from-X-to-N'); // "to N" ends every "from X to N"
    if (/^\s*(?:vs\.?|versus)\b/i.test(a)) out.push('N-vs');
    if (/\b(?:vs\.?|versus|compared (?:to|with)|than)\s+\S*$/i.test(b)) out.push('after-comparison');
    if (/^[^,;.]{0,40}\bthan\b/i.test(a)) out.push('than-after');
    if (/\b(?:over|compared (?:to|with)|relative to|against)\b/i.test(a.slice(0, 50))) out.push('baseline-after');
    if (trimmed.endsWith(',')) out.push('after-comma'); // /,\s*$/
    if (spaced && /\b(?:at|with|under|for)\s+(?:a\s+|an\s+|the\s+)?$/i.test(b)) out.push('at-N');
    if (spaced && /\b(?:on|in|across)\s+(?:\w+\s+)?$/i.test(b)) out.push('on-N');
    if (spaced && /\b(?:of|is|was|=|:)\s+(?:an?\s+)?$/i.test(b)) out.push('is-N');
    // (a is at most 80 characters, and "respectively" at its start is one of its words)
    if (/\brespectively\b/i.test(a)) out.push('respectively');
    return out.length ? out : ['none'];
  },
  /** The sentence's role: opening, about "we", reporting results, in an evaluation study. */
  sentence: (c) => {
    const t = c.sentenceText;
    const out = [c.sentenceIndex === 0 ? 'first' : c.sentenceIndex === 1 ? 'second' : 'later'];
    if (/\b(?:we|our|us)\b/i.test(t)) out.push('we');
    if (/\b(?:this|the proposed|our)\s+(?:paper|work|method|approach|model|framework|system)\b/i.test(t)) out.push('this-work');
    if (/\b(?:achiev|outperform|surpass|improv|reduc|accelerat|attain|deliver|yield|obtain|reach|exceed|boost|speed)\w*/i.test(t)) out.push('result-verb');
    if (/\b(?:experiments?|results?|evaluations?)\s+(?:show|demonstrate|indicate|reveal|confirm)/i.test(t)) out.push('results-show');
    if (/\b(?:however|although|though|whereas|existing|previous|prior|conventional|traditional|typically|often|usually)\b/i.test(t)) out.push('contrast-or-background');
    if (/\b(?:dataset|benchmark|corpus)\b[^.]{0,60}\b(?:contains?|consists?|comprises?|includes?|with)\b/i.test(t)) out.push('describes-data');
    if (c.study) out.push('evaluation-study');
    return out;
  },
  /** Membership of a coordinated list, and the cascade's verdict on the previous figure. */
  list: (c) => {
    const out = [joined('prev', kindOf(c.previous))];
    if (c.listSize > 1) out.push(c.listIndex === 0 ? 'first-of-list' : 'later-of-list', c.listSize > 2 ? 'long-list' : 'pair');
    else out.push('alone');
    return out;
  },
  /** The sentence's quality metrics, from the metric table: scale and polarity. */
  metric: (c) => {
    // each metric's first row, its scale and polarity once each in order: what unique() of two flatMaps gave,
    // read in one loop (each flatMap call cost about 5,000 instructions, more than the values it made)
    const out: string[] = [];
    for (const m of c.sentenceMetrics) {
      const row = metricsIn(m.normal)[0];
      if (row) pushOnce(out, joined('scale', row.scale)), pushOnce(out, joined('better', row.better));
    }
    return out.length ? out : ['none'];
  },
};

/** Pairs of families whose values combine: a percent after "faster" means more than either alone. */
const CROSSES: [string, string][] = [
  ['form', 'cascade'],
  ['form', 'R0'],
  ['cascade', 'exclusion'],
];

/** Families that read only the sentence: computed once per sentence, not per figure. */
const PER_SENTENCE = new Set(['sentence', 'metric']);
function familyValues(name: string, family: Family, perSentence: boolean, c: FeatureContext, sides: Sides): string[] {
  if (!perSentence) return family(c, sides);
  let values = c.sentenceFamilies.get(name);
  if (!values) c.sentenceFamilies.set(name, (values = family(c, sides)));
  return values;
}

/**
 * A candidate's features by family: each family's name with its values, in
 * FEATURES order, then each cross with its one value. The decision model
 * reads them this way at run time (Scorer.scoreByFamily), without building a
 * name for each; training reads the names (featureNames).
 */
export type FamilyValues = [family: string, values: string[]][];

const CROSS_NAMES = CROSSES.map(([a, b]) => `${a}×${b}`);

/**
 * FEATURES' entries and whether each is PER_SENTENCE, listed once (FEATURES is not changed after
 * loading), and where in that list each cross finds its families' first values (R0: -1, read from
 * the window): Object.entries, the PER_SENTENCE look-ups and a record of first values per candidate
 * gave the same names, families and values in the same order.
 */
const FAMILY_LIST = Object.entries(FEATURES).map(([name, family]) => ({ name, family, perSentence: PER_SENTENCE.has(name) }));
const CROSS_AT = CROSSES.map((pair) => pair.map((f) => (f === 'R0' ? -1 : FAMILY_LIST.findIndex((e) => e.name === f))));

/** The features of one candidate, by family. */
export function familyValuesOf(c: FeatureContext): FamilyValues {
  const out: FamilyValues = [];
  const sides = sidesOf(c);
  for (const { name, family, perSentence } of FAMILY_LIST) out.push([name, familyValues(name, family, perSentence, c, sides)]);
  const firstOf = (at: number) => (at < 0 ? c.window.right[0]?.tag ?? 'none' : out[at][1][0]);
  for (let i = 0; i < CROSS_AT.length; i++) out.push([CROSS_NAMES[i], [joined(firstOf(CROSS_AT[i][0]), firstOf(CROSS_AT[i][1]), '|')]]);
  return out;
}

/** The named features: "family:value" for every value of every family, in order. */
export function featureNames(byFamily: FamilyValues): string[] {
  const out: string[] = [];
  for (const [name, values] of byFamily) for (const v of values) out.push(`${name}:${v}`);
  return out;
}
