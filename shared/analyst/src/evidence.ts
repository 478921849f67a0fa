import type { Evidence } from '@claimflow/schemas';

/**
 * Where the claim's text sits in its sentence. The span indexes the
 * abstract, and the sentence is a substring of it, so the claim's offset in
 * the sentence is span start minus the sentence's start. PostgreSQL's
 * strpos() counts code points, not UTF-16 units, so that offset is only a
 * hint: of the occurrences of the claim's text in the sentence, the nearest
 * to it wins (exact whenever the abstract has no astral characters).
 */
export function evidenceFor(sentence: string | null, text: string, offsetHint: number | null): Evidence | null {
  if (!sentence) return null;
  if (!text) return { sentence, highlight: null };
  let best: number | null = null;
  for (let at = sentence.indexOf(text); at >= 0; at = sentence.indexOf(text, at + 1)) {
    if (best == null || (offsetHint != null && Math.abs(at - offsetHint) < Math.abs(best - offsetHint))) best = at;
  }
  return { sentence, highlight: best == null ? null : [best, best + text.length] };
}
