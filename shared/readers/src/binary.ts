/**
 * Whether the start of a file is binary, not text: a NUL byte, or more than
 * one byte in ten a control character (other than tab, CR, LF, form feed) or
 * invalid UTF-8. A PDF or an archive renamed .txt is refused, not read as
 * papers made of noise.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (!head.length) return false;
  if (head.includes(0)) return true;
  let odd = 0;
  for (const b of head) if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) odd++;
  const text = new TextDecoder('utf-8').decode(head);
  // A multi-byte character cut at the end of the sample is not a sign of binary.
  odd += (text.slice(0, -4).match(/\uFFFD/g) ?? []).length;
  return odd * 10 > head.length;
}
