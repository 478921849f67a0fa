// Character classes and whitespace-separated chunks, read a character code
// at a time. The tokenizer's shortcuts (../lexicon/nlp.ts), the cue
// pre-check (../lexicon/cue-words.ts), the features (../model/features.ts)
// and the markup rules run them on every term or chunk of what they read,
// where a pattern call (and its match object) cost more than the test.

/** `[0-9]`. */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** `[a-z]`. */
export const isLowerCode = (c: number) => c >= 97 && c <= 122;
/** `[A-Za-z]`. */
export const isLetterCode = (c: number) => isLowerCode(c) || (c >= 65 && c <= 90);
/** `[A-Za-z0-9]`. */
export const isWordCode = (c: number) => isDigitCode(c) || isLetterCode(c);

/**
 * A test of "is this character one of `chars`" by character code: a table for ASCII, a set beyond it. Each
 * such class was an array searched with `includes` per character, which cost more than the test.
 */
export function charClass(chars: string): (c: number) => boolean {
  const codes = new Set([...chars].map((ch) => ch.charCodeAt(0)));
  const ascii = new Uint8Array(128);
  for (const c of codes) if (c < 128) ascii[c] = 1;
  return (c) => (c < 128 ? ascii[c] === 1 : codes.has(c));
}

// The whitespace-separated chunks of a text: the matches of /\S+/g.
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
