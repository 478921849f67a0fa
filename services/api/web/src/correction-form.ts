import type { ClaimView } from '@claimflow/schemas';
import { h } from './dom.js';

/** Shows the current view again (after a correction, which every view then shows). */
export const reloadView = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/** The write token, kept for this tab only: the server checks it (API_TOKEN), the page never stores it for good. */
const TOKEN_KEY = 'claimflow-write-token';

async function postCorrection(body: unknown, token: string): Promise<void> {
  const res = await fetch('./api/corrections', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.message ?? `${res.status} ${res.statusText}`);
}

const field = (name: string, label: string, attrs: Record<string, string | number> = {}) =>
  h('label', {}, `${label} `, h('input', { name, ...attrs }));

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
    field('why', 'Why', { required: 'required', size: 24 }),
    field('who', 'Who', { required: 'required', size: 10, value: localStorage.getItem('claimflow-who') ?? '' }),
    field('token', 'Write token', { type: 'password', required: 'required', size: 10, value: sessionStorage.getItem(TOKEN_KEY) ?? '' }),
    h('button', { type: 'submit' }, 'Save'),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const changes: Record<string, unknown> = {};
    if (text('value')) changes.value = Number(text('value'));
    for (const k of ['unit', 'metric', 'baseline', 'setting']) if (text(k)) changes[k] = text(k);
    const body = text('action') === 'wrong'
      ? { action: 'wrong', claimId: claim.id, who: text('who'), why: text('why') }
      : { action: 'correct', claimId: claim.id, changes, who: text('who'), why: text('why') };
    sessionStorage.setItem(TOKEN_KEY, text('token'));
    localStorage.setItem('claimflow-who', text('who'));
    status.textContent = 'Saving…';
    postCorrection(body, text('token')).then(done, (err: Error) => (status.textContent = err.message));
  });
  const toggle = h('button', { type: 'button', class: 'correct-toggle', title: 'mark this claim wrong or correct it (needs the write token)' }, 'correct…');
  toggle.addEventListener('click', () => (form.hidden = !form.hidden));
  return h('div', { class: 'correction' }, toggle, form);
}
