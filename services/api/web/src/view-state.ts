/**
 * What a view looked like when it was left, per URL hash, for the session:
 * how many rows were loaded and where the page was scrolled. Going back to
 * the hash (the browser's back, or a "← back" link) restores both.
 */
interface ViewState {
  rows?: number;
  scrollY?: number;
}

const KEY = 'claimflow:views';

function all(): Record<string, ViewState> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
}

function save(hash: string, change: ViewState) {
  const states = all();
  states[hash] = { ...states[hash], ...change };
  sessionStorage.setItem(KEY, JSON.stringify(states));
}

const here = () => location.hash || '#/';

export const savedRows = (): number | undefined => all()[here()]?.rows;

export function trackView(rows: number): void {
  save(here(), { rows });
}

// Read when the hash changes, before the new view's own scrolling can overwrite it.
let pendingY: number | undefined = all()[here()]?.scrollY;

/** Scrolls to where this hash's view was left (once its content is in). */
export function restoreScroll(): void {
  const y = pendingY;
  pendingY = undefined;
  if (y) requestAnimationFrame(() => window.scrollTo(0, y));
}

let current = here();
let timer: number | undefined;
window.addEventListener('scroll', () => {
  const hash = current;
  clearTimeout(timer);
  timer = window.setTimeout(() => save(hash, { scrollY: window.scrollY }), 100);
});
// The scroll position of the view being left is the one just before the hash changed.
window.addEventListener('hashchange', (e) => {
  const from = new URL(e.oldURL).hash || '#/';
  clearTimeout(timer);
  save(from, { scrollY: lastY });
  current = here();
  pendingY = all()[current]?.scrollY;
});
let lastY = 0;
window.addEventListener('scroll', () => (lastY = window.scrollY), { passive: true });
