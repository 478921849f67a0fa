import type { ClaimView } from '@claimflow/schemas';
import { h } from './dom.js';
import { formatValue, KIND_LABELS } from './format.js';
import { evidenceNode } from './highlight.js';

export const paperHref = (id: string) => `#/paper/${encodeURIComponent(id)}`;

function claimRow(c: ClaimView): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-claim': c.id },
    h('td', { class: 'value' }, formatValue(c), c.qualifier !== 'exact' ? h('small', { class: 'qualifier' }, c.qualifier.replace('_', ' ')) : null),
    h('td', {}, h('span', { class: `pill kind-${c.kind}` }, KIND_LABELS[c.kind] ?? c.kind)),
    h('td', {}, c.metric ?? '—'),
    h('td', {}, c.baseline ?? '—'),
    h('td', {}, evidenceNode(c.evidence, c.text), h('a', { class: 'paper-link', href: paperHref(c.paperId) }, c.paperTitle)),
  );
}

/** The results table; `append` adds the next page's rows. */
export function claimsTable() {
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'claims', id: 'claims-table' },
    h('thead', {}, h('tr', {}, ...['Value', 'Kind', 'Metric', 'Baseline', 'Evidence'].map((t) => h('th', {}, t)))),
    body,
  );
  return {
    table,
    append(claims: ClaimView[]) {
      body.append(...claims.map(claimRow));
    },
    get rows() {
      return body.rows.length;
    },
  };
}
