import type { BatchProgress } from '@claimflow/schemas';
import { FILTER_KEYS, type Filter } from './api.js';
import { h } from './dom.js';
import { KIND_LABELS } from './format.js';

/** The filter form; submitting it calls `onApply` with the fields that are set. */
export function filterBar(filter: Filter, batches: BatchProgress[], onApply: (f: Filter) => void): HTMLFormElement {
  const select = (name: string, options: [string, string][]) =>
    h('select', { name, id: `f-${name}` }, ...options.map(([value, label]) => h('option', { value, selected: filter[name as keyof Filter] === value }, label)));
  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    h('label', {}, 'Kind', select('kind', [['', 'any'], ...Object.entries(KIND_LABELS)])),
    h('label', {}, 'Value ≥', h('input', { name: 'min', id: 'f-min', type: 'number', step: 'any', value: filter.min ?? '', placeholder: 'min' })),
    h('label', {}, 'Value ≤', h('input', { name: 'max', id: 'f-max', type: 'number', step: 'any', value: filter.max ?? '', placeholder: 'max' })),
    h('label', { class: 'grow' }, 'Search', h('input', { name: 'q', id: 'f-q', type: 'search', value: filter.q ?? '', placeholder: 'e.g. latency transformer' })),
    h('label', {}, 'Batch', select('batch', [['', 'all'], ...batches.map((b): [string, string] => [b.id, b.name])])),
    h('label', {}, 'Sort', select('sort', [['value', 'largest value'], ['recent', 'newest'], ['paper', 'paper']])),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next: Filter = {};
    for (const k of FILTER_KEYS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next[k] = v;
    }
    onApply(next);
  });
  return form;
}
