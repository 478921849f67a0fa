import type { PaperDetail } from '@claimflow/schemas';
import { h } from './dom.js';
import { formatValue, KIND_LABELS } from './format.js';
import { abstractNode } from './highlight.js';

/** One paper: its abstract with every claim marked in place, and the claims listed under it. */
export function paperView(paper: PaperDetail): HTMLElement {
  const focus = (id: string) => {
    for (const el of document.querySelectorAll('.focused')) el.classList.remove('focused');
    for (const el of document.querySelectorAll(`[data-claim="${CSS.escape(id)}"]`)) el.classList.add('focused');
  };
  return h(
    'article',
    { class: 'paper', id: 'paper-view' },
    h('a', { href: '#/', class: 'back' }, '← all claims'),
    h('h1', {}, paper.title),
    h('p', { class: 'meta' }, `id ${paper.id}`, paper.batches.length ? ` · batch ${paper.batches.join(', ')}` : '', ` · extractor ${paper.extractorVersion}`),
    h('div', { class: 'legend' }, ...Object.entries(KIND_LABELS).map(([k, label]) => h('mark', { class: `kind-${k}` }, label))),
    abstractNode(paper.abstract, paper.claims, (c) => focus(c.id)),
    h('h2', {}, `${paper.claims.length} claim${paper.claims.length === 1 ? '' : 's'}`),
    h(
      'table',
      { class: 'claims' },
      h('thead', {}, h('tr', {}, ...['Text', 'Value', 'Kind', 'Qualifier', 'Metric', 'Baseline', 'Setting'].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        ...paper.claims.map((c) =>
          h(
            'tr',
            { 'data-claim': c.id, onclick: () => focus(c.id) },
            h('td', {}, h('mark', { class: `kind-${c.kind}` }, c.text)),
            h('td', { class: 'value' }, formatValue(c)),
            h('td', {}, KIND_LABELS[c.kind] ?? c.kind),
            h('td', {}, c.qualifier.replace('_', ' ')),
            h('td', {}, c.metric ?? '—'),
            h('td', {}, c.baseline ?? '—'),
            h('td', {}, c.setting ?? '—'),
          ),
        ),
      ),
    ),
  );
}
