import { api, filterFromParams, filterParams, PAGE_SIZE, type Filter } from './api.js';
import { startBatchPanel } from './batches-panel.js';
import { progressChart, renderCharts } from './charts.js';
import { claimsTable } from './claims-table.js';
import { h, replace } from './dom.js';
import { facetsPanel } from './facets-panel.js';
import { filterBar } from './filter-bar.js';
import { KIND_LABELS } from './format.js';
import { baselineView, boardsView, boardTitle, leaderboardView } from './leaderboard-view.js';
import { paperView } from './paper-view.js';
import { searchesView } from './searches-view.js';
import { restoreScroll, savedRows, trackView } from './view-state.js';

/**
 * Views on the URL hash, so every state can be linked, reloaded and gone back to:
 *   #/?kind=speedup&settingKey=ImageNet...  claims, facets, plots and filters
 *   #/paper/<id>                             one paper with its claims marked in the abstract
 *   #/leaderboards                           every leaderboard, and the baselines
 *   #/leaderboard/<metric>?setting=...       papers ranked on one metric
 *   #/baseline/<key>                         claims ranked against one baseline
 *   #/searches?kind=speedup...               saved searches, and a form to save that filter
 */
const view = document.getElementById('view')!;
const APP = 'claimflow';
const MAX_RESTORED_ROWS = 1000;

type Route =
  | { view: 'claims'; filter: Filter }
  | { view: 'paper'; id: string }
  | { view: 'boards'; params: URLSearchParams }
  | { view: 'leaderboard'; metric: string; params: URLSearchParams }
  | { view: 'baseline'; key: string; params: URLSearchParams }
  | { view: 'searches'; filter: Filter };

function parseHash(): Route {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const m = /^\/(paper|leaderboard|baseline)\/(.+)$/.exec(path);
  if (m?.[1] === 'paper') return { view: 'paper', id: decodeURIComponent(m[2]) };
  if (m?.[1] === 'leaderboard') return { view: 'leaderboard', metric: decodeURIComponent(m[2]), params };
  if (m?.[1] === 'baseline') return { view: 'baseline', key: decodeURIComponent(m[2]), params };
  if (path === '/leaderboards') return { view: 'boards', params };
  if (path === '/searches') return { view: 'searches', filter: filterFromParams(params) };
  return { view: 'claims', filter: filterFromParams(params) };
}

export function filterHash(filter: Filter): string {
  const params = filterParams(filter);
  return `#/${params.size ? `?${params}` : ''}`;
}

/** What the title says about a filter: "speedup · ImageNet · “memory”". */
function describe(filter: Filter): string {
  const parts = [
    ...(filter.kind ?? []).map((k) => KIND_LABELS[k] ?? k),
    ...(filter.metricKey ?? []),
    ...(filter.settingKey ?? []),
    ...(filter.baselineKey ?? []).map((b) => `vs ${b}`),
    ...(filter.unit ?? []),
    filter.metric ? `metric “${filter.metric}”` : '',
    filter.setting ? `setting “${filter.setting}”` : '',
    filter.q ? `“${filter.q}”` : '',
    filter.min ? `≥ ${filter.min}` : '',
    filter.max ? `≤ ${filter.max}` : '',
    ...(filter.paper ?? []).map((p) => `paper ${p}`),
    filter.batch?.length ? `${filter.batch.length} batch${filter.batch.length > 1 ? 'es' : ''}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'all claims';
}

const setTitle = (what: string) => (document.title = `${what} — ${APP}`);
const errorNode = (err: unknown) => h('p', { class: 'error', role: 'alert' }, (err as Error).message);
const nav = () =>
  h('nav', { class: 'views', 'aria-label': 'Views' }, h('a', { href: '#/' }, 'Claims'), ' · ', h('a', { href: '#/leaderboards', id: 'nav-leaderboards' }, 'Leaderboards'), ' · ', h('a', { href: '#/searches', id: 'nav-searches' }, 'Saved searches'));

async function showClaims(filter: Filter): Promise<void> {
  setTitle(describe(filter));
  sessionStorage.setItem('claimflow:list', location.hash || '#/');
  const { batches } = await api.batches().catch(() => ({ batches: [] }));
  const go = (f: Filter) => (location.hash = filterHash(f));
  const plots = h('section', { class: 'plots', id: 'plots', 'aria-label': 'Plots' });
  const totals = h('p', { class: 'meta', id: 'totals' });
  const facets = h('div', { class: 'facets-slot' });
  const status = h('p', { class: 'status', id: 'status', role: 'status' }, 'Loading…');
  const table = claimsTable((filter.sort as never) ?? 'value', (sort) => go({ ...filter, sort: sort === 'value' ? undefined : sort }));
  const more = h('button', { id: 'more', hidden: true }, 'Load more');
  const downloads = h(
    'p',
    { class: 'downloads' },
    'Download: ',
    h('a', { href: api.exportUrl(filter, 'csv'), download: 'claims.csv' }, 'CSV'),
    ' · ',
    h('a', { href: api.exportUrl(filter, 'jsonl'), download: 'claims.jsonl' }, 'JSONL'),
    ' · ',
    h('a', { href: `#/searches${filterHash(filter).slice(2)}`, id: 'follow' }, 'Follow new claims like these'),
  );
  replace(
    view,
    nav(),
    filterBar(filter, batches, go),
    totals,
    plots,
    h('div', { class: 'results' }, facets, h('div', { class: 'listing' }, status, downloads, h('div', { class: 'table-wrap' }, table.table), more)),
  );

  api.stats(filter).then(
    (stats) => {
      renderCharts(plots, stats, (change) => go({ ...filter, ...change }));
      // Every stored paper counts, with a matching claim or not.
      totals.textContent = `${stats.papersStored} papers, ${stats.papers} with ${Object.keys(filter).length ? 'matching ' : ''}claims · ${stats.claims} claims`;
    },
    (err) => replace(plots, errorNode(err)),
  );
  api.facets(filter).then(
    (f) => replace(facets, facetsPanel(f, filter, filterHash)),
    (err) => replace(facets, errorNode(err)),
  );

  let cursor: string | undefined;
  let total: { total: number | null; totalExact: boolean } | null = null;
  const load = async (limit = PAGE_SIZE) => {
    more.disabled = true;
    try {
      const page = await api.claims(filter, { cursor, limit });
      if (!cursor) total = { total: page.total, totalExact: page.totalExact };
      table.append(page.claims);
      cursor = page.nextCursor ?? undefined;
      more.hidden = !cursor;
      const of = total?.total != null ? ` of ${total.total}${total.totalExact ? '' : '+'}` : '';
      status.textContent = table.rows ? `${table.rows}${of} claim${table.rows === 1 && !of ? '' : 's'} shown` : 'No claim matches this filter.';
    } catch (err) {
      status.replaceWith(errorNode(err));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load().then(() => trackView(table.rows)));
  // Back from a paper: as many rows as were loaded, then the same scroll position.
  const rows = Math.min(MAX_RESTORED_ROWS, Math.max(PAGE_SIZE, savedRows() ?? 0));
  await load(rows);
  trackView(table.rows);
  restoreScroll();
}

async function showPaper(id: string): Promise<void> {
  const back = sessionStorage.getItem('claimflow:list') ?? '#/';
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    const paper = await api.paper(id);
    setTitle(paper.title);
    replace(view, paperView(paper, back));
  } catch (err) {
    setTitle('paper not found');
    replace(view, h('a', { href: back, class: 'back' }, '← back'), errorNode(err));
  }
}

async function showBoards(params: URLSearchParams): Promise<void> {
  setTitle('leaderboards');
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    const [boards, baselines] = await Promise.all([api.boards(), api.baselines()]);
    const filter = { metric: params.get('metric') ?? '', setting: params.get('setting') ?? '', minPapers: Math.max(1, Number(params.get('minPapers')) || 1) };
    const onFilter = (f: typeof filter) => {
      const p = new URLSearchParams();
      if (f.metric) p.set('metric', f.metric);
      if (f.setting) p.set('setting', f.setting);
      if (f.minPapers > 1) p.set('minPapers', String(f.minPapers));
      location.hash = `#/leaderboards${p.size ? `?${p}` : ''}`;
    };
    replace(view, nav(), boardsView(boards, baselines, filter, onFilter));
    restoreScroll();
  } catch (err) {
    replace(view, nav(), errorNode(err));
  }
}

async function showLeaderboard(metric: string, params: URLSearchParams): Promise<void> {
  setTitle(`${boardTitle({ metricKey: metric, setting: params.get('setting'), hardware: params.get('hardware'), baseline: params.get('baseline') })} — leaderboard`);
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    const lb = await api.leaderboard(metric, params);
    replace(view, nav(), leaderboardView(lb, metric, params));
    const progress = document.getElementById('progress');
    if (progress && lb.board) progressChart(progress, lb.progress, lb.board.unit);
    restoreScroll();
  } catch (err) {
    replace(view, nav(), errorNode(err));
  }
}

async function showBaseline(key: string, params: URLSearchParams): Promise<void> {
  setTitle(`against ${key}`);
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    replace(view, nav(), baselineView(await api.baseline(key, params), params));
    restoreScroll();
  } catch (err) {
    replace(view, nav(), errorNode(err));
  }
}

async function showSearches(filter: Filter): Promise<void> {
  setTitle('saved searches');
  replace(view, h('p', { class: 'status' }, 'Loading…'));
  try {
    const { searches } = await api.searches();
    replace(view, nav(), searchesView(searches, filter, describe, filterHash, () => void showSearches(filter)));
  } catch (err) {
    replace(view, nav(), errorNode(err));
  }
}

function route(): void {
  const target = parseHash();
  window.scrollTo(0, 0);
  if (target.view === 'paper') void showPaper(target.id);
  else if (target.view === 'boards') void showBoards(target.params);
  else if (target.view === 'leaderboard') void showLeaderboard(target.metric, target.params);
  else if (target.view === 'baseline') void showBaseline(target.key, target.params);
  else if (target.view === 'searches') void showSearches(target.filter);
  else void showClaims(target.filter);
}

// The page restores scroll itself, after the rows are back.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
window.addEventListener('hashchange', route);
startBatchPanel(document.getElementById('batches')!, () => {
  if (parseHash().view === 'claims') route();
});
route();
