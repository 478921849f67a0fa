// Reading numbers as authors write them: digits with thousands separators,
// and the small number words that appear in factor phrases ("four times").

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

/** Number words a factor phrase may use, longest first so alternations prefer "fifteen" over "five". */
export const NUMBER_WORD_LIST = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length);

const PLAIN_DIGITS = /^(?:\d+\.?\d*|\.\d+)$/;

/** "7,000" → 7000, "−3.5" → -3.5, "four" → 4, "an"/"a" → 1; NaN when it is not a number. */
export function parseNumber(written: string): number {
  // Plain digits with at most one decimal point ("42", "3.5", ".5", "7."), as the scanner
  // mostly hands them over: trimming, lower-casing, the dash and comma replacements change
  // nothing in such a string, and the final test accepts it, so it is Number() of itself.
  if (PLAIN_DIGITS.test(written)) return Number(written);
  const s = written.trim().toLowerCase().replace(/[\u2212\u2013]/g, '-');
  if (s === 'a' || s === 'an') return 1;
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s];
  const digits = s.replace(/,(?=\d{3}\b)/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits) ? Number(digits) : NaN;
}
