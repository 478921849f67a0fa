import { z } from 'zod';
import { BatchRef, Rejection } from './batch.js';
import { ClaimDraft, ClaimRecord } from './claim.js';
import { Paper } from './paper.js';

/**
 * Payloads of the four queues. Each job carries a chunk of records, not one,
 * so the queue layer's per-job cost is paid once per chunk.
 */

/** A record as the reader produced it: parsed fields, or why it could not be parsed. */
export const RawRecord = z.union([
  z.object({ line: z.number().int().positive(), record: z.unknown() }),
  z.object({ line: z.number().int().positive(), error: z.string(), field: z.string().nullable().optional() }),
]);
export type RawRecord = z.infer<typeof RawRecord>;

/**
 * `total` is set on the producer's last chunk only: how many records the
 * batch holds. Each stage passes it on so the writer can tell when the batch
 * is complete.
 */
export const IngestJob = z.object({
  batch: BatchRef,
  file: z.string(),
  records: z.array(RawRecord),
  total: z.number().int().nonnegative().optional(),
});
export type IngestJob = z.infer<typeof IngestJob>;

export const ExtractJob = z.object({
  batch: BatchRef,
  papers: z.array(Paper),
  rejections: z.array(Rejection),
  total: z.number().int().nonnegative().optional(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

export const NormalizeJob = z.object({
  batch: BatchRef,
  extractorVersion: z.string(),
  papers: z.array(z.object({ paper: Paper, drafts: z.array(ClaimDraft) })),
  rejections: z.array(Rejection),
  total: z.number().int().nonnegative().optional(),
});
export type NormalizeJob = z.infer<typeof NormalizeJob>;

export const WriteJob = z.object({
  batch: BatchRef,
  extractorVersion: z.string(),
  papers: z.array(z.object({ paper: Paper, claims: z.array(ClaimRecord) })),
  rejections: z.array(Rejection),
  total: z.number().int().nonnegative().optional(),
});
export type WriteJob = z.infer<typeof WriteJob>;
