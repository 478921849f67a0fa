import type { BaselineBoard, BaselineList, Board, BoardList, Leaderboard, LeaderboardRow } from '@claimflow/schemas';
import { paperHref } from './claims-table.js';
import { h } from './dom.js';
import { humanNumber, KIND_LABELS, num } from './format.js';
import { correctionControl, reloadView } from './correction-form.js';
import { evidenceNode } from './highlight.js';

/** The query value that picks claims stating no setting, hardware or baseline (NOT_STATED in the schemas). */
const NONE = 'none';
/** Deltas rank only over one baseline (DELTA_KINDS in the schemas). */
const DELTAS = ['quality_delta', 'speedup', 'efficiency'];

type BoardKey = Pick<Board, 'metricKey' | 'setting' | 'unit' | 'kind'> & Partial<Pick<Board, 'perHardware' | 'hardware' | 'baseline'>>;

/** The hash of one board: metric in the path, the rest of its identity in the query. */
export function boardHref(b: BoardKey, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ setting: b.setting ?? NONE });
  if (b.perHardware) p.set('hardware', b.hardware ?? NONE);
  // A delta board without a baseline opens as the gains over every baseline (listed, not ranked).
  if (DELTAS.includes(b.kind) && b.baseline) p.set('baseline', b.baseline);
  p.set('unit', b.unit);
  p.set('kind', b.kind);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `#/leaderboard/${encodeURIComponent(b.metricKey)}?${p}`;
}
export const baselineHref = (key: string, kind?: string) => `#/baseline/${encodeURIComponent(key)}${kind ? `?kind=${kind}` : ''}`;

/** "AP on COCO", "latency on A100", "speed vs XNOR-Net". */
export function boardTitle(b: { metricKey: string; setting?: string | null; hardware?: string | null; baseline?: string | null; perHardware?: boolean }): string {
  const on = b.setting && b.setting !== NONE ? ` on ${b.setting}` : '';
  const hw = b.hardware && b.hardware !== NONE ? ` · ${b.hardware}` : b.perHardware ? ' · no hardware stated' : '';
  const vs = b.baseline && b.baseline !== NONE ? ` vs ${b.baseline}` : '';
  return `${b.metricKey}${on}${hw}${vs}`;
}
const direction = (b: { better: string }) => (b.better === 'higher' ? 'higher is better' : 'lower is better');

const settingOf = (r: LeaderboardRow) => [...r.setting.datasets, ...r.setting.models, ...r.setting.hardware].join(', ') || r.setting.text || '—';

function rankTable(rows: LeaderboardRow[], id: string): HTMLElement {
  return h(
    'table',
    { class: 'claims ranking', id },
    h('thead', {}, h('tr', {}, ...['#', 'Value', 'Metric', 'Setting', 'Baseline', 'Paper', 'Confidence', 'Evidence'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-paper': r.paperId, class: r.lowConfidence ? 'low-confidence' : undefined, title: r.lowConfidence ? 'below the confidence threshold: not ranked' : undefined },
          h('td', { class: 'rank', 'data-label': '#' }, r.rank == null ? '—' : String(r.rank)),
          h('td', { class: 'value', 'data-label': 'Value' }, h('span', { title: `stored: ${num(r.value)} ${r.claim.unit}` }, r.display)),
          h('td', { 'data-label': 'Metric' }, r.metric ?? '—'),
          h('td', { 'data-label': 'Setting' }, settingOf(r)),
          h('td', { 'data-label': 'Baseline' }, r.baseline ?? '—'),
          h(
            'td',
            { 'data-label': 'Paper' },
            h('a', { href: paperHref(r.paperId), class: 'paper-link' }, r.paperTitle),
            r.year != null ? h('small', { class: 'keys' }, String(r.year)) : null,
            r.links.source ? h('a', { href: r.links.source, class: 'source-link', target: '_blank', rel: 'noopener noreferrer' }, 'source ↗') : null,
          ),
          h('td', { class: 'confidence-cell', 'data-label': 'Confidence' }, r.confidence == null ? '—' : r.confidence.toFixed(2)),
          h('td', { 'data-label': 'Evidence', class: 'evidence-cell' }, evidenceNode(r.claim.evidence, r.claim.text), correctionControl(r.claim, reloadView)),
        ),
      ),
    ),
  );
}

/** Links to a view's downloads: the same route with .csv and .json. */
export function downloads(path: string, query: string): HTMLElement {
  const q = query ? `?${query}` : '';
  return h('p', { class: 'downloads' }, 'Download: ', h('a', { href: `./api/${path}.csv${q}`, download: '', class: 'download-csv' }, 'CSV'), ' · ', h('a', { href: `./api/${path}.json${q}`, download: '', class: 'download-json' }, 'JSON'));
}

function boardRows(boards: Board[]): HTMLElement[] {
  const none = 'none stated';
  return boards.map((b) =>
    h(
      'tr',
      { 'data-papers': String(b.papers) },
      h('td', { 'data-label': 'Metric' }, h('a', { href: boardHref(b), class: 'board-link' }, boardTitle(b))),
      h('td', { 'data-label': 'Setting' }, b.setting ?? none),
      h('td', { 'data-label': 'Hardware' }, b.perHardware ? (b.hardware ?? none) : '—'),
      h('td', { 'data-label': 'Baseline' }, DELTAS.includes(b.kind) ? (b.baseline ?? 'any (listed, not ranked)') : '—'),
      h('td', { 'data-label': 'Kind' }, KIND_LABELS[b.kind] ?? b.kind),
      h('td', { 'data-label': 'Unit' }, `${b.unit} (${direction(b)})`),
      h('td', { 'data-label': 'Papers', class: 'value' }, String(b.papers)),
      h('td', { 'data-label': 'Claims', class: 'value' }, String(b.claims)),
    ),
  );
}

const boardsTable = (id: string, boards: Board[]) =>
  h(
    'table',
    { class: 'claims', id },
    h('thead', {}, h('tr', {}, ...['Board', 'Setting', 'Hardware', 'Baseline', 'Kind', 'Unit', 'Papers', 'Claims'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...boardRows(boards)),
  );

/** The index's filter: metric and setting (substrings), and at least N papers; in the hash, so it survives a reload. */
export interface BoardsFilter {
  metric: string;
  setting: string;
  minPapers: number;
}

export function filterBoards(boards: Board[], f: BoardsFilter): Board[] {
  const has = (v: string | null, q: string) => !q || (v ?? '').toLowerCase().includes(q.toLowerCase());
  return boards.filter((b) => has(b.metricKey, f.metric) && (has(b.setting, f.setting) || has(b.hardware, f.setting)) && b.papers >= f.minPapers);
}

/** #/leaderboards: every board, most papers first (boards of one paper folded), and the baselines claims compare against. */
export function boardsView(list: BoardList, baselines: BaselineList, f: BoardsFilter, onFilter: (f: BoardsFilter) => void): HTMLElement {
  const shown = filterBoards(list.boards, f);
  const several = shown.filter((b) => b.papers > 1);
  const single = shown.filter((b) => b.papers <= 1);
  const read = (form: HTMLFormElement): BoardsFilter => {
    const data = new FormData(form);
    return { metric: String(data.get('metric') ?? '').trim(), setting: String(data.get('setting') ?? '').trim(), minPapers: Math.max(1, Number(data.get('minPapers')) || 1) };
  };
  return h(
    'article',
    { class: 'boards', id: 'boards-view' },
    h('a', { href: '#/', class: 'back' }, '← all claims'),
    h('h1', {}, 'Leaderboards'),
    h('p', { class: 'meta' }, 'Only comparable claims are ranked together: one metric, kind and unit, on one dataset; per hardware for latency, speed, throughput, memory and energy; gains only over one baseline. Rows below confidence 0.5 are hidden unless asked.'),
    h(
      'form',
      { class: 'board-filter', id: 'board-filter', onsubmit: (e: Event) => { e.preventDefault(); onFilter(read(e.target as HTMLFormElement)); } },
      h('label', {}, 'Metric ', h('input', { name: 'metric', value: f.metric, placeholder: 'accuracy', size: 12 })),
      h('label', {}, 'Setting ', h('input', { name: 'setting', value: f.setting, placeholder: 'ImageNet, A100', size: 12 })),
      h('label', {}, 'At least ', h('input', { name: 'minPapers', type: 'number', min: 1, value: f.minPapers, style: 'width:4rem' }), ' papers'),
      h('button', { type: 'submit' }, 'Filter'),
    ),
    h('p', { class: 'meta', id: 'boards-count' }, `${shown.length} of ${list.boards.length} boards`),
    downloads('leaderboards', new URLSearchParams(f.minPapers > 1 ? { minPapers: String(f.minPapers) } : {}).toString()),
    boardsTable('boards-table', several),
    single.length
      ? h('details', { class: 'single-boards', id: 'single-boards' }, h('summary', {}, `${single.length} board${single.length === 1 ? '' : 's'} of one paper`), boardsTable('single-boards-table', single))
      : null,
    h('h2', {}, 'Against a baseline'),
    downloads('baselines', ''),
    h(
      'ul',
      { class: 'baselines', id: 'baselines-list' },
      ...baselines.baselines.map((b) => h('li', {}, h('a', { href: baselineHref(b.baselineKey), class: 'baseline-link' }, b.baselineKey), ` ${b.claims} claims · ${b.papers} papers`)),
    ),
  );
}

/** #/leaderboard/<metric>: one board's ranking, its downloads, a switch for low-confidence rows, and links to its siblings. */
export function leaderboardView(lb: Leaderboard, metric: string, params: URLSearchParams): HTMLElement {
  const title = lb.board ? boardTitle(lb.board) : boardTitle({ metricKey: metric, setting: params.get('setting') });
  const low = params.get('includeLowConfidence') === 'true';
  const toggled = new URLSearchParams(params);
  if (low) toggled.delete('includeLowConfidence');
  else toggled.set('includeLowConfidence', 'true');
  return h(
    'article',
    { class: 'leaderboard', id: 'leaderboard-view' },
    h('a', { href: '#/leaderboards', class: 'back' }, '← all leaderboards'),
    h('h1', {}, title),
    lb.board
      ? h(
          'p',
          { class: 'meta' },
          `${KIND_LABELS[lb.board.kind] ?? lb.board.kind} in ${lb.board.unit}, ${direction(lb.board)} · ${lb.board.papers} papers, best claim of each`,
          lb.acrossBaselines ? ' · gains over different baselines: listed, not ranked (pick a baseline below to rank)' : lb.board.ranked ? '' : ' · no baseline named: listed, not ranked',
        )
      : h('p', { class: 'empty' }, 'No claim on this board.'),
    h('p', { class: 'meta' }, h('a', { href: `#/leaderboard/${encodeURIComponent(metric)}?${toggled}`, id: 'toggle-low-confidence' }, low ? 'hide rows below the confidence threshold' : 'show rows below the confidence threshold (greyed)')),
    downloads(`leaderboards/${encodeURIComponent(metric)}`, params.toString()),
    lb.siblings.length
      ? h('p', { class: 'siblings' }, 'Also: ', ...lb.siblings.slice(0, 30).flatMap((b, i) => [i ? ' · ' : '', h('a', { href: boardHref(b) }, `${boardTitle(b)}, ${KIND_LABELS[b.kind] ?? b.kind} in ${b.unit} (${b.papers})`)]))
      : null,
    // Drawn once in the document (Chart.js sizes a canvas from its parent): see showLeaderboard.
    lb.progress.length ? h('figure', { class: 'plot', id: 'progress' }) : null,
    lb.rows.length ? rankTable(lb.rows, 'leaderboard-table') : null,
  );
}

/** #/baseline/<key>: every claim over one baseline, ranked per kind and unit. */
export function baselineView(board: BaselineBoard, params: URLSearchParams): HTMLElement {
  return h(
    'article',
    { class: 'leaderboard', id: 'baseline-view' },
    h('a', { href: '#/leaderboards', class: 'back' }, '← all leaderboards'),
    h('h1', {}, `Against ${board.baselineKey}`),
    downloads(`baselines/${encodeURIComponent(board.baselineKey)}`, params.toString()),
    board.groups.length ? null : h('p', { class: 'empty' }, 'No claim compares against this baseline.'),
    ...board.groups.flatMap((g) => [
      h('h2', {}, `${KIND_LABELS[g.kind] ?? g.kind} (${g.unit}, ${direction(g)})`, ' ', h('small', {}, `best ${humanNumber(g.rows[0].value, g.unit)}`)),
      rankTable(g.rows, `baseline-${g.kind}`),
    ]),
  );
}
