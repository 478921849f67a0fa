import type { Stats } from '@claimflow/schemas';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { h } from './dom.js';

// Only the parts of Chart.js the page draws with, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const COLORS = { speedup: '#2563eb', efficiency: '#16a34a', quality: '#9333ea', batch: '#ea580c' };
const short = (v: number) => String(+v.toPrecision(2));

/** Factor histograms: bins of 10^(1/4), so the x axis is logarithmic in the factor. */
function factorChart(stats: Stats): ChartConfiguration {
  const bins = [...new Set(stats.factorDistribution.map((b) => b.bin))].sort((a, b) => a - b);
  const all = bins.length ? Array.from({ length: bins[bins.length - 1] - bins[0] + 1 }, (_, i) => bins[0] + i) : [];
  const lower = (bin: number) => 10 ** (bin / 4);
  const series = (kind: 'speedup' | 'efficiency') =>
    all.map((bin) => stats.factorDistribution.find((b) => b.kind === kind && b.bin === bin)?.n ?? 0);
  return {
    type: 'bar',
    data: {
      labels: all.map((bin) => `${short(lower(bin))}–${short(lower(bin + 1))}×`),
      datasets: [
        { label: 'speedup', data: series('speedup'), backgroundColor: COLORS.speedup, maxBarThickness: 40 },
        { label: 'efficiency', data: series('efficiency'), backgroundColor: COLORS.efficiency, maxBarThickness: 40 },
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      plugins: { title: { display: false } },
      scales: { x: { title: { display: true, text: 'claimed factor (log-scale bins)' } }, y: { title: { display: true, text: 'claims' }, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

function qualityChart(stats: Stats): ChartConfiguration {
  const rows = stats.qualityDeltas.slice(0, 12);
  return {
    type: 'bar',
    data: {
      labels: rows.map((d) => `${d.metric} (${d.unit}, n=${d.n})`),
      datasets: [{ label: 'median delta', data: rows.map((d) => d.median), backgroundColor: COLORS.quality, maxBarThickness: 28 }],
    },
    options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: 'median change (+ = better)' } } } },
  };
}

function batchChart(stats: Stats): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: stats.batches.map((b) => `${b.createdAt.slice(0, 16).replace('T', ' ')} ${b.name}`),
      datasets: [{ label: 'claims', data: stats.batches.map((b) => b.claims), borderColor: COLORS.batch, backgroundColor: COLORS.batch }],
    },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'claims' } } } },
  };
}

let charts: Chart[] = [];

/** The three plots for the current filter; replaces the previous ones. */
export function renderCharts(container: HTMLElement, stats: Stats): void {
  for (const c of charts) c.destroy();
  charts = [];
  container.replaceChildren();
  // Each canvas is in the document before its chart is made: Chart.js sizes it from its parent.
  const panel = (id: string, title: string, config: ChartConfiguration, empty: boolean) => {
    const canvas = h('canvas', { id: `${id}-canvas` });
    const figure = h('figure', { class: 'plot', id }, h('figcaption', {}, title), h('div', { class: 'plot-body' }, empty ? h('p', { class: 'empty' }, 'no data for this filter') : canvas));
    container.append(figure);
    if (!empty) charts.push(new Chart(canvas, config));
  };
  panel('plot-factors', 'Claimed speedups and efficiency factors', factorChart(stats), !stats.factorDistribution.length);
  panel('plot-quality', 'Quality deltas by metric', qualityChart(stats), !stats.qualityDeltas.length);
  panel('plot-batches', 'Claims per batch over time', batchChart(stats), !stats.batches.length);
}
