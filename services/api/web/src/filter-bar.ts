import type { BatchProgress } from '@claimflow/schemas';
import { FILTER_KEYS, isMulti, type Filter } from './api.js';
import { h } from './dom.js';
import { batchLabel, KIND_LABELS, QUALIFIER_LIST, UNITS } from './format.js';

const SORT_LABELS: [string, string][] = [
  ['value', 'largest value'], ['value_asc', 'smallest value'], ['recent', 'newest'], ['oldest', 'oldest'], ['paper', 'paper'], ['paper_desc', 'paper, reversed'],
];

/**
 * The filter form: every filter of the API. Multi-value filters are
 * multi-selects (kind, unit, qualifier, batch) or comma-separated text (the
 * canonical keys, papers); submitting calls `onApply` with the fields set.
 */
export function filterBar(filter: Filter, batches: BatchProgress[], onApply: (f: Filter) => void): HTMLFormElement {
  const values = (name: keyof Filter): string[] => {
    const v = filter[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const select = (name: keyof Filter, label: string, options: [string, string][], multiple: boolean) =>
    h(
      'label',
      {},
      label,
      h(
        'select',
        { name, id: `f-${name}`, multiple, size: multiple ? Math.min(options.length, 3) : undefined },
        ...options.map(([value, text]) => h('option', { value, selected: values(name).includes(value) || (!multiple && !values(name).length && value === '') }, text)),
      ),
    );
  const input = (name: keyof Filter, label: string, attrs: Record<string, string> = {}) =>
    h('label', { class: attrs.grow ? 'grow' : undefined }, label, h('input', { name, id: `f-${name}`, value: values(name).join(', '), ...attrs, grow: undefined }));
  const form = h(
    'form',
    { class: 'filters', id: 'filters', 'aria-label': 'Filter claims' },
    input('q', 'Search', { type: 'search', placeholder: 'e.g. latency transformer', grow: '1' }),
    select('kind', 'Kind', Object.entries(KIND_LABELS), true),
    select('unit', 'Unit', UNITS.map((u) => [u, u]), true),
    select('qualifier', 'Qualifier', QUALIFIER_LIST.map((q) => [q, q.replace('_', ' ')]), true),
    input('min', 'Value ≥', { type: 'number', step: 'any', placeholder: 'min' }),
    input('max', 'Value ≤', { type: 'number', step: 'any', placeholder: 'max' }),
    input('minConfidence', 'Confidence ≥', { type: 'number', step: '0.05', min: '0', max: '1', placeholder: '0.9' }),
    input('metricKey', 'Metric (canonical)', { placeholder: 'accuracy, latency' }),
    input('settingKey', 'Setting (canonical)', { placeholder: 'ImageNet, A100' }),
    input('baselineKey', 'Baseline (canonical)', { placeholder: 'FlashAttention-2' }),
    input('metric', 'Metric contains', { placeholder: 'text' }),
    input('setting', 'Setting contains', { placeholder: 'text' }),
    input('paper', 'Paper id', { placeholder: 'id, id' }),
    input('year', 'Year published', { placeholder: '2021, 2022' }),
    input('venue', 'Venue', { placeholder: 'CVPR' }),
    input('category', 'Category', { placeholder: 'cs.LG' }),
    select('batch', 'Batch', batches.map((b): [string, string] => [b.id, batchLabel(b)]), true),
    select('sort', 'Sort', SORT_LABELS, false),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Apply'), h('a', { href: '#/', class: 'reset' }, 'Reset')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next: Filter = {};
    for (const k of FILTER_KEYS) {
      const raw = data.getAll(k).map(String);
      if (isMulti(k)) {
        // selects give one entry per chosen option; text inputs a comma-separated list
        const list = raw.flatMap((v) => (form.elements.namedItem(k) instanceof HTMLSelectElement ? [v] : v.split(','))).map((v) => v.trim()).filter(Boolean);
        if (list.length) next[k] = [...new Set(list)];
      } else {
        const v = (raw[0] ?? '').trim();
        if (v && !(k === 'sort' && v === 'value')) next[k] = v;
      }
    }
    onApply(next);
  });
  return form;
}
