import type { Config } from '@claimflow/config';
import type { PipelineQueues } from '@claimflow/queues';
import type { Store } from '@claimflow/store';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiOptions } from './api-options.js';

/** What the API runs on; tests build it from real components, startApi from the ServiceContext. */
export interface ApiDeps {
  store: Store;
  /** Producer queues for POST /api/batches; without them adding batches answers 503. */
  queues?: PipelineQueues;
  /** Pinged by /readyz. */
  redis?: { ping(): Promise<unknown> };
  config: Pick<Config, 'API_TOKEN' | 'ADMIN_TOKEN' | 'CHUNK_SIZE'> & Partial<Pick<Config, 'CHUNK_BYTES'>>;
  /** A pino logger (the service's); omitted: no request logs. */
  logger?: FastifyBaseLogger;
  /** Largest POST /api/batches body, in bytes. */
  bodyLimit?: number;
  /** Requests per minute per client to POST /api/batches. */
  addBatchRateLimit?: number;
  /** CORS allow-list and rate limit (CORS_ORIGINS, RATE_LIMIT_*); default: CORS off, 3000 requests a minute. */
  options?: Partial<ApiOptions>;
  /** Folder of the built web page; default: dist/web of this package. */
  webRoot?: string;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
export const DEFAULT_ADD_BATCH_RATE_LIMIT = 30;
