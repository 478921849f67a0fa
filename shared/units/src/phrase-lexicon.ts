// A lexicon of canonical names and their spellings, matched inside free text.
// Spellings are compared without case and separators ("ImageNet-1k",
// "imagenet 1K" and "ImageNet1k" are one spelling), over runs of whole
// words, so "AP" is found in "box AP" but not in "APQ". The longest match
// wins where two overlap ("ImageNet-21k" over "ImageNet").
// Shared by the metric, setting and baseline key tables.

export interface LexiconRow {
  /** The canonical name: what the key column stores and the page shows. */
  key: string;
  /** Spellings, compared without case and without separators between words. */
  spellings: string[];
  /** Spellings compared with their case as written, for words that are also common words ("Pixel", "Pile"). */
  cased?: string[];
}

export interface LexiconMatch<R extends LexiconRow> {
  row: R;
  /** Index of the first word of the match, in the phrase's words. */
  at: number;
  /** UTF-16 offset of the match in the phrase. */
  offset: number;
  /** Words the match spans. */
  words: number;
}

/** Longest spelling, in words, that a lexicon recognises. */
const MAX_WORDS = 6;

interface Word {
  text: string;
  offset: number;
}

/** Words: letters and digits, plus the few symbols metric names carry ("pass@1", "F0.5", "R@1"). */
function wordsOf(phrase: string): Word[] {
  const out: Word[] = [];
  for (const m of phrase.matchAll(/[\p{L}\p{N}]+(?:[@.][\p{L}\p{N}]+)*/gu)) out.push({ text: m[0], offset: m.index! });
  return out;
}

const fold = (s: string) => s.toLowerCase();
/** A spelling's lookup form: its words joined without separators. */
const joined = (words: string[]) => words.join('');

export class Lexicon<R extends LexiconRow> {
  private readonly folded = new Map<string, R>();
  private readonly exact = new Map<string, R>();
  /**
   * Every leading part of every form (folded and exact alike): a run of words
   * whose join is no such prefix cannot grow into a match, so matches() stops
   * there instead of trying all six lengths at every word.
   */
  private readonly prefixes = new Set<string>();

  constructor(readonly rows: readonly R[]) {
    for (const row of rows) {
      // A key that is only a cased spelling ("MATH") is not also matched without case.
      const keyCased = row.cased?.includes(row.key);
      for (const s of keyCased ? row.spellings : [row.key, ...row.spellings]) this.add(this.folded, joined(wordsOf(s).map((w) => fold(w.text))), row);
      for (const s of row.cased ?? []) this.add(this.exact, joined(wordsOf(s).map((w) => w.text)), row);
    }
  }

  private add(map: Map<string, R>, form: string, row: R) {
    const other = map.get(form);
    // One spelling, two meanings: a table error the tests catch at load.
    if (other && other !== row) throw new Error(`lexicon: "${form}" spells both ${other.key} and ${row.key}`);
    map.set(form, row);
    for (let i = 1; i <= form.length; i++) this.prefixes.add(form.slice(0, i));
  }

  /** Every match in the phrase, in text order; overlapping matches give way to the longest. */
  matches(phrase: string | null | undefined): LexiconMatch<R>[] {
    if (!phrase) return [];
    const words = wordsOf(phrase);
    const foldedWords = words.map((w) => fold(w.text));
    const out: LexiconMatch<R>[] = [];
    for (let i = 0; i < words.length; ) {
      // Grow the run word by word while it can still become a form; the longest
      // length that is one wins, and at one length a cased spelling before a folded one.
      let best: LexiconMatch<R> | null = null;
      let exact: string | null = '';
      let folded: string | null = '';
      for (let n = 1; n <= Math.min(MAX_WORDS, words.length - i) && (exact !== null || folded !== null); n++) {
        if (exact !== null) exact = this.prefixes.has((exact += words[i + n - 1].text)) ? exact : null;
        if (folded !== null) folded = this.prefixes.has((folded += foldedWords[i + n - 1])) ? folded : null;
        const row = (exact !== null ? this.exact.get(exact) : undefined) ?? (folded !== null ? this.folded.get(folded) : undefined);
        if (row) best = { row, at: i, offset: words[i].offset, words: n };
      }
      if (best) {
        out.push(best);
        i += best.words;
      } else i++;
    }
    return out;
  }

  /** The longest match in the phrase (the first of equals), or null. */
  best(phrase: string | null | undefined): LexiconMatch<R> | null {
    let best: LexiconMatch<R> | null = null;
    for (const m of this.matches(phrase)) if (!best || m.words > best.words) best = m;
    return best;
  }
}
