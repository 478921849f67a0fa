import type { BaselineBoard, BaselineList, BatchList, BoardList, ClaimPage, Facets, Leaderboard, PaperDetail, SavedSearchView, Stats } from '@claimflow/schemas';

/**
 * The page's filter: every filter of /api/claims, as it appears in the URL
 * hash and in API query strings. Multi-value fields repeat their parameter
 * (kind=speedup&kind=efficiency), as the API takes them.
 */
export const MULTI_KEYS = ['kind', 'unit', 'qualifier', 'metricKey', 'settingKey', 'baselineKey', 'paper', 'batch', 'year', 'venue', 'category'] as const;
export const SINGLE_KEYS = ['min', 'max', 'minConfidence', 'metric', 'setting', 'q', 'sort'] as const;
export const FILTER_KEYS = [...MULTI_KEYS, ...SINGLE_KEYS] as const;
export type MultiKey = (typeof MULTI_KEYS)[number];
export type SingleKey = (typeof SINGLE_KEYS)[number];

export type Filter = Partial<Record<MultiKey, string[]>> & Partial<Record<SingleKey, string>>;

export const isMulti = (k: string): k is MultiKey => (MULTI_KEYS as readonly string[]).includes(k);

export function filterFromParams(params: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of MULTI_KEYS) {
    const values = params.getAll(k).map((v) => v.trim()).filter(Boolean);
    if (values.length) f[k] = [...new Set(values)];
  }
  for (const k of SINGLE_KEYS) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** Only the fields that are set, in a stable order: the API rejects empty values. */
export function filterParams(filter: Filter, omit: string[] = []): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    if (omit.includes(k)) continue;
    const v = filter[k];
    if (Array.isArray(v)) for (const x of v) params.append(k, x);
    else if (v?.trim()) params.set(k, v.trim());
  }
  return params;
}

const qs = (params: URLSearchParams) => (params.size ? `?${params}` : '');

export class ApiRequestError extends Error {}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`./api/${path}`);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(body?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const PAGE_SIZE = 100;

export const api = {
  /** An analyst's correction (the server checks the write token). */
  correct: (body: unknown, token: string) => send<unknown>('POST', 'corrections', token, body),
  claims: (filter: Filter, opts: { cursor?: string; limit?: number } = {}) => {
    const p = filterParams(filter);
    p.set('limit', String(opts.limit ?? PAGE_SIZE));
    if (opts.cursor) p.set('cursor', opts.cursor);
    return get<ClaimPage>(`claims${qs(p)}`);
  },
  stats: (filter: Filter) => get<Stats>(`stats${qs(filterParams(filter, ['sort']))}`),
  facets: (filter: Filter) => get<Facets>(`facets${qs(filterParams(filter, ['sort']))}`),
  paper: (id: string) => get<PaperDetail>(`papers/${encodeURIComponent(id)}`),
  batches: () => get<BatchList>('batches'),
  boards: () => get<BoardList>('leaderboards'),
  leaderboard: (metric: string, params: URLSearchParams) => get<Leaderboard>(`leaderboards/${encodeURIComponent(metric)}${qs(params)}`),
  baselines: () => get<BaselineList>('baselines'),
  baseline: (key: string, params: URLSearchParams) => get<BaselineBoard>(`baselines/${encodeURIComponent(key)}${qs(params)}`),
  exportUrl: (filter: Filter, format: 'csv' | 'jsonl') => `./api/claims.${format}${qs(filterParams(filter))}`,
  searches: () => get<{ searches: SavedSearchView[] }>('searches'),
  /** Saving and deleting need the API token (the page keeps it for the tab only). */
  saveSearch: (body: { name: string; filter: Record<string, unknown>; webhookUrl?: string; email?: string }, token: string) =>
    send<SavedSearchView>('POST', 'searches', token, body),
  deleteSearch: (name: string, token: string) => send<null>('DELETE', `searches/${encodeURIComponent(name)}`, token),
};

async function send<T>(method: 'POST' | 'DELETE', path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(`./api/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(answer?.message ?? `${res.status} ${res.statusText}`);
  return answer as T;
}
