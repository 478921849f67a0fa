import { describe, expect, it } from 'vitest';
import { BASELINE_KEYS, Lexicon, METRIC_KEYS, SETTING_KEYS, type LexiconRow } from '../src/index.js';

/**
 * The matcher as first written: every length from six words down at every
 * word. matches() now grows runs along a prefix set instead (the writer calls
 * it for every claim); it must find exactly what this finds.
 */
function reference<R extends LexiconRow>(rows: readonly R[], phrase: string) {
  const words = [...phrase.matchAll(/[\p{L}\p{N}]+(?:[@.][\p{L}\p{N}]+)*/gu)].map((m) => ({ text: m[0], offset: m.index! }));
  const join = (ws: string[]) => ws.join('');
  const formOf = (s: string, f: (w: string) => string) => join([...s.matchAll(/[\p{L}\p{N}]+(?:[@.][\p{L}\p{N}]+)*/gu)].map((m) => f(m[0])));
  const folded = new Map<string, R>();
  const exact = new Map<string, R>();
  for (const row of rows) {
    for (const s of row.cased?.includes(row.key) ? row.spellings : [row.key, ...row.spellings]) folded.set(formOf(s, (w) => w.toLowerCase()), row);
    for (const s of row.cased ?? []) exact.set(formOf(s, (w) => w), row);
  }
  const out: { key: string; at: number; offset: number; words: number }[] = [];
  for (let i = 0; i < words.length; ) {
    let best = null;
    for (let n = Math.min(6, words.length - i); n >= 1 && !best; n--) {
      const slice = words.slice(i, i + n);
      const row = exact.get(join(slice.map((w) => w.text))) ?? folded.get(join(slice.map((w) => w.text.toLowerCase())));
      if (row) best = { key: row.key, at: i, offset: slice[0].offset, words: n };
    }
    if (best) {
      out.push(best);
      i += best.words;
    } else i++;
  }
  return out;
}

describe('Lexicon.matches', () => {
  const tables: [string, readonly LexiconRow[]][] = [['metric', METRIC_KEYS], ['setting', SETTING_KEYS], ['baseline', BASELINE_KEYS]];
  it.each(tables)('finds what trying every length finds, on every %s spelling in context', (_, rows) => {
    const lexicon = new Lexicon(rows);
    const spellings = rows.flatMap((r) => [r.key, ...r.spellings, ...(r.cased ?? [])]);
    // Each spelling alone, cased, upper, glued to its neighbours, and runs of several in one sentence.
    const phrases = spellings.flatMap((s, i) => [
      s, s.toUpperCase(), `On ${s} with a 3x speedup`, `${s}${spellings[(i + 1) % spellings.length]}`,
      `the ${s} ${spellings[(i + 7) % spellings.length]} and ${spellings[(i + 13) % spellings.length]} of ${s.split(/\s+/)[0]}`,
    ]);
    for (const p of phrases) expect(lexicon.matches(p).map((m) => ({ key: m.row.key, at: m.at, offset: m.offset, words: m.words })), p).toEqual(reference(rows, p));
  });
});
