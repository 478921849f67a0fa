import type { Evidence, StoredClaim } from '@claimflow/schemas';
import { h } from './dom.js';

/** The evidence sentence with the claim's number marked. */
export function evidenceNode(evidence: Evidence | null, fallback: string): HTMLElement {
  if (!evidence) return h('span', { class: 'evidence' }, fallback);
  const { sentence, highlight } = evidence;
  if (!highlight) return h('span', { class: 'evidence' }, sentence);
  const [s, e] = highlight;
  return h('span', { class: 'evidence' }, sentence.slice(0, s), h('mark', {}, sentence.slice(s, e)), sentence.slice(e));
}

/**
 * The abstract with every claim marked in place. Spans index the abstract
 * (UTF-16, as JavaScript slices), so they are used as they are; a span that
 * overlaps an earlier one is left unmarked rather than nested.
 */
export function abstractNode(abstract: string, claims: StoredClaim[], onSelect: (c: StoredClaim) => void): HTMLElement {
  const out = h('p', { class: 'abstract' });
  let at = 0;
  for (const c of [...claims].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])) {
    const [s, e] = c.span;
    if (s < at || e > abstract.length || s >= e) continue;
    out.append(abstract.slice(at, s));
    out.append(
      h('mark', { class: `kind-${c.kind}`, title: `${c.kind} ${c.value ?? `${c.low}–${c.high}`} ${c.unit}`, 'data-claim': c.id, onclick: () => onSelect(c) }, abstract.slice(s, e)),
    );
    at = e;
  }
  out.append(abstract.slice(at));
  return out;
}
