import { ArxivOaiSource } from './arxiv-oai.js';
import { ArxivSearchSource } from './arxiv-search.js';
import { HfDailySource } from './hf-daily.js';
import { PoliteClient } from './http.js';
import { OpenAlexSource } from './openalex.js';
import type { Source, SourceName } from './source.js';

/** Each source's published base URL and the request rate it asks for. */
export const SOURCE_DEFAULTS: Record<SourceName, { baseUrl: string; minIntervalMs: number }> = {
  // arXiv's terms: no more than one request every three seconds, OAI-PMH and API alike.
  'arxiv-oai': { baseUrl: 'https://oaipmh.arxiv.org/oai', minIntervalMs: 3000 },
  'arxiv-search': { baseUrl: 'https://export.arxiv.org/api/query', minIntervalMs: 3000 },
  'hf-daily': { baseUrl: 'https://huggingface.co', minIntervalMs: 1000 },
  // OpenAlex allows 10 requests a second.
  openalex: { baseUrl: 'https://api.openalex.org', minIntervalMs: 100 },
};

export interface SourceSettings {
  contact: string;
  /** Overrides the source's published base URL (a mirror, or a test's local server). */
  baseUrl?: string;
  /** Overrides the source's own minimum interval (tests; never below what the source asks for in production). */
  minIntervalMs?: number;
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
}

export function createSource(name: SourceName, s: SourceSettings): Source {
  const defaults = SOURCE_DEFAULTS[name];
  const http = new PoliteClient({ contact: s.contact, minIntervalMs: s.minIntervalMs ?? defaults.minIntervalMs, retries: s.retries, backoffMs: s.backoffMs, timeoutMs: s.timeoutMs });
  const baseUrl = (s.baseUrl ?? defaults.baseUrl).replace(/\/+$/, '');
  switch (name) {
    case 'arxiv-oai':
      return new ArxivOaiSource(http, baseUrl);
    case 'arxiv-search':
      return new ArxivSearchSource(http, baseUrl);
    case 'hf-daily':
      return new HfDailySource(http, baseUrl);
    case 'openalex':
      return new OpenAlexSource(http, baseUrl, s.contact);
  }
}
