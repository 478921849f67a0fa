import type { Stats } from '@claimflow/schemas';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ActiveElement, type ChartConfiguration,
} from 'chart.js';
import type { Filter } from './api.js';
import { h } from './dom.js';

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

/** A label cut to `max` characters, so a narrow chart keeps its plot area and shows whole (shortened) labels, never clipped ones. */
const fit = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);
/** Characters a horizontal chart's labels may take: about 40 % of its width at ~7 px a character. */
const labelRoom = (width: number) => Math.max(8, Math.floor((width * 0.4) / 7));

/** Quality deltas of one unit, by canonical metric: every bar labelled (one axis per unit: pp, % and abs do not mix); a bar filters to its metric. */
function qualityChart(rows: Stats['qualityDeltas'], unit: string, onPick: OnPick, width: number): ChartConfiguration {
  const labels = rows.map((d) => `${d.metric} (n=${d.n})`);
  return {
    type: 'bar',
    data: {
      labels: labels.map((l) => fit(l, labelRoom(width))),
      datasets: [{ label: `median delta (${unit})`, data: rows.map((d) => d.median), backgroundColor: COLORS.quality, maxBarThickness: 24 }],
    },
    options: {
      animation: false, maintainAspectRatio: false, indexAxis: 'y',
      ...clickable((i) => (rows[i].metricKey ? { kind: ['quality_delta'], unit: [unit], metricKey: [rows[i].metric] } : { kind: ['quality_delta'], unit: [unit], metric: rows[i].metric }), onPick),
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => labels[items[0]?.dataIndex ?? 0] } } },
      scales: { x: { title: { display: true, text: UNIT_AXIS[unit] ?? unit } }, y: { ticks: { autoSkip: false } } },
    },
  };
}

/** Papers and claims by publication year (papers whose metadata dates them); a bar filters to its year. */
function yearChart(stats: Stats, onPick: OnPick): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: stats.byYear.map((y) => String(y.year)),
      datasets: [
        { label: 'claims', data: stats.byYear.map((y) => y.claims), backgroundColor: COLORS.quality, maxBarThickness: 40 },
        { label: 'papers', data: stats.byYear.map((y) => y.papers), backgroundColor: COLORS.batch, maxBarThickness: 40 },
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      ...clickable((i) => ({ year: [String(stats.byYear[i].year)] }), onPick),
      scales: { x: { title: { display: true, text: 'publication year' } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
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
    if (!config) return;
    const chart = new Chart(canvas, config);
    charts.push(chart);
    // How many category labels are wider than their axis (drawn clipped); the browser test holds it at 0.
    if (chart.options.indexAxis === 'y') {
      const axis = chart.scales.y;
      chart.ctx.font = `${Chart.defaults.font.size}px ${Chart.defaults.font.family}`;
      const labels = (chart.data.labels ?? []).map(String);
      canvas.dataset.labelsClipped = String(labels.filter((l) => chart.ctx.measureText(l).width > axis.width).length);
    }
  };
  panel('plot-factors', 'Claimed speedups and efficiency factors', stats.factorDistribution.length ? factorChart(stats, onPick) : null);
  const units = [...new Set(stats.qualityDeltas.map((d) => d.unit))];
  if (!units.length) panel('plot-quality', 'Quality deltas by metric', null);
  for (const unit of units) {
    const rows = stats.qualityDeltas.filter((d) => d.unit === unit).slice(0, 15);
    panel(`plot-quality-${unit === '%' ? 'percent' : unit}`, `Quality deltas by metric, in ${unit}`, qualityChart(rows, unit, onPick, container.clientWidth), Math.max(140, 40 + rows.length * 24));
  }
  panel('plot-years', 'Claims and papers by publication year', stats.byYear.length ? yearChart(stats, onPick) : null);
}

/** A board's progress over time: the best value so far by publication date, as a step chart. */
export function progressChart(container: HTMLElement, steps: { published: string; value: number; display: string; paperTitle: string }[], unit: string): void {
  const canvas = h('canvas', { id: 'progress-canvas', role: 'img', 'aria-label': 'best value so far by publication date' });
  container.replaceChildren(h('figcaption', {}, 'Progress over time: the best value so far, by publication date'), h('div', { class: 'plot-body', style: 'height:220px' }, canvas));
  charts.push(new Chart(canvas, {
    type: 'line',
    data: {
      labels: steps.map((s) => s.published),
      datasets: [{ label: `best (${unit})`, data: steps.map((s) => s.value), stepped: 'before', borderColor: COLORS.speedup, backgroundColor: COLORS.speedup, pointRadius: 4 }],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${steps[item.dataIndex].display} · ${steps[item.dataIndex].paperTitle}` } } },
      scales: { x: { title: { display: true, text: 'publication date' } }, y: { title: { display: true, text: unit } } },
    },
  }));
}
