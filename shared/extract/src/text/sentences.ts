// Sentence splitting with offsets. A cheap rule-based splitter is enough for
// abstracts, and it keeps compromise off the sentences that hold no number.

export interface Sentence {
  start: number;
  end: number;
  /** The cleaned text of the sentence (same offsets as the original). */
  text: string;
}

/** Words ending in "." that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'al', 'fig', 'figs', 'eq', 'eqs', 'vs', 'cf', 'approx', 'resp', 'etc', 'sec', 'no', 'ref',
  'refs', 'tab', 'seq', 'dr', 'mr', 'ms', 'st', 'incl', 'viz', 'ca',
]);

function endsWithAbbreviation(before: string): boolean {
  const m = /([A-Za-z][A-Za-z.]*)$/.exec(before.slice(-16)); // the last word is enough; the whole text would be rescanned at every boundary
  if (!m) return false;
  const word = m[1].toLowerCase().replace(/\.$/, '');
  if (ABBREVIATIONS.has(word)) return true;
  return /^[a-z]$/i.test(word) && /\s[A-Za-z]$/.test(before); // an initial: "J. Smith"
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]*(\s+)(?=["'(\[]?[A-Z0-9])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const stop = m.index + m[0].length - m[1].length;
    const before = text.slice(start, m.index);
    if (text[m.index] === '.' && endsWithAbbreviation(before)) continue;
    out.push({ start, end: stop, text: text.slice(start, stop) });
    start = m.index + m[0].length;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}
