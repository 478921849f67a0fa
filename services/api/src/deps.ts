import type { Config } from '@claimflow/config';
import type { PipelineQueues } from '@claimflow/queues';
import type { Store } from '@claimflow/store';
import type { FastifyBaseLogger } from 'fastify';

/** What the API runs on; tests build it from real components, startApi from the ServiceContext. */
export interface ApiDeps {
  store: Store;
  /** Producer queues for POST /api/batches; without them adding batches answers 503. */
  queues?: PipelineQueues;
  /** Pinged by /readyz. */
  redis?: { ping(): Promise<unknown> };
  config: Pick<Config, 'API_TOKEN' | 'ADMIN_TOKEN' | 'CHUNK_SIZE'>;
  /** A pino logger (the service's); omitted: no request logs. */
  logger?: FastifyBaseLogger;
  /** Largest POST /api/batches body, in bytes. */
  bodyLimit?: number;
  /** Requests per minute per client to POST /api/batches. */
  addBatchRateLimit?: number;
  /** Folder of the built web page; default: dist/web of this package. */
  webRoot?: string;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
export const DEFAULT_ADD_BATCH_RATE_LIMIT = 30;
