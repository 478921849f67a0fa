// Quantity patterns: every way a number expression of a result is written.
// Each rule is named by what it recognizes; the scanner keeps, at each place,
// the longest match (ties go to the earlier rule in QUANTITY_RULES).
import { COUNT_MULTIPLIERS, NUMBER_WORD_LIST, WRITTEN_UNITS, parseNumber } from '@claimflow/units';
import { isDigitCode } from '../text/chars.js';
import { changesFrom } from './phrasing.js';

export type Form = 'factor' | 'fraction' | 'percent' | 'points' | 'measure' | 'bare';

export interface Quantity {
  rule: string;
  form: Form;
  /** Absolute [start, end) of the number expression. */
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Unit as written ('x', 'times', '%', 'points', 'MB', 'orders of magnitude', '' for none). */
  unit: string;
  /** An explicit + or − was written before the number. */
  signed: boolean;
  /** Written as a word ("twice", "half", "an order of magnitude"): needs a cue next to it to count. */
  wordy: boolean;
  /** Some phrasings carry their own qualifier ("orders of magnitude" is at least 100). */
  impliedQualifier?: 'lower_bound';
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
/** A sign counts only where it cannot be a hyphen inside a name ("ResNet-50"); a plus may stand apart ("(+ 2.8%)"). */
const SIGN = String.raw`(?<![A-Za-z0-9.)\]])(?:[+-]|\+\s(?=\d))`;
/** Factor suffixes: "3x", "3×" (cleaned to x), "3 times", "3times", "3\times", "3$\times$" (LaTeX), "3-fold". */
const FACTOR = String.raw`(?:\s?(?:x|X)(?![A-Za-z0-9])|\s?\$\s?\\times\s?\$|\s?\\times(?![A-Za-z])|[\s-]?times(?![A-Za-z])|[\s-]?fold(?![A-Za-z]))`;
const PERCENT = String.raw`(?:\s?(?:%|\\%)|\s(?:percent|per cent)(?![A-Za-z]))`;
// "%p" is how some authors write percentage points ("improves AP by 2.3%p")
const POINTS = String.raw`(?:\s?|-)(?:percentage points?|pp|p\.p\.|%p|points?|pts|pt)(?![A-Za-z])`;
const WORDS = NUMBER_WORD_LIST.join('|');
const UNITS = WRITTEN_UNITS.filter((u) => u !== '$').map(esc).join('|');
/** Counted units: "3.1M parameters", "7 billion params", "600M FLOPs" (a glued "600MFLOPs" is in the unit table). */
const COUNT_UNIT = String.raw`(?:(?:K|M|B|T)\s?|(?:thousand|million|billion|trillion)\s)?(?:parameters|params)|(?:K|M|B|G|T)\s(?:FLOPs|MACs)`;
/** Units of a rate per second: the only ones a glued K/M/B may multiply ("2T tokens" is a corpus size, not a result). */
const RATE_UNITS = WRITTEN_UNITS.filter((u) => /\/s|per second|\/sec/.test(u) && !/FLOP|MAC/.test(u)).map(esc).join('|');
const MEASURE = String.raw`\s?(?:${COUNT_UNIT}|${UNITS})(?![A-Za-z0-9])`;
/** What joins the members of a list: "7B, 13B, and 70B", "7B/13B", "7B and 13B". */
const COUNT_LIST_GAP = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\/\s*)`;
const RANGE_JOIN = String.raw`\s?(?:-|to|~)\s?`;
/** A range never starts inside a name: in "the win rate against GPT-4 to 38.5%" the 4 is GPT-4's, and 38.5% stands alone. */
const RANGE_START = String.raw`(?<![A-Za-z]-?)`;

/**
 * What the percent and points patterns hold, for their `needs`: every PERCENT ends in "%" or in "percent" /
 * "per cent"; every POINTS starts, right after the number's last digit, with nothing, a space or a hyphen
 * and then "p" (every NUM ends in a digit). These patterns try their optional sign and its look-behind at
 * every character of every sentence with a digit; a sentence without the unit has no match to find.
 */
const PERCENT_SIGN = /%|per ?cent/;
/**
 * What the range patterns hold, for their `needs`: RANGE_JOIN ("-", "to", "~", a space either side allowed)
 * right after the first number (every NUM ends in a digit), or after its unit where the pattern lets the
 * first number have one (factor-range's "x", percent-range's "%", "percent", "per cent"), and a second number
 * (a digit, or a point and a digit) right after the join.
 */
const RANGE_AFTER_DIGIT = /\d\s?(?:-|to|~)\s?\.?\d/;
const RANGE_AFTER_FACTOR = /[\dxX]\s?(?:-|to|~)\s?\.?\d/;
const RANGE_AFTER_PERCENT = /(?:\d|%|percent|per cent)\s?(?:-|to|~)\s?\.?\d/;
const POINTS_AFTER_DIGIT = /\d[\s-]?%?p/;

interface QuantityRule {
  name: string;
  form: Form;
  pattern: RegExp;
  /**
   * Text every match of `pattern` contains: a sentence without it skips the
   * pattern. For the word patterns, whose alternations of number words are
   * tried at every word of every sentence with a figure; the number patterns
   * gained nothing measurable from such a test.
   */
  needs?: RegExp;
  /**
   * Every match starts with a word NUMBER_WORD finds (a number word, "twice", "half", "an order"...): a
   * sentence with digits but no such word skips the pattern (one NUMBER_WORD test for all such rules).
   */
  startsWithNumberWord?: boolean;
  /**
   * Every match holds a digit within its first DIGIT_LEAD characters: the
   * pattern is skipped in a sentence without a digit, and tried only from
   * DIGIT_LEAD characters before the sentence's first digit (see scanQuantities).
   */
  holdsADigit?: boolean;
  /**
   * `needs` is found near the digits whenever `pattern` matches: within DIGIT_ZONE of the
   * sentence (see there), so it is tested there, not on the whole sentence.
   */
  needsNearDigits?: boolean;
  read: (m: RegExpExecArray) => Omit<Quantity, 'rule' | 'form' | 'start' | 'end'> | null;
}

const single = (value: number, unit: string, signed = false, wordy = false) =>
  Number.isFinite(value) ? { value, low: null, high: null, unit, signed, wordy } : null;
const range = (a: number, b: number, unit: string) =>
  Number.isFinite(a) && Number.isFinite(b) ? { value: null, low: a, high: b, unit, signed: false, wordy: false } : null;
const factorUnit = (suffix: string) => (/times/.test(suffix) ? (/^\s/.test(suffix) ? 'times' : 'x') : /fold/.test(suffix) ? 'fold' : 'x');
const signOf = (s: string | undefined) => (s?.trim() === '-' ? -1 : 1);
const FRACTION_WORDS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10, hundredth: 100 };

export const QUANTITY_RULES: QuantityRule[] = [
  {
    name: 'factor-range', // "5-10x", "2 to 20 times", "4x to 12x", "1.2-3x"
    form: 'factor',
    holdsADigit: true,
    needsNearDigits: true,
    needs: RANGE_AFTER_FACTOR, // see RANGE_AFTER_DIGIT
    pattern: new RegExp(String.raw`${RANGE_START}(${NUM})(?:\s?[xX])?${RANGE_JOIN}(${NUM})(${FACTOR})`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), factorUnit(m[3])),
  },
  {
    name: 'factor-between', // "between 2 and 4x"
    form: 'factor',
    holdsADigit: true,
    needs: /between /, // the pattern's own words
    pattern: new RegExp(String.raw`between (${NUM})(?:\s?[xX])? and (${NUM})(${FACTOR})`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), factorUnit(m[3])),
  },
  {
    name: 'factor', // "3x", "2.5times", "3-fold", "1.5 ×"
    form: 'factor',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /\d\s?[xX$\\]|\d[\s-]?(?:times|fold)/, // a digit, then how each FACTOR starts: "x", "$\times$", "\times", "times", "fold"
    pattern: new RegExp(String.raw`(${NUM})(${FACTOR})`, 'g'),
    read: (m) => single(parseNumber(m[1]), factorUnit(m[2])),
  },
  {
    // "x2.5 faster", "a ×1.9 speedup" (× is cleaned to x): the sign before the number; a large whole number after
    // an x is a name ("x86"), so a prefixed factor is a decimal or at most 16
    name: 'factor-prefix',
    form: 'factor',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /[xX]\d/, // the pattern's own x before a digit
    pattern: new RegExp(String.raw`(?<=^|[\s(])[xX](${NUM})(?=[\s,;)]|$)`, 'g'),
    read: (m) => (m[1].includes('.') || parseNumber(m[1]) <= 16 ? single(parseNumber(m[1]), 'x') : null),
  },
  {
    name: 'factor-of', // "by a factor of 3", "a factor of 2.5 fewer", "by a factor of three"
    form: 'factor',
    needs: /factor of/i, // the pattern's own words
    pattern: new RegExp(String.raw`\bfactor of (?:about |around |roughly |up to )?(${NUM}|${WORDS})(?![\d.]*\d)(?![A-Za-z])`, 'gi'),
    read: (m) => single(parseNumber(m[1]), 'x'),
  },
  {
    // "a 5- and 10-fold reduction", "2-, 4- or 8-fold": a number whose hyphen is left hanging takes the fold of
    // the last member of its list (a suspended hyphen); each member stays its own figure
    name: 'factor-suspended',
    form: 'factor',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /\d-,?\s/, // the pattern's own hanging hyphen
    pattern: new RegExp(String.raw`(?<![\w.-])(${NUM})-(?=,?\s+(?:(?:${NUM})-,?\s+)*(?:and|or)\s+(?:${NUM})-?fold\b)`, 'g'),
    read: (m) => single(parseNumber(m[1]), 'fold'),
  },
  {
    name: 'word-fold', // "threefold", "ten-fold"
    form: 'factor',
    startsWithNumberWord: true,
    needs: /fold/i, // the pattern's own word
    pattern: new RegExp(String.raw`\b(${WORDS})-?fold\b`, 'gi'),
    read: (m) => single(parseNumber(m[1]), 'fold', false, true),
  },
  {
    name: 'word-times', // "four times as fast", "three times fewer"
    form: 'factor',
    startsWithNumberWord: true,
    needs: / times/i, // the pattern's own words
    pattern: new RegExp(String.raw`\b(${WORDS}) times\b`, 'gi'),
    read: (m) => single(parseNumber(m[1]), 'times', false, true),
  },
  {
    name: 'twice-double', // "twice the batch size", "doubles throughput"; not "by doubling the batch size" (an action)
    form: 'factor',
    startsWithNumberWord: true,
    needs: /twice|double/i, // the pattern's own words
    pattern: /\b(twice|double|doubles|doubled)\b/gi,
    read: (m) => single(2, m[1].toLowerCase(), false, true),
  },
  {
    name: 'triple-quadruple', // "triples the throughput", "thrice as fast", "quadruples the batch size"; not "tripling the data" (an action)
    form: 'factor',
    startsWithNumberWord: true,
    needs: /tripl|thrice|quadrupl/i, // the pattern's own words
    pattern: /\b(triple|triples|tripled|thrice|quadruple|quadruples|quadrupled)\b/gi,
    read: (m) => single(/^quad/i.test(m[1]) ? 4 : 3, m[1].toLowerCase(), false, true),
  },
  {
    name: 'half', // "at half the cost", "halves the memory"; not "halving the learning rate" (an action)
    form: 'factor',
    startsWithNumberWord: true,
    needs: /hal[fv]/i, // the pattern's own words
    pattern: /\b(half|halves|halved)\b/gi,
    read: (m) => single(2, m[1].toLowerCase(), false, true),
  },
  {
    name: 'orders-of-magnitude', // "an order of magnitude", "two orders of magnitude", "an order-of-magnitude speedup"
    form: 'factor',
    needs: /magnitude/i, // the pattern's own word
    pattern: new RegExp(String.raw`\b(?:(an|one|two|three|four|five|several|${NUM})[\s-])?(orders?)[\s-]of[\s-]magnitude\b`, 'gi'),
    read: (m) => {
      // "order of magnitude compression": one order; "by orders of magnitude": at least two
      if (!m[1]) return m[2].toLowerCase() === 'order' ? single(1, 'orders of magnitude', false, true) : { ...single(2, 'orders of magnitude', false, true)!, impliedQualifier: 'lower_bound' as const };
      if (/several/i.test(m[1])) return { ...single(2, 'orders of magnitude', false, true)!, impliedQualifier: 'lower_bound' as const };
      return single(parseNumber(m[1]), 'orders of magnitude', false, true);
    },
  },
  {
    name: 'one-order', // "one order speed-up": magnitude without "of magnitude"
    form: 'factor',
    startsWithNumberWord: true,
    needs: / order/i, // after "an|one|two|three" and a space
    pattern: /\b(an|one|two|three) (orders?)\b(?! of)/gi,
    read: (m) => single(parseNumber(m[1]), 'orders of magnitude', false, true),
  },
  {
    // "1/10 of the parameters", "a third of the memory", "one-quarter of the cost"; a unit fraction needs no "of":
    // "only 1/2 parameters", "1/10 the cost" (read as a count, "2 parameters" was a figure of no claim)
    name: 'fraction-of',
    form: 'fraction',
    needs: /\d\/\d|half|third|quarter|fifth|tenth|hundredth/i, // either alternative's own
    pattern: new RegExp(String.raw`(?:\b(\d+)\/(\d+)|\b(a|one)[\s-](half|third|quarter|fifth|tenth|hundredth))(?= of\b)|\b(1)\/([2-9]|[1-9]\d{1,2})(?= (?:the |its |their )?[a-z])`, 'gi'),
    read: (m) => {
      const value = m[5] ? 1 / Number(m[6]) : m[1] ? Number(m[1]) / Number(m[2]) : 1 / FRACTION_WORDS[m[4].toLowerCase()];
      return { ...single(value, 'fraction')!, wordy: !m[1] && !m[5] };
    },
  },
  {
    // "two-thirds of the memory", "four-fifths of the performance": a share written in words, read as the percent it is
    // (a unit fraction, "a third of", is fraction-of's)
    name: 'share-words',
    form: 'percent',
    startsWithNumberWord: true,
    needs: /thirds|quarters|fifths|tenths/i, // the pattern's own words
    pattern: new RegExp(String.raw`\b(two|three|four|seven|nine)[\s-](thirds|quarters|fifths|tenths)(?= of\b)`, 'gi'),
    read: (m) => {
      const n = parseNumber(m[1]);
      const d = FRACTION_WORDS[m[2].toLowerCase().slice(0, -1)]; // "thirds" -> third
      return n < d ? single((100 * n) / d, '%', false, true) : null;
    },
  },
  {
    name: 'percent-range', // "1-3%", "20% to 35%", "40-150%"
    form: 'percent',
    holdsADigit: true,
    needsNearDigits: true,
    needs: RANGE_AFTER_PERCENT, // see RANGE_AFTER_DIGIT (rarer than PERCENT_SIGN)
    pattern: new RegExp(String.raw`${RANGE_START}(${NUM})(?:${PERCENT})?${RANGE_JOIN}(${NUM})${PERCENT}`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), '%'),
  },
  {
    name: 'percent-between', // "between 10% and 20%"
    form: 'percent',
    holdsADigit: true,
    needs: /between /, // the pattern's own words
    pattern: new RegExp(String.raw`between (${NUM})(?:${PERCENT})? and (${NUM})${PERCENT}`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), '%'),
  },
  {
    name: 'percent', // "10%", "+2.1%", "50\%", "12 percent", "10+%"
    form: 'percent',
    holdsADigit: true,
    needsNearDigits: true,
    needs: PERCENT_SIGN,
    pattern: new RegExp(String.raw`(${SIGN})?(${NUM})(\+)?${PERCENT}`, 'g'),
    read: (m) => {
      const q = single(signOf(m[1]) * parseNumber(m[2]), '%', !!m[1]);
      return q && m[3] ? { ...q, impliedQualifier: 'lower_bound' as const } : q;
    },
  },
  {
    name: 'points-range', // "1.5-3.0 points", "2 to 4 pp"
    form: 'points',
    holdsADigit: true,
    needsNearDigits: true,
    needs: POINTS_AFTER_DIGIT,
    pattern: new RegExp(String.raw`${RANGE_START}(${NUM})${RANGE_JOIN}(${NUM})(${POINTS})`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), m[3].replace(/^[\s-]+/, '')),
  },
  {
    name: 'points', // "3.2 points", "+2.1 pp", "3 percentage points"
    form: 'points',
    holdsADigit: true,
    needsNearDigits: true,
    needs: POINTS_AFTER_DIGIT,
    pattern: new RegExp(String.raw`(${SIGN})?(${NUM})(${POINTS})`, 'g'),
    read: (m) => single(signOf(m[1]) * parseNumber(m[2]), m[3].replace(/^[\s-]+/, ''), !!m[1]),
  },
  {
    name: 'measure-range', // "10-20 ms"
    form: 'measure',
    holdsADigit: true,
    needsNearDigits: true,
    needs: RANGE_AFTER_DIGIT, // see RANGE_AFTER_DIGIT
    pattern: new RegExp(String.raw`${RANGE_START}(${NUM})${RANGE_JOIN}(${NUM})(${MEASURE})`, 'g'),
    read: (m) => range(parseNumber(m[1]), parseNumber(m[2]), m[3].trim()),
  },
  {
    name: 'measure', // "1.5 MB", "40ms", "0.9 petaFLOPs/second", "3.1M parameters", "2 days"
    form: 'measure',
    holdsADigit: true,
    // a denominator is no measure: "1/2 parameters" is a fraction (fraction-of), not 2 parameters
    pattern: new RegExp(String.raw`(?<!\d\/[\d.]*)(${NUM})(${MEASURE})`, 'g'),
    read: (m) => single(parseNumber(m[1]), m[2].trim()),
  },
  {
    // "with 28.3M, 49.7M, and 87.9M parameters": members of a list whose last member names the counted unit
    // take it too (a glued "28.3M" alone is a name's size, which the syntax exclusions drop)
    name: 'count-list',
    form: 'measure',
    holdsADigit: true,
    needs: /param/, // the counted unit's own word
    pattern: new RegExp(String.raw`(${NUM})([KMBT])(?=(?:${COUNT_LIST_GAP}(?:${NUM})\2)*${COUNT_LIST_GAP}(?:${NUM})\2\s?(parameters|params)(?![A-Za-z]))`, 'g'),
    read: (m) => single(parseNumber(m[1]), `${m[2]} ${m[3]}`),
  },
  {
    name: 'measure-counted', // "4.3 million tokens per second", "1.2 billion parameters"
    form: 'measure',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /thousand|million|billion/, // the pattern's own words
    pattern: new RegExp(String.raw`(${NUM})\s(thousand|million|billion)\s(${UNITS})(?![A-Za-z0-9])`, 'g'),
    read: (m) => single(parseNumber(m[1]) * (COUNT_MULTIPLIERS[m[2]] ?? 1), m[3]),
  },
  {
    name: 'measure-counted-rate', // "2.5K tokens/s", "1.2M tokens per second": a glued thousand or million, then a rate
    form: 'measure',
    holdsADigit: true,
    needs: /\/s|per sec/, // the rate's own words
    pattern: new RegExp(String.raw`(${NUM})\s?([KkMB])\s?(${RATE_UNITS})(?![A-Za-z0-9])`, 'g'),
    read: (m) => single(parseNumber(m[1]) * (COUNT_MULTIPLIERS[m[2]] ?? 1), m[3]),
  },
  {
    name: 'dollars', // "$1.2", "$300"
    form: 'measure',
    holdsADigit: true,
    needs: /\$/, // the pattern's own sign
    pattern: new RegExp(String.raw`\$\s?(${NUM})(?:\s?(K|M|B|k|million|billion)\b)?`, 'g'),
    read: (m) => {
      return single(parseNumber(m[1]) * (m[2] ? COUNT_MULTIPLIERS[m[2]] : 1), 'USD');
    },
  },
  {
    // "16.2/25", "4.5/5": a score out of its maximum is the score; a decimal tells it from a ratio or a split ("3/4")
    name: 'score-out-of',
    form: 'bare',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /\.\d+\s?\/\s?\d/, // the pattern's own decimal and slash
    pattern: new RegExp(String.raw`(?<![\d.\/])(\d+\.\d+)\s?\/\s?(\d+)(?![\d.\/])`, 'g'),
    read: (m) => (parseNumber(m[1]) <= parseNumber(m[2]) ? single(parseNumber(m[1]), '') : null),
  },
  {
    // "0.28m", "1.2dB", "12cm": a length or a level glued to its number reads as the number written apart ("0.28 m"),
    // whose metric says what it is; a lower-case "m" before a count is a million, which the syntax exclusions drop
    name: 'glued-unit',
    form: 'bare',
    holdsADigit: true,
    needsNearDigits: true,
    needs: /\d(?:dB|cm|mm|km|nm|px|m)(?![A-Za-z0-9])/, // a digit glued to one of the units
    pattern: new RegExp(String.raw`(${SIGN})?(${NUM})(?:dB|cm|mm|km|nm|px|m(?!\s?(?:parameters|params|tokens)))(?![A-Za-z0-9])`, 'g'),
    read: (m) => single(signOf(m[1]) * parseNumber(m[2]), '', !!m[1]),
  },
  {
    name: 'bare-number', // "44.5 AP50", "a speedup of 1.4"
    form: 'bare',
    holdsADigit: true,
    pattern: new RegExp(String.raw`(${SIGN})?(${NUM})(?![\d.]*\d)`, 'g'),
    read: (m) => single(signOf(m[1]) * parseNumber(m[2]), '', !!m[1]),
  },
];

/**
 * "improves utilization from 45% to 82%" is a change, not a range: only the
 * work's own figure (the second) is kept. "ranging from 4x to 12x" stays a range.
 */
function transitionTarget(q: Quantity, sentence: string, offset: number): Quantity {
  if (q.low == null || q.high == null) return q;
  const before = sentence.slice(0, q.start - offset);
  const written = sentence.slice(q.start - offset, q.end - offset);
  if (!changesFrom(before) && !parentheticalTransition(before, written, sentence.slice(q.end - offset))) return q;
  const to = /\sto\s/.exec(written);
  if (!to) return q;
  const start = q.start + to.index + to[0].length;
  return { ...q, rule: q.rule.replace('-range', ''), start, value: q.high, low: null, high: null };
}

/**
 * "an increase in accuracy on A (69% to 82%), B (73.9% to 76%)": a pair in
 * parentheses, both ends with their unit, after a change, is where the figure
 * went, not a range.
 */
function parentheticalTransition(before: string, written: string, after: string): boolean {
  return /\(\s*$/.test(before) && /^\s*\)/.test(after) && /%.*\sto\s.*%/.test(written) &&
    /\b(?:increas|improv|gain|boost|rais|reduc|decreas|drop|lower|cut|went|rose|fell)\w*/i.test(before);
}

/**
 * What every rule needs somewhere in the sentence: a digit or a number word.
 * Most sentences of an abstract hold neither; they skip the twenty patterns.
 * Two tests, the digit first: as one alternation, the number words were
 * tried at every character before the first digit.
 */
const DIGIT = /\d/;
const NUMBER_WORD = new RegExp(String.raw`\b(?:${WORDS}|twice|double|tripl|thrice|quadrupl|half|halv|an? (?:order|third|quarter|fifth|tenth|hundredth)|orders? of magnitude|several)`, 'i');

/**
 * The case-insensitive `needs` of QUANTITY_RULES (by index), made case-sensitive, for the lower-cased
 * sentence. For a pattern written in lower case (no upper-case letter: no \W, \B, \D or \S either), a
 * case-insensitive match is a case-sensitive match in the lower-cased text: without the u flag, /i never
 * matches a non-ASCII character to an ASCII one, so the matched letters are ASCII of either case, and
 * lower-case to the pattern's. Lower-casing can only add matches (the Kelvin sign lower-cases to "k"),
 * which the rule's own pattern then rejects as before. Each case-insensitive search tried every character
 * of the sentence; one lower-cased copy serves all of them.
 */
const LOWER_NEEDS = QUANTITY_RULES.map((r) => (r.needs?.ignoreCase && !/[A-Z]/.test(r.needs.source) ? new RegExp(r.needs.source, r.needs.flags.replace('i', '')) : null));

/**
 * How far into a match of a `holdsADigit` rule its first digit can be: "between .5" (factor-between's and
 * percent-between's words, then a number written from its point) puts it 9 characters in; a sign and a point
 * ("+ .5%", "$ .5") at most 3, a bare NUM ("7", ".5") at most 1. No such match starts more than this before
 * the sentence's first digit, so the pattern, tried from there, finds the matches it finds from the start
 * (a search from a later place finds the same leftmost match when none starts before it; the look-behinds
 * still read the text before).
 */
export const DIGIT_LEAD = 9;

/**
 * Where the `needs` of a `needsNearDigits` rule is found whenever its pattern matches: from 1 character
 * before the sentence's first digit to 12 after its last. Each such `needs` is what the pattern holds next
 * to one of its numbers: from the last digit of a number, its unit or range join (factor's "-times" ends 7
 * characters on, percent's "+ per cent" 11, measure-counted's " thousand" 10, the POINTS and range tests
 * end at most at a digit), or factor-prefix's x right before the first digit of its number. Outside these
 * bounds lie the words of sentences (digits cluster: about a third of a sentence with a digit is left), which
 * every such `needs` test read through in vain. A look-ahead at the end of the slice (glued-unit's) sees no
 * character and passes, as the pattern's own look-ahead passed at that place.
 */
const DIGIT_ZONE = { before: 1, after: 12 };

/** The text where a `needsNearDigits` rule's `needs` is tested (see DIGIT_ZONE), in a sentence whose first digit is at `firstDigit`. */
export function nearDigits(sentence: string, firstDigit: number): string {
  let last = sentence.length - 1;
  while (!isDigitCode(sentence.charCodeAt(last))) last--;
  return sentence.slice(Math.max(0, firstDigit - DIGIT_ZONE.before), last + 1 + DIGIT_ZONE.after);
}

/** All quantities in a sentence, non-overlapping, in text order. */
export function scanQuantities(sentence: string, offset: number): Quantity[] {
  // mayHoldAQuantity, keeping what the number-word test said when it ran (null: not run)
  let numberWord: boolean | null = null;
  const firstDigit = sentence.search(DIGIT);
  if (firstDigit < 0 && !(numberWord = NUMBER_WORD.test(sentence))) return [];
  let lower: string | null = null;
  let zone: string | null = null;
  const found: Quantity[] = [];
  for (let r = 0; r < QUANTITY_RULES.length; r++) {
    const rule = QUANTITY_RULES[r];
    if (rule.holdsADigit && firstDigit < 0) continue;
    // the rule's own words first: in a sentence with a digit, NUMBER_WORD (the costliest test) then runs only
    // where some word rule's words are found
    const lowerNeeds = LOWER_NEEDS[r];
    if (lowerNeeds) {
      if (!lowerNeeds.test((lower ??= sentence.toLowerCase()))) continue;
    } else if (rule.needs) {
      const where = rule.needsNearDigits ? (zone ??= nearDigits(sentence, firstDigit)) : sentence;
      if (!rule.needs.test(where)) continue;
    }
    if (rule.startsWithNumberWord && !(numberWord ??= NUMBER_WORD.test(sentence))) continue;
    const { pattern } = rule;
    pattern.lastIndex = rule.holdsADigit ? Math.max(0, firstDigit - DIGIT_LEAD) : 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const read = rule.read(m);
      if (read) found.push({ rule: rule.name, form: rule.form, start: offset + m.index, end: offset + m.index + m[0].length, ...read });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  // Longest first; among readings of the same length, the rule listed first, then the earlier one.
  // `found` already holds the readings in that tie order (rules in QUANTITY_RULES order, each
  // rule's matches left to right) and Array.prototype.sort is stable, so comparing lengths alone
  // gives the order the three-key comparison gave.
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Quantity[] = [];
  for (const q of found) if (!kept.some((k) => k.start < q.end && q.start < k.end)) kept.push(q);
  for (let i = 0; i < kept.length; i++) kept[i] = transitionTarget(kept[i], sentence, offset);
  return kept.sort((a, b) => a.start - b.start);
}
