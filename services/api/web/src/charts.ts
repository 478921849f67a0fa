import type { Stats } from '@claimflow/schemas';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ActiveElement, type ChartConfiguration,
} from 'chart.js';
import type { Filter } from './api.js';
import { h } from './dom.js';
import { batchLabel } from './format.js';

// Only the parts of Chart.js the page draws with, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const COLORS = { speedup: '#2563eb', efficiency: '#16a34a', quality: '#9333ea', batch: '#ea580c' };
const short = (v: number) => String(+v.toPrecision(2));
const UNIT_AXIS: Record<string, string> = { pp: 'median change, percentage points (+ = better)', '%': 'median change, percent (+ = better)', abs: 'median change, in the metric\'s units (+ = better)' };

/** What a click on a chart's bar or point filters to. */
type OnPick = (change: Filter) => void;

const clickable = (pick: (index: number, dataset: number) => Filter | null, onPick: OnPick) => ({
  onClick: (_e: unknown, elements: ActiveElement[]) => {
    const el = elements[0];
    const change = el ? pick(el.index, el.datasetIndex) : null;
    if (change) onPick(change);
  },
  onHover: (e: { native: Event | null }, elements: ActiveElement[]) => {
    const target = e.native?.target as HTMLElement | undefined;
    if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
  },
});

/** Factor histograms: bins of 10^(1/4), so the x axis is logarithmic in the factor; a bar filters to its kind and range. */
function factorChart(stats: Stats, onPick: OnPick): ChartConfiguration {
  const bins = [...new Set(stats.factorDistribution.map((b) => b.bin))].sort((a, b) => a - b);
  const all = bins.length ? Array.from({ length: bins[bins.length - 1] - bins[0] + 1 }, (_, i) => bins[0] + i) : [];
  const lower = (bin: number) => 10 ** (bin / 4);
  const kinds = ['speedup', 'efficiency'] as const;
  const series = (kind: (typeof kinds)[number]) => all.map((bin) => stats.factorDistribution.find((b) => b.kind === kind && b.bin === bin)?.n ?? 0);
  return {
    type: 'bar',
    data: {
      labels: all.map((bin) => `${short(lower(bin))}–${short(lower(bin + 1))}×`),
      datasets: kinds.map((kind) => ({ label: kind, data: series(kind), backgroundColor: COLORS[kind], maxBarThickness: 40 })),
    },
    options: {
      animation: false, maintainAspectRatio: false,
      ...clickable((i, d) => ({ kind: [kinds[d]], unit: ['x'], min: String(+lower(all[i]).toPrecision(6)), max: String(+lower(all[i] + 1).toPrecision(6)) }), onPick),
      scales: { x: { title: { display: true, text: 'claimed factor (log-scale bins)' } }, y: { title: { display: true, text: 'claims' }, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

/** Quality deltas of one unit: every bar labelled (one axis per unit: pp, % and abs do not mix); a bar filters to its metric. */
function qualityChart(rows: Stats['qualityDeltas'], unit: string, onPick: OnPick): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: rows.map((d) => `${d.metric} (n=${d.n})`),
      datasets: [{ label: `median delta (${unit})`, data: rows.map((d) => d.median), backgroundColor: COLORS.quality, maxBarThickness: 24 }],
    },
    options: {
      animation: false, maintainAspectRatio: false, indexAxis: 'y',
      ...clickable((i) => ({ kind: ['quality_delta'], unit: [unit], metric: rows[i].metric }), onPick),
      plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: UNIT_AXIS[unit] ?? unit } }, y: { ticks: { autoSkip: false } } },
    },
  };
}

function batchChart(stats: Stats, onPick: OnPick): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: stats.batches.map((b) => batchLabel(b)),
      datasets: [{ label: 'claims', data: stats.batches.map((b) => b.claims), borderColor: COLORS.batch, backgroundColor: COLORS.batch, pointRadius: 5, pointHoverRadius: 7 }],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      ...clickable((i) => ({ batch: [stats.batches[i].id] }), onPick),
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'claims' } } },
    },
  };
}

let charts: Chart[] = [];

/** The plots for the current filter; replaces the previous ones. Clicking a bar or point calls `onPick` with the filter it stands for. */
export function renderCharts(container: HTMLElement, stats: Stats, onPick: OnPick): void {
  for (const c of charts) c.destroy();
  charts = [];
  container.replaceChildren();
  // Each canvas is in the document before its chart is made: Chart.js sizes it from its parent.
  const panel = (id: string, title: string, config: ChartConfiguration | null, height = 260) => {
    const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': title });
    const body = h('div', { class: 'plot-body', style: `height:${height}px` }, config ? canvas : h('p', { class: 'empty' }, 'no data for this filter'));
    container.append(h('figure', { class: 'plot', id }, h('figcaption', {}, title), body));
    if (config) charts.push(new Chart(canvas, config));
  };
  panel('plot-factors', 'Claimed speedups and efficiency factors', stats.factorDistribution.length ? factorChart(stats, onPick) : null);
  const units = [...new Set(stats.qualityDeltas.map((d) => d.unit))];
  if (!units.length) panel('plot-quality', 'Quality deltas by metric', null);
  for (const unit of units) {
    const rows = stats.qualityDeltas.filter((d) => d.unit === unit).slice(0, 15);
    panel(`plot-quality-${unit === '%' ? 'percent' : unit}`, `Quality deltas by metric, in ${unit}`, qualityChart(rows, unit, onPick), Math.max(140, 40 + rows.length * 24));
  }
  panel('plot-batches', 'Claims per batch over time', stats.batches.length ? batchChart(stats, onPick) : null);
}
