import type { BatchProgress } from '@claimflow/schemas';
import { api } from './api.js';
import { h, replace } from './dom.js';
import { batchLabel } from './format.js';

const RUNNING_POLL_MS = 2000;
const IDLE_POLL_MS = 15000;

function progressRow(b: BatchProgress): HTMLElement {
  const done = b.accepted + b.rejected;
  const share = b.total ? Math.min(1, done / b.total) : null;
  return h(
    'div',
    { class: `batch ${b.status}`, 'data-batch': b.id },
    h('span', { class: 'name' }, batchLabel(b)),
    h('progress', { max: 1, value: share ?? undefined }),
    h('span', { class: 'numbers' }, `${done}${b.total != null ? ` / ${b.total}` : ''} records · ${b.claims} claims${b.rejected ? ` · ${b.rejected} rejected` : ''}`),
  );
}

/**
 * Progress of running batches, polled from /api/batches: every 2 s while one
 * runs, every 15 s otherwise. `onFinished` runs when the last running batch is done.
 */
export function startBatchPanel(container: HTMLElement, onFinished: () => void): void {
  let wasRunning = false;
  const tick = async () => {
    let running = false;
    try {
      const { batches } = await api.batches();
      const active = batches.filter((b) => b.status === 'running');
      running = active.length > 0;
      replace(container, running ? [h('h2', {}, 'Running batches'), ...active.map(progressRow)] : []);
      container.hidden = !running;
      // The last batch just finished: its claims are in, so the view refreshes.
      if (wasRunning && !running) onFinished();
      wasRunning = running;
    } catch {
      // The API is away; try again on the next tick.
    }
    setTimeout(tick, running ? RUNNING_POLL_MS : IDLE_POLL_MS);
  };
  void tick();
}
