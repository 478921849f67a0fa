import type { FacetField, Facets } from '@claimflow/schemas';
import type { Filter } from './api.js';
import { h } from './dom.js';
import { KIND_LABELS } from './format.js';

const TITLES: Record<FacetField, string> = {
  kind: 'Kind', metricKey: 'Metric', settingKey: 'Setting', baselineKey: 'Baseline', unit: 'Unit', qualifier: 'Qualifier', batch: 'Batch',
};
const ORDER: FacetField[] = ['kind', 'metricKey', 'settingKey', 'baselineKey', 'unit', 'qualifier', 'batch'];
const SHOWN = 8;

/**
 * Counts beside the table, each a toggle: clicking a value adds it to the
 * filter (several values of one facet match any), clicking a chosen one
 * removes it. `href` makes the filter's URL, so each count is a plain link.
 */
export function facetsPanel(facets: Facets, filter: Filter, href: (f: Filter) => string): HTMLElement {
  const groups = ORDER.filter((field) => facets.facets[field].length).map((field) => {
    const chosen = filter[field] ?? [];
    const items = facets.facets[field];
    const list = h(
      'ul',
      {},
      ...items.map((item, i) => {
        const on = chosen.includes(item.value);
        const next: Filter = { ...filter, [field]: on ? chosen.filter((v) => v !== item.value) : [...chosen, item.value] };
        if (!next[field]!.length) delete next[field];
        const label = field === 'kind' ? (KIND_LABELS[item.value] ?? item.value) : item.label;
        return h(
          'li',
          { hidden: i >= SHOWN && !on },
          h('a', { href: href(next), class: on ? 'facet on' : 'facet', 'aria-pressed': String(on), 'data-facet': field, 'data-value': item.value }, h('span', { class: 'facet-label' }, label), h('span', { class: 'count' }, String(item.n))),
        );
      }),
    );
    const more =
      items.length > SHOWN
        ? h('button', { type: 'button', class: 'link', onclick: (e: Event) => { for (const li of list.querySelectorAll('li')) li.hidden = false; (e.currentTarget as HTMLElement).remove(); } }, `all ${items.length}`)
        : null;
    return h('section', { class: 'facet-group', 'data-facet-group': field }, h('h3', {}, TITLES[field]), list, more);
  });
  // The same counts as a table to download (the route with .csv and .json, under the same filter).
  const query = new URLSearchParams(href(filter).split('?')[1] ?? '');
  query.delete('sort');
  const q = query.size ? `?${query}` : '';
  const downloads = h('p', { class: 'downloads', id: 'facets-downloads' }, 'Download: ', h('a', { href: `./api/facets.csv${q}`, download: '' }, 'CSV'), ' · ', h('a', { href: `./api/facets.json${q}`, download: '' }, 'JSON'));
  return h('aside', { class: 'facets', id: 'facets', 'aria-label': 'Counts by field' }, h('h2', {}, `${facets.claims} claims · ${facets.papers} papers`), downloads, ...groups);
}
