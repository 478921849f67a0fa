import { ExtractJob, IngestJob, NormalizeJob, WriteJob } from '@claimflow/schemas';
import type { z } from 'zod';

/** The pipeline's stages in order; each has one queue of the same name. */
export const STAGES = ['ingest', 'extract', 'normalize', 'write'] as const;
export type Stage = (typeof STAGES)[number];

/** The payload each stage's queue carries, validated on add and on receipt. */
export const PAYLOADS = {
  ingest: IngestJob,
  extract: ExtractJob,
  normalize: NormalizeJob,
  write: WriteJob,
} as const satisfies Record<Stage, z.ZodType>;
export type Payload<S extends Stage> = z.infer<(typeof PAYLOADS)[S]>;

/** The stage a stage hands its output to. */
export const NEXT_STAGE = { ingest: 'extract', extract: 'normalize', normalize: 'write', write: null } as const;

/**
 * Queues beside the pipeline: the harvester's scheduled runs (one job
 * scheduler per source) and the alerts' deliveries. Not stages: nothing
 * flows from them into the next stage's queue.
 */
export const HARVEST_QUEUE = 'harvest';
export const ALERTS_QUEUE = 'alerts';
export const WEBHOOK_QUEUE = 'webhooks';
