// A cheap, exact pre-check for tagCues: can compromise tag any cue in this
// text at all? Built once from compromise's own model (its lexicon after the
// cue plugin, its aliases and contraction list), so it follows the lexicon.
//
// Why it is exact (no text it rejects could get a cue from compromise's
// tokenize + lexicon steps, nor from tagCues' "metric@k" reading). It answers
// only for printable ASCII text without an apostrophe or "@"; anything else
// goes to compromise. On such text:
// - every term lies inside one whitespace-separated chunk (compromise splits on
//   whitespace first, then at hyphens; it joins across whitespace only number
//   ranges, which start with a digit, and slashed pairs, and tagCues turns
//   slashes into spaces), and its `normal` and `machine` forms differ from
//   the chunk's text only by lower case and dropped punctuation (edge marks,
//   acronym periods, digit commas, letter-letter hyphens, leading #/@) — the
//   unicode table maps no ASCII letter, and the apostrophe rules ('s, s', in')
//   never apply. So the letters and digits of a term ("skeleton") are those of
//   the chunk or of a run of its hyphen pieces;
// - a lexicon hit needs a term equal to a single-word cue key or to the first
//   word of a multi-word cue key, or an alias of a term equal to a cue key;
// - terms compromise adds that are not in the text come from its contraction
//   step: known contractions ("cannot" → "can not": their words are triggers
//   here), apostrophes (excluded), "4km" → "4" "km" (the unit is the chunk's
//   skeleton less its leading digits) and number ranges ("2-5" → "2 to 5":
//   "to" would make any text with a digit and a hyphen a candidate);
// - tagCues' metric-at-k reading needs an "@".
// The checks below verify at load what this argument assumes of the lexicon
// (no cue key starting with a digit or without letters); where one fails,
// the pre-check passes everything to compromise.

import { chunkEnd, chunkStart, isDigitCode, isLowerCode } from '../text/chars.js';

export interface CueModel {
  /** compromise's lexicon: word or phrase → tag(s). */
  lexicon: Record<string, string | string[]>;
  /** Alias → word compromise also looks up ("&" → "and"). */
  aliases: Record<string, string>;
  /** compromise's known contractions; those with `word` match a whole term. */
  contractions: { word?: string; out?: string[] }[];
}

const skeleton = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Plain printable ASCII and whitespace, no apostrophe, backquote or "@". */
const PLAIN = /^[\t\n\r\x20-\x26\x28-\x3f\x41-\x5f\x61-\x7e]*$/;
const DIGIT = /[0-9]/;
const NOT_SKELETON = /[^a-z0-9]/g;
const LEADING_DIGITS = /^[0-9]+/;
/** `/^[a-z0-9]+$/.test(s)`, a character at a time: it runs on every chunk of every sentence the pre-check reads. */
function isSkeleton(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isLowerCode(c) || isDigitCode(c))) return false;
  }
  return s.length > 0;
}

/**
 * `(text) => false` only where compromise can tag no cue in `text`
 * (`isCue(tag)`: the tags that make a cue). Texts it cannot judge get `true`.
 */
export function cueCandidateTest(model: CueModel, isCue: (tag: string) => boolean): (text: string) => boolean {
  const triggers = new Set<string>();
  const rawTriggers: string[] = [];
  const cueKey = (key: string) => Object.hasOwn(model.lexicon, key) && [model.lexicon[key]].flat().some(isCue);
  for (const key of Object.keys(model.lexicon)) {
    if (!cueKey(key)) continue;
    triggers.add(skeleton(key.split(' ')[0]));
  }
  for (const [from, to] of Object.entries(model.aliases)) {
    if (!cueKey(to)) continue;
    if (skeleton(from)) triggers.add(skeleton(from));
    else rawTriggers.push(from.toLowerCase());
  }
  for (const c of model.contractions) if (c.word) triggers.add(skeleton(c.word));
  triggers.delete(''); // contraction words without letters ("@") are excluded by PLAIN
  // what the argument above assumes of the lexicon
  const sound = [...triggers].every((t) => !DIGIT.test(t[0]));
  if (!sound) return () => true;
  const rangeTo = triggers.has('to');

  return (text: string) => {
    if (!PLAIN.test(text)) return true;
    const lower = text.toLowerCase();
    if (rawTriggers.some((r) => lower.includes(r))) return true;
    if (rangeTo && DIGIT.test(lower) && lower.includes('-')) return true;
    return someTermMayBe(lower, triggers);
  };
}

/**
 * `(text) => false` only where compromise's contraction step would change no
 * term of `text` (then it need not run). On plain ASCII text without an
 * apostrophe (others: `true`) that step acts only on a term equal to one of
 * its known contractions ("cannot"), on a number-unit term ("4km": a digit,
 * then digits, points or commas, then a lower-case letter, in the text) and
 * on a term that starts with a digit and holds a hyphen ("2-5"; number ranges
 * written "2 - 5" are joined into one term first, so any digit and any hyphen).
 */
export function contractionTest(model: CueModel): (text: string) => boolean {
  const words = new Set(model.contractions.flatMap((c) => (c.word ? [skeleton(c.word)] : [])));
  words.delete(''); // "@": excluded by PLAIN
  return (text: string) => {
    if (!PLAIN.test(text) || NUMBER_UNIT.test(text) || (DIGIT.test(text) && text.includes('-'))) return true;
    return someTermMayBe(text.toLowerCase(), words);
  };
}

const NUMBER_UNIT = /[0-9][.,0-9]*[a-z]/;

/**
 * Whether some term of plain, lower-cased text could have one of `skeletons`
 * as its letters and digits: a whitespace-separated chunk or a run of its
 * hyphen pieces, whole or less its leading digits ("4km" gives the term "km").
 */
function someTermMayBe(lower: string, skeletons: Set<string>): boolean {
  const has = (s: string) => !!s && (skeletons.has(s) || (isDigitCode(s.charCodeAt(0)) && skeletons.has(s.replace(LEADING_DIGITS, ''))));
  // the whitespace-separated chunks, as `split(/\s+/)` gives them less empty ones
  for (let start = chunkStart(lower, 0); start < lower.length; start = chunkStart(lower, start)) {
    const end = chunkEnd(lower, start);
    const chunk = lower.slice(start, end);
    start = end;
    if (!chunk.includes('-')) {
      if (has(isSkeleton(chunk) ? chunk : chunk.replace(NOT_SKELETON, ''))) return true; // most chunks are their skeleton
      continue;
    }
    // every run of hyphen pieces: compromise keeps some hyphenated words whole ("f1-score") and splits others
    const pieces = chunk.split('-').map((p) => p.replace(NOT_SKELETON, ''));
    for (let i = 0; i < pieces.length; i++) {
      let run = '';
      for (let j = i; j < pieces.length; j++) {
        run += pieces[j];
        if (has(run)) return true;
      }
    }
  }
  return false;
}
