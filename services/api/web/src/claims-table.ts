import type { ClaimSort, ClaimView } from '@claimflow/schemas';
import { h } from './dom.js';
import { formatValue, KIND_LABELS, storedValue } from './format.js';
import { correctionControl, reloadView } from './correction-form.js';
import { evidenceNode } from './highlight.js';

export const paperHref = (id: string) => `#/paper/${encodeURIComponent(id)}`;

/** Columns the API can sort by, each both ways: [first click, second click]. */
const SORTABLE: Record<string, [ClaimSort, ClaimSort]> = {
  Value: ['value', 'value_asc'],
  Paper: ['paper', 'paper_desc'],
  Added: ['recent', 'oldest'],
};

/** The extraction model's confidence under the kind ("0.97"); claims of an earlier extractor have none. */
export const confidenceNote = (c: ClaimView) =>
  c.confidence == null ? null : h('small', { class: `confidence${c.confidence < 0.7 ? ' low' : ''}`, title: 'extraction confidence (0-1)' }, `conf ${c.confidence.toFixed(2)}`);

function claimRow(c: ClaimView): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-claim': c.id },
    h('td', { class: 'value', 'data-label': 'Value' }, h('span', { title: storedValue(c) }, formatValue(c)), c.qualifier !== 'exact' ? h('small', { class: 'qualifier' }, c.qualifier.replace('_', ' ')) : null),
    h('td', { 'data-label': 'Kind' }, h('span', { class: `pill kind-${c.kind}` }, KIND_LABELS[c.kind] ?? c.kind), confidenceNote(c)),
    h('td', { 'data-label': 'Metric' }, c.metric ?? '—', c.settingKeys.length ? h('small', { class: 'keys' }, c.settingKeys.join(', ')) : null),
    h('td', { 'data-label': 'Baseline' }, c.baseline ?? '—'),
    h('td', { 'data-label': 'Evidence', class: 'evidence-cell' }, evidenceNode(c.evidence, c.text), h('a', { class: 'paper-link', href: paperHref(c.paperId) }, c.paperTitle), correctionControl(c, reloadView)),
    h('td', { 'data-label': 'Paper', class: 'paper-id' }, c.paperId),
    h('td', { 'data-label': 'Added', class: 'added' }, c.createdAt.slice(0, 10)),
  );
}

/** The results table, with sortable column headers; `append` adds the next page's rows. */
export function claimsTable(sort: ClaimSort, onSort: (sort: ClaimSort) => void) {
  const body = h('tbody');
  const header = (title: string) => {
    const pair = SORTABLE[title];
    if (!pair) return h('th', { scope: 'col' }, title);
    const active = pair.indexOf(sort);
    const next = active === 0 ? pair[1] : pair[0];
    const dir = active < 0 ? 'none' : (pair[active].endsWith('asc') || pair[active] === 'paper' || pair[active] === 'oldest') ? 'ascending' : 'descending';
    return h(
      'th',
      { scope: 'col', 'aria-sort': dir },
      h('button', { type: 'button', class: 'sort', 'data-sort': next, onclick: () => onSort(next), title: `sort by ${title.toLowerCase()}` }, title, h('span', { class: 'arrow', 'aria-hidden': 'true' }, dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ' ↕')),
    );
  };
  const table = h(
    'table',
    { class: 'claims', id: 'claims-table' },
    h('thead', {}, h('tr', {}, ...['Value', 'Kind', 'Metric', 'Baseline', 'Evidence', 'Paper', 'Added'].map(header))),
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
