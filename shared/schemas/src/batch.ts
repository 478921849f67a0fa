import { z } from 'zod';
import { SourceRef } from './paper.js';

export const BatchRef = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string(),
});
export type BatchRef = z.infer<typeof BatchRef>;

/** A record that could not be accepted: where it was and why. */
export const Rejection = SourceRef.extend({
  field: z.string().nullable(),
  reason: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

/** interrupted: a `claims run` stopped by a signal before the batch was done. */
export const BATCH_STATUSES = ['running', 'done', 'interrupted'] as const;

export const BatchProgress = BatchRef.extend({
  /** Records in the batch; null until the producer has read the whole input. */
  total: z.number().int().nullable(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  claims: z.number().int(),
  status: z.enum(BATCH_STATUSES),
  finishedAt: z.string().nullable(),
});
export type BatchProgress = z.infer<typeof BatchProgress>;

export function formatRejection(r: Rejection): string {
  return `${r.file}:${r.line}: ${r.field ? `${r.field}: ` : ''}${r.reason}`;
}
