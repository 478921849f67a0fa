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

export interface CleanText {
  /** The text the rules read. */
  text: string;
  /** The original [start, end) of an offset range of `text`. */
  span(start: number, end: number): [number, number];
}

/** Applies non-overlapping edits to text whose characters came from original ranges [from[i], to[i]). */
function applyEdits(text: string, from: number[], to: number[], edits: Edit[]) {
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  const f: number[] = [];
  const t: number[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue; // overlaps an earlier edit
    for (; at < e.start; at++) (out += text[at], f.push(from[at]), t.push(to[at]));
    for (const ch of e.text) (out += ch, f.push(from[e.start]), t.push(to[e.end - 1]));
    at = e.end;
  }
  for (; at < text.length; at++) (out += text[at], f.push(from[at]), t.push(to[at]));
  return { text: out, from: f, to: t };
}

export function cleanText(original: string): CleanText {
  let text = original.replace(PATTERN, (c) => SAME_LENGTH[c] ?? c);
  let from: number[] | null = null;
  let to: number[] | null = null;
  for (const rule of MARKUP_RULES) {
    if (!rule.applies(text)) continue;
    const edits: Edit[] = [];
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      edits.push(...(typeof rule.rewrite === 'string' ? [{ start: m.index, end: m.index + m[0].length, text: rule.rewrite }] : rule.rewrite(m)));
      if (m[0].length === 0) rule.pattern.lastIndex++;
    }
    if (!edits.length) continue;
    from ??= Array.from({ length: text.length }, (_, i) => i);
    to ??= Array.from({ length: text.length }, (_, i) => i + 1);
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
