import type { SavedSearchView } from '@claimflow/schemas';
import { api, filterParams, isMulti, type Filter } from './api.js';
import { h, replace } from './dom.js';

/**
 * Saved searches: each with its Atom feed and a link to its claims, and a
 * form that saves the filter the page came from (#/searches?kind=…) under a
 * name, with an optional webhook and digest address. Saving and deleting
 * need the API token, kept in this tab's session storage only.
 */
const TOKEN_KEY = 'claimflow:api-token';

/** A saved filter (as the API parsed it: arrays, numbers) as the page's string filter. */
export function pageFilter(saved: Record<string, unknown>): Filter {
  const f: Filter = {};
  for (const [k, v] of Object.entries(saved)) {
    if (isMulti(k)) f[k] = (Array.isArray(v) ? v : [v]).map(String);
    else (f as Record<string, string>)[k] = String(v);
  }
  return f;
}

/** The page's filter as the body of POST /api/searches takes it: no sort, multi-value keys as arrays. */
function apiFilter(filter: Filter): Record<string, unknown> {
  return Object.fromEntries([...filterParams(filter, ['sort']).keys()].map((k) => [k, isMulti(k) ? filter[k] : filter[k as keyof Filter]]));
}

export function searchesView(searches: SavedSearchView[], current: Filter, describe: (f: Filter) => string, hashOf: (f: Filter) => string, reload: () => void): HTMLElement {
  const message = h('p', { role: 'status', class: 'status' });
  const fail = (err: unknown) => replace(message, h('span', { class: 'error' }, (err as Error).message));
  const token = h('input', { type: 'password', name: 'token', placeholder: 'API token', autocomplete: 'off', value: sessionStorage.getItem(TOKEN_KEY) ?? '' });
  const remember = () => sessionStorage.setItem(TOKEN_KEY, token.value);

  const rows = searches.map((s) =>
    h(
      'li',
      { class: 'saved-search' },
      h('a', { href: hashOf(pageFilter(s.filter)) }, h('strong', {}, s.name)),
      ` — ${describe(pageFilter(s.filter))} · since ${s.createdAt.slice(0, 10)} · `,
      h('a', { href: `.${s.feed}`, type: 'application/atom+xml' }, 'Atom feed'),
      s.webhook ? ' · webhook' : '',
      s.digest ? ' · daily digest' : '',
      ' ',
      h('button', {
        type: 'button',
        onclick: () => {
          remember();
          api.deleteSearch(s.name, token.value).then(reload, fail);
        },
      }, 'Delete'),
    ),
  );

  const name = h('input', { name: 'name', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9_-]{0,63}', placeholder: 'name, e.g. fa2-speedups' });
  const webhook = h('input', { name: 'webhook', type: 'url', placeholder: 'webhook URL (optional)' });
  const email = h('input', { name: 'email', type: 'email', placeholder: 'digest e-mail (optional)' });
  const form = h(
    'form',
    {
      class: 'save-search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        remember();
        const body = { name: name.value.trim(), filter: apiFilter(current), webhookUrl: webhook.value.trim() || undefined, email: email.value.trim() || undefined };
        api.saveSearch(body, token.value).then(reload, fail);
      },
    },
    h('p', {}, 'Save ', h('a', { href: hashOf(current) }, describe(current)), ' under a name: new claims that match it go to its feed, webhook and digest.'),
    name, ' ', webhook, ' ', email, ' ', token, ' ',
    h('button', { type: 'submit' }, 'Save'),
  );
  return h(
    'section',
    { class: 'searches', 'aria-label': 'Saved searches' },
    h('h2', {}, 'Saved searches'),
    rows.length ? h('ul', {}, rows) : h('p', {}, 'No saved search yet.'),
    form,
    message,
  );
}
