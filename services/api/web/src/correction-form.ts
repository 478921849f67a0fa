import type { ClaimView } from '@claimflow/schemas';
import { api } from './api.js';
import { h } from './dom.js';

/** Shows the current view again (after a correction, which every view then shows). */
export const reloadView = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/** The write token, kept for this tab only: the server checks it (API_TOKEN), the page never stores it for good. */
const TOKEN_KEY = 'claimflow-write-token';

const field = (name: string, label: string, attrs: Record<string, string | number> = {}) =>
  h('label', {}, `${label} `, h('input', { name, ...attrs }));

/** Who, why and the write token: every correction form asks for them (who and the token are remembered). */
const signature = () => [
  field('why', 'Why', { required: 'required', size: 24 }),
  field('who', 'Who', { required: 'required', size: 10, value: localStorage.getItem('claimflow-who') ?? '' }),
  field('token', 'Write token', { type: 'password', required: 'required', size: 10, value: sessionStorage.getItem(TOKEN_KEY) ?? '' }),
];

/** Sends the form's correction (`body` from its fields); the server's refusal shows in `status` as its message. */
function submitWith(form: HTMLFormElement, status: HTMLElement, body: (text: (k: string) => string) => unknown, done: () => void): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    sessionStorage.setItem(TOKEN_KEY, text('token'));
    localStorage.setItem('claimflow-who', text('who'));
    status.textContent = 'Saving…';
    api.correct(body(text), text('token')).then(done, (err: Error) => (status.textContent = err.message));
  });
}

/**
 * A row's "correct" control: mark the claim wrong, or correct its value,
 * unit, metric, baseline or setting, with who and why. Needs the write
 * token; on success `done` reloads the view, where the correction now shows.
 */
export function correctionControl(claim: ClaimView, done: () => void): HTMLElement {
  const status = h('span', { class: 'correction-status', role: 'status' });
  const form = h(
    'form',
    { class: 'correction-form', hidden: true },
    h('label', {}, 'Action ', h('select', { name: 'action' }, h('option', { value: 'wrong' }, 'not a claim: mark wrong'), h('option', { value: 'correct' }, 'correct its fields'))),
    field('value', 'Value', { inputmode: 'decimal', placeholder: String(claim.value ?? ''), size: 8 }),
    field('unit', 'Unit', { placeholder: claim.unit, size: 5 }),
    field('metric', 'Metric', { placeholder: claim.metric ?? '', size: 12 }),
    field('baseline', 'Baseline', { placeholder: claim.baseline ?? '', size: 12 }),
    field('setting', 'Setting', { placeholder: claim.setting ?? '', size: 12 }),
    ...signature(),
    h('button', { type: 'submit' }, 'Save'),
    status,
  );
  submitWith(form, status, (text) => {
    const changes: Record<string, unknown> = {};
    if (text('value')) changes.value = Number(text('value'));
    for (const k of ['unit', 'metric', 'baseline', 'setting']) if (text(k)) changes[k] = text(k);
    return text('action') === 'wrong'
      ? { action: 'wrong', claimId: claim.id, who: text('who'), why: text('why') }
      : { action: 'correct', claimId: claim.id, changes, who: text('who'), why: text('why') };
  }, done);
  const toggle = h('button', { type: 'button', class: 'correct-toggle', title: 'mark this claim wrong or correct it (needs the write token)' }, 'correct…');
  toggle.addEventListener('click', () => (form.hidden = !form.hidden));
  return h('div', { class: 'correction' }, toggle, form);
}

/** Under a paper's abstract: add a claim the extractor missed, by the number as written (and which occurrence of it). */
export function addClaimForm(paperId: string, kinds: [string, string][], units: readonly string[], done: () => void): HTMLElement {
  const status = h('span', { class: 'correction-status', role: 'status' });
  const form = h(
    'form',
    { class: 'correction-form', id: 'add-claim-form' },
    field('text', 'Number as written', { required: 'required', placeholder: '3.1x', size: 10 }),
    field('occurrence', 'Occurrence', { type: 'number', min: 1, value: 1, style: 'width:4rem' }),
    h('label', {}, 'Kind ', h('select', { name: 'kind' }, ...kinds.map(([v, t]) => h('option', { value: v }, t)))),
    field('value', 'Value', { required: 'required', inputmode: 'decimal', size: 8 }),
    h('label', {}, 'Unit ', h('select', { name: 'unit' }, ...units.map((u) => h('option', { value: u }, u)))),
    field('metric', 'Metric', { size: 12 }),
    field('baseline', 'Baseline', { size: 12 }),
    field('setting', 'Setting', { size: 12 }),
    ...signature(),
    h('button', { type: 'submit' }, 'Add claim'),
    status,
  );
  submitWith(form, status, (text) => {
    const claim: Record<string, unknown> = { kind: text('kind'), unit: text('unit'), value: Number(text('value')) };
    for (const k of ['metric', 'baseline', 'setting']) if (text(k)) claim[k] = text(k);
    return { action: 'add', paperId, text: text('text'), occurrence: Number(text('occurrence')) || 1, claim, who: text('who'), why: text('why') };
  }, done);
  return h('details', { class: 'add-claim', id: 'add-claim' }, h('summary', {}, 'Add a claim the extractor missed…'), form);
}
