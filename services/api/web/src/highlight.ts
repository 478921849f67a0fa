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

/** http(s) URLs in text, up to the first space or closing bracket; a trailing full stop or comma stays text. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()\[\]{}"']+[^\s<>()\[\]{}"'.,;:!?]/g;

/** Text with its URLs as links (opened in a new tab, without handing it this page). */
export function linkify(text: string): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out.push(text.slice(at, m.index));
    out.push(h('a', { href: m[0], target: '_blank', rel: 'noopener noreferrer' }, m[0]));
    at = m.index! + m[0].length;
  }
  out.push(text.slice(at));
  return out.filter((x) => x !== '');
}

/**
 * The abstract with every claim marked in place. Spans index the abstract
 * (UTF-16, as JavaScript slices), so they are used as they are; a span that
 * overlaps an earlier one is left unmarked rather than nested. Each mark is
 * a button for the keyboard too (Tab to it, Enter or Space to select).
 */
export function abstractNode(abstract: string, claims: StoredClaim[], onSelect: (c: StoredClaim) => void): HTMLElement {
  const out = h('p', { class: 'abstract' });
  let at = 0;
  for (const c of [...claims].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])) {
    const [s, e] = c.span;
    if (s < at || e > abstract.length || s >= e) continue;
    out.append(...linkify(abstract.slice(at, s)));
    out.append(
      h(
        'mark',
        {
          class: `kind-${c.kind}`,
          title: `${c.kind} ${c.value ?? `${c.low}–${c.high}`} ${c.unit}`,
          'data-claim': c.id,
          tabindex: 0,
          role: 'button',
          onclick: () => onSelect(c),
          onkeydown: (ev: Event) => {
            const key = (ev as KeyboardEvent).key;
            if (key === 'Enter' || key === ' ') {
              ev.preventDefault();
              onSelect(c);
            }
          },
        },
        abstract.slice(s, e),
      ),
    );
    at = e;
  }
  out.append(...linkify(abstract.slice(at)));
  return out;
}
