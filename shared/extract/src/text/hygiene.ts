// Text hygiene: the abstract as the rules read it, with a map back to the
// original. Look-alike characters are replaced one for one (×, −, ≈, thin
// spaces); markup is rewritten (./markup.ts), which changes lengths, so every
// character of the cleaned text remembers the range of the original it came
// from. Spans are read in the cleaned text and mapped back with `span`, so
// they index the abstract exactly as given (UTF-16 code units).
import { MARKUP_RULES, type Edit } from './markup.js';

const SAME_LENGTH: Record<string, string> = {
  '\u00d7': 'x', // multiplication sign
  '\u2715': 'x', // multiplication x
  '\u2212': '-', // minus sign
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\ufe63': '-', '\uff0d': '-',
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ',
  '\u2248': '~', '\u223c': '~', '\u301c': '~', '\uff5e': '~', // approximately, tilde operator
  '\uff05': '%', '\u066a': '%',
  '\u2215': '/', '\u2044': '/',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\u2265': '>', '\u2264': '<',
  '\u03bc': '\u00b5', // Greek mu as micro sign
};

const PATTERN = new RegExp(`[${Object.keys(SAME_LENGTH).join('')}]`, 'g');
/**
 * Every look-alike is outside ASCII (checked here, on the table above), and
 * most abstracts are plain ASCII: a scan for any such character is cheaper
 * than the replace's scan for the table's, and lets those skip it.
 */
const NON_ASCII = Object.keys(SAME_LENGTH).every((c) => c.charCodeAt(0) >= 0x80) ? /[^\x00-\x7f]/ : /[^]/;

export interface CleanText {
  /** The text the rules read. */
  text: string;
  /** The original [start, end) of an offset range of `text`. */
  span(start: number, end: number): [number, number];
}

/** Applies non-overlapping edits to text whose characters came from original ranges [from[i], to[i]). */
function applyEdits(text: string, from: Int32Array, to: Int32Array, edits: Edit[]) {
  edits.sort((a, b) => a.start - b.start);
  const kept = edits.filter((e, i) => i === 0 || e.start >= edits[i - 1].end); // an edit overlapping an earlier one is dropped
  const length = text.length + kept.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  const f = new Int32Array(length);
  const t = new Int32Array(length);
  const parts: string[] = [];
  let at = 0; // in text
  let o = 0; // in the output
  const copy = (end: number) => {
    parts.push(text.slice(at, end));
    f.set(from.subarray(at, end), o);
    t.set(to.subarray(at, end), o);
    o += end - at;
  };
  for (const e of kept) {
    copy(e.start);
    parts.push(e.text);
    // every character of a rewrite comes from the whole range it replaced
    f.fill(from[e.start], o, o + e.text.length);
    t.fill(to[e.end - 1], o, o + e.text.length);
    o += e.text.length;
    at = e.end;
  }
  copy(text.length);
  return { text: parts.join(''), from: f, to: t };
}

/** The identity map of a text of `n` characters: character i came from [i, i + 1). */
function identity(n: number): [Int32Array, Int32Array] {
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) (from[i] = i, to[i] = i + 1);
  return [from, to];
}

export function cleanText(original: string): CleanText {
  let text = NON_ASCII.test(original) ? original.replace(PATTERN, (c) => SAME_LENGTH[c] ?? c) : original;
  let from: Int32Array | null = null;
  let to: Int32Array | null = null;
  for (const rule of MARKUP_RULES) {
    if (!rule.applies(text)) continue;
    const edits: Edit[] = [];
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      edits.push(...(typeof rule.rewrite === 'string' ? [{ start: m.index, end: m.index + m[0].length, text: rule.rewrite }] : rule.rewrite(m)));
      if (m[0].length === 0) rule.pattern.lastIndex++;
    }
    if (!edits.length) continue;
    if (!from || !to) [from, to] = identity(text.length);
    ({ text, from, to } = applyEdits(text, from, to, edits));
  }
  if (!from || !to) return { text, span: (start, end) => [start, end] };
  const f = from;
  const t = to;
  return {
    text,
    span: (start, end) => (end > start ? [f[start], t[end - 1]] : [f[start] ?? original.length, f[start] ?? original.length]),
  };
}
