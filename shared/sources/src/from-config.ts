import { ConfigError, type Config } from '@claimflow/config';
import type { PipelineQueues, RedisConnection } from '@claimflow/queues';
import type { Sql } from '@claimflow/store';
import type { HarvestOptions } from './harvest.js';
import { HarvestStateStore } from './harvest-state.js';
import { knownPapersIn } from './known-papers.js';
import type { HarvestRequest, SourceName } from './source.js';
import type { SourceSettings } from './registry.js';

const BASE_URL: Record<SourceName, keyof Config> = {
  'arxiv-oai': 'ARXIV_OAI_URL',
  'arxiv-search': 'ARXIV_SEARCH_URL',
  'hf-daily': 'HF_PAPERS_URL',
  openalex: 'OPENALEX_URL',
};

/** How to reach a source, from the environment; without a contact address no source is asked anything. */
export function sourceSettings(config: Config, name: SourceName): SourceSettings {
  if (!config.HARVEST_CONTACT) {
    throw new ConfigError('HARVEST_CONTACT is not set: set it to an e-mail address the sources can reach you at (they ask harvesters to name one)');
  }
  return {
    contact: config.HARVEST_CONTACT,
    baseUrl: config[BASE_URL[name]] as string | undefined,
    minIntervalMs: config.HARVEST_MIN_INTERVAL_MS,
    retries: config.HARVEST_RETRIES,
    backoffMs: config.HARVEST_BACKOFF_MS,
    timeoutMs: config.HARVEST_TIMEOUT_MS,
  };
}

/** What a scheduled harvest of a source asks for: the configured set, query or filter. */
export function configuredRequest(config: Config): Partial<HarvestRequest> {
  return { set: config.ARXIV_OAI_SET, query: config.ARXIV_SEARCH_QUERY, filter: config.OPENALEX_FILTER };
}

/** HARVEST_SOURCES as a list; empty: the harvester runs nothing. */
export function configuredSources(config: Config): SourceName[] {
  return [...new Set((config.HARVEST_SOURCES ?? '').split(',').map((s) => s.trim()).filter(Boolean))] as SourceName[];
}

/** What every harvest into a running pipeline shares, whoever starts it (claims harvest, the harvester). */
export function pipelineHarvest(
  config: Config,
  deps: { redis: RedisConnection; queues: PipelineQueues; sql: Sql },
): Pick<HarvestOptions, 'queues' | 'state' | 'known' | 'chunkSize' | 'maxQueueDepth' | 'firstSince'> {
  return {
    queues: deps.queues,
    state: new HarvestStateStore(deps.redis, config.QUEUE_PREFIX),
    known: knownPapersIn(deps.sql),
    chunkSize: config.CHUNK_SIZE,
    maxQueueDepth: config.MAX_QUEUE_DEPTH,
    firstSince: config.HARVEST_SINCE,
  };
}
