import type { Filter } from './api.js';
import { api, FILTER_KEYS } from './api.js';
import { startBatchPanel } from './batches-panel.js';
import { renderCharts } from './charts.js';
import { claimsTable } from './claims-table.js';
import { h, replace } from './dom.js';
import { filterBar } from './filter-bar.js';
import { paperView } from './paper-view.js';

/**
 * Two views on the URL hash, so every state can be linked and reloaded:
 *   #/?kind=speedup&q=...  claims, plots and filters
 *   #/paper/<id>           one paper with its claims marked in the abstract
 */
const view = document.getElementById('view')!;

function parseHash(): { paper: string } | { filter: Filter } {
  const hash = location.hash.replace(/^#/, '') || '/';
  const paper = /^\/paper\/(.+)$/.exec(hash);
  if (paper) return { paper: decodeURIComponent(paper[1]) };
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const filter: Filter = {};
  for (const k of FILTER_KEYS) if (params.get(k)) filter[k] = params.get(k)!;
  return { filter };
}

function filterHash(filter: Filter): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]) params.set(k, filter[k]!);
  return `#/${params.size ? `?${params}` : ''}`;
}

const errorNode = (err: unknown) => h('p', { class: 'error', role: 'alert' }, (err as Error).message);

async function showClaims(filter: Filter): Promise<void> {
  const { batches } = await api.batches().catch(() => ({ batches: [] }));
  const plots = h('section', { class: 'plots', id: 'plots' });
  const status = h('p', { class: 'status', id: 'status' }, 'Loading…');
  const table = claimsTable();
  const more = h('button', { id: 'more', hidden: true }, 'Load more');
  const downloads = h(
    'p',
    { class: 'downloads' },
    'Download: ',
    h('a', { href: api.exportUrl(filter, 'csv'), download: 'claims.csv' }, 'CSV'),
    ' · ',
    h('a', { href: api.exportUrl(filter, 'jsonl'), download: 'claims.jsonl' }, 'JSONL'),
  );
  replace(view, filterBar(filter, batches, (f) => (location.hash = filterHash(f))), plots, status, downloads, table.table, more);

  api.stats(filter).then(
    (stats) => renderCharts(plots, stats),
    (err) => replace(plots, errorNode(err)),
  );

  let cursor: string | undefined;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await api.claims(filter, cursor);
      table.append(page.claims);
      cursor = page.nextCursor ?? undefined;
      more.hidden = !cursor;
      status.textContent = table.rows ? `${table.rows} claim${table.rows === 1 ? '' : 's'}${cursor ? ' shown (more below)' : ''}` : 'No claim matches this filter.';
    } catch (err) {
      status.replaceWith(errorNode(err));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load());
  await load();
}

async function showPaper(id: string): Promise<void> {
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    replace(view, paperView(await api.paper(id)));
  } catch (err) {
    replace(view, h('a', { href: '#/', class: 'back' }, '← all claims'), errorNode(err));
  }
}

function route(): void {
  const target = parseHash();
  window.scrollTo(0, 0);
  void ('paper' in target ? showPaper(target.paper) : showClaims(target.filter));
}

window.addEventListener('hashchange', route);
startBatchPanel(document.getElementById('batches')!, () => {
  if (!('paper' in parseHash())) route();
});
route();
