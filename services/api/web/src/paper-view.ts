import type { PaperDetail } from '@claimflow/schemas';
import { h } from './dom.js';
import { addClaimForm, reloadView } from './correction-form.js';
import { formatValue, KIND_LABELS, storedValue, UNITS } from './format.js';
import { abstractNode } from './highlight.js';

/** One paper: its abstract with every claim marked in place (links live), and the claims listed under it. */
export function paperView(paper: PaperDetail, backHref: string): HTMLElement {
  const focus = (id: string) => {
    for (const el of document.querySelectorAll('.focused')) el.classList.remove('focused');
    for (const el of document.querySelectorAll(`[data-claim="${CSS.escape(id)}"]`)) el.classList.add('focused');
  };
  return h(
    'article',
    { class: 'paper', id: 'paper-view' },
    h('a', { href: backHref, class: 'back', id: 'back' }, '← back'),
    h('h1', {}, paper.title),
    h(
      'p',
      { class: 'meta' },
      `id ${paper.id}`,
      paper.batches.length ? ` · batch ${paper.batches.join(', ')}` : '',
      ` · extractor ${paper.extractorVersion}`,
      paper.sourceUrl ? [' · ', h('a', { href: paper.sourceUrl, id: 'source-link', target: '_blank', rel: 'noopener noreferrer' }, 'source ↗')] : null,
    ),
    h('div', { class: 'legend' }, ...Object.entries(KIND_LABELS).map(([k, label]) => h('mark', { class: `kind-${k}` }, label))),
    abstractNode(paper.abstract, paper.claims, (c) => focus(c.id)),
    addClaimForm(paper.id, Object.entries(KIND_LABELS), UNITS, reloadView),
    h('h2', {}, `${paper.claims.length} claim${paper.claims.length === 1 ? '' : 's'}`),
    h(
      'table',
      { class: 'claims' },
      h('thead', {}, h('tr', {}, ...['Text', 'Value', 'Kind', 'Qualifier', 'Metric', 'Baseline', 'Setting'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...paper.claims.map((c) =>
          h(
            'tr',
            { 'data-claim': c.id, onclick: () => focus(c.id) },
            h('td', { 'data-label': 'Text' }, h('mark', { class: `kind-${c.kind}` }, c.text)),
            h('td', { class: 'value', 'data-label': 'Value' }, h('span', { title: storedValue(c) }, formatValue(c))),
            h('td', { 'data-label': 'Kind' }, KIND_LABELS[c.kind] ?? c.kind),
            h('td', { 'data-label': 'Qualifier' }, c.qualifier.replace('_', ' ')),
            h('td', { 'data-label': 'Metric' }, c.metric ?? '—', c.metricKey && c.metricKey !== c.metric ? h('small', { class: 'keys' }, c.metricKey) : null),
            h('td', { 'data-label': 'Baseline' }, c.baseline ?? '—'),
            h('td', { 'data-label': 'Setting' }, c.setting ?? '—', c.settingKeys.length ? h('small', { class: 'keys' }, c.settingKeys.join(', ')) : null),
          ),
        ),
      ),
    ),
  );
}
