import type { BaselineBoard, BaselineList, Board, BoardList, Leaderboard, LeaderboardRow } from '@claimflow/schemas';
import { paperHref } from './claims-table.js';
import { h } from './dom.js';
import { formatValue, humanNumber, KIND_LABELS, num } from './format.js';
import { evidenceNode } from './highlight.js';

/** The hash of one board: metric in the path, setting, unit and kind in the query. */
export function boardHref(b: Pick<Board, 'metricKey' | 'setting' | 'unit' | 'kind'>): string {
  const p = new URLSearchParams();
  if (b.setting) p.set('setting', b.setting);
  p.set('unit', b.unit);
  p.set('kind', b.kind);
  return `#/leaderboard/${encodeURIComponent(b.metricKey)}?${p}`;
}
export const baselineHref = (key: string, kind?: string) => `#/baseline/${encodeURIComponent(key)}${kind ? `?kind=${kind}` : ''}`;

export const boardTitle = (b: Pick<Board, 'metricKey' | 'setting'>) => `${b.metricKey}${b.setting ? ` on ${b.setting}` : ''}`;
const direction = (b: { better: string }) => (b.better === 'higher' ? 'higher is better' : 'lower is better');

function rankTable(rows: LeaderboardRow[], id: string): HTMLElement {
  return h(
    'table',
    { class: 'claims ranking', id },
    h('thead', {}, h('tr', {}, ...['#', 'Value', 'Paper', 'Evidence'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-paper': r.paperId },
          h('td', { class: 'rank', 'data-label': '#' }, String(r.rank)),
          h('td', { class: 'value', 'data-label': 'Value' }, h('span', { title: `stored: ${num(r.value)} ${r.claim.unit}` }, formatValue(r.claim))),
          h(
            'td',
            { 'data-label': 'Paper' },
            h('a', { href: paperHref(r.paperId), class: 'paper-link' }, r.paperTitle),
            r.links.source ? h('a', { href: r.links.source, class: 'source-link', target: '_blank', rel: 'noopener noreferrer' }, 'source ↗') : null,
          ),
          h('td', { 'data-label': 'Evidence', class: 'evidence-cell' }, evidenceNode(r.claim.evidence, r.claim.text), r.claim.baseline ? h('small', { class: 'keys' }, `vs ${r.claim.baseline}`) : null),
        ),
      ),
    ),
  );
}

/** #/leaderboards: every board, most papers first, and the baselines claims compare against. */
export function boardsView(list: BoardList, baselines: BaselineList): HTMLElement {
  const boards = list.boards.filter((b) => b.papers > 1 || list.boards.length <= 40);
  return h(
    'article',
    { class: 'boards', id: 'boards-view' },
    h('a', { href: '#/', class: 'back' }, '← all claims'),
    h('h1', {}, 'Leaderboards'),
    h('p', { class: 'meta' }, 'Papers ranked by their best claim on a canonical metric, per setting (dataset, benchmark, hardware, model), unit and kind.'),
    h(
      'table',
      { class: 'claims', id: 'boards-table' },
      h('thead', {}, h('tr', {}, ...['Metric', 'Setting', 'Kind', 'Unit', 'Papers', 'Claims'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...boards.map((b) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Metric' }, h('a', { href: boardHref(b), class: 'board-link' }, boardTitle(b))),
            h('td', { 'data-label': 'Setting' }, b.setting ?? 'any'),
            h('td', { 'data-label': 'Kind' }, KIND_LABELS[b.kind] ?? b.kind),
            h('td', { 'data-label': 'Unit' }, `${b.unit} (${direction(b)})`),
            h('td', { 'data-label': 'Papers', class: 'value' }, String(b.papers)),
            h('td', { 'data-label': 'Claims', class: 'value' }, String(b.claims)),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Against a baseline'),
    h(
      'ul',
      { class: 'baselines', id: 'baselines-list' },
      ...baselines.baselines.map((b) => h('li', {}, h('a', { href: baselineHref(b.baselineKey), class: 'baseline-link' }, b.baselineKey), ` ${b.claims} claims · ${b.papers} papers`)),
    ),
  );
}

/** #/leaderboard/<metric>: one board's ranking, and links to its siblings (other units or kinds). */
export function leaderboardView(lb: Leaderboard, metric: string, setting: string | null): HTMLElement {
  const title = lb.board ? boardTitle(lb.board) : boardTitle({ metricKey: metric, setting });
  return h(
    'article',
    { class: 'leaderboard', id: 'leaderboard-view' },
    h('a', { href: '#/leaderboards', class: 'back' }, '← all leaderboards'),
    h('h1', {}, title),
    lb.board
      ? h('p', { class: 'meta' }, `${KIND_LABELS[lb.board.kind] ?? lb.board.kind} in ${lb.board.unit}, ${direction(lb.board)} · ${lb.board.papers} papers, best claim of each`)
      : h('p', { class: 'empty' }, 'No claim on this metric and setting.'),
    lb.siblings.length
      ? h('p', { class: 'siblings' }, 'Also: ', ...lb.siblings.flatMap((b, i) => [i ? ' · ' : '', h('a', { href: boardHref(b) }, `${KIND_LABELS[b.kind] ?? b.kind} in ${b.unit} (${b.papers})`)]))
      : null,
    lb.rows.length ? rankTable(lb.rows, 'leaderboard-table') : null,
  );
}

/** #/baseline/<key>: every claim over one baseline, ranked per kind and unit. */
export function baselineView(board: BaselineBoard): HTMLElement {
  return h(
    'article',
    { class: 'leaderboard', id: 'baseline-view' },
    h('a', { href: '#/leaderboards', class: 'back' }, '← all leaderboards'),
    h('h1', {}, `Against ${board.baselineKey}`),
    board.groups.length ? null : h('p', { class: 'empty' }, 'No claim compares against this baseline.'),
    ...board.groups.flatMap((g) => [
      h('h2', {}, `${KIND_LABELS[g.kind] ?? g.kind} (${g.unit}, ${direction(g)})`, ' ', h('small', {}, `best ${humanNumber(g.rows[0].value, g.unit)}`)),
      rankTable(g.rows, `baseline-${g.kind}`),
    ]),
  );
}
