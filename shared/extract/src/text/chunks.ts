// Whitespace-separated chunks of a text, the matches of /\S+/g, found a
// character at a time. The tokenizer's shortcuts (../lexicon/nlp.ts) and the
// cue pre-check (../lexicon/cue-words.ts) walk every chunk of every sentence
// they read; the pattern's match object per chunk cost more than the chunk.

const WHITESPACE = /\s/;

/** `/\s/.test(String.fromCharCode(c))`: ASCII decided here, anything else by the pattern itself. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(String.fromCharCode(c));
}

/** Where the chunk at or after `i` starts: the first non-whitespace character from `i` (text.length if none). */
export function chunkStart(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where the chunk that starts at `i` ends: the first whitespace character after it (text.length if none). */
export function chunkEnd(text: string, i: number): number {
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}
