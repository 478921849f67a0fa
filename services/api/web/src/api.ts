import type { BatchList, ClaimPage, PaperDetail, Stats } from '@claimflow/schemas';

/** The page's filter, as it appears in the URL hash and in API query strings. */
export interface Filter {
  kind?: string;
  min?: string;
  max?: string;
  q?: string;
  batch?: string;
  sort?: string;
}

export const FILTER_KEYS = ['kind', 'min', 'max', 'q', 'batch', 'sort'] as const;

/** Only the fields that are set: the API rejects empty values. */
export function queryString(filter: Filter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]?.trim()) params.set(k, filter[k]!.trim());
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export class ApiRequestError extends Error {}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`./api/${path}`);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(body?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const api = {
  claims: (filter: Filter, cursor?: string) => get<ClaimPage>(`claims${queryString(filter, cursor ? { cursor, limit: '100' } : { limit: '100' })}`),
  stats: (filter: Filter) => get<Stats>(`stats${queryString({ ...filter, sort: undefined })}`),
  paper: (id: string) => get<PaperDetail>(`papers/${encodeURIComponent(id)}`),
  batches: () => get<BatchList>('batches'),
  exportUrl: (filter: Filter, format: 'csv' | 'jsonl') => `./api/claims.${format}${queryString(filter)}`,
};
