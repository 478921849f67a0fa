import { z } from 'zod';
import { CanonicalUnit, ClaimKind, Qualifier } from './claim.js';

/** Who made a correction, and why: required, so every correction can be understood later. */
const person = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const reason = z.string().trim().min(1, 'must say why').max(1000, 'must be at most 1000 characters');
const maybeText = z.string().trim().max(500).nullable();
const num = z.number().finite();

/** The fields a correction may set: the claim's kind, value (or range), unit, qualifier, metric, baseline, setting. */
export const ClaimFields = z
  .object({
    kind: ClaimKind,
    value: num.nullable(),
    low: num.nullable(),
    high: num.nullable(),
    unit: CanonicalUnit,
    qualifier: Qualifier,
    metric: maybeText,
    baseline: maybeText,
    setting: maybeText,
  })
  .partial()
  .strict();
export type ClaimFields = z.infer<typeof ClaimFields>;

const hasValue = (c: { value?: number | null; low?: number | null; high?: number | null }) =>
  c.value != null || (c.low != null && c.high != null && c.low <= c.high);

/** POST /api/corrections and `claims correct`: mark a claim wrong, correct its fields, or add a missed one by its span. */
export const CorrectionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('wrong'), claimId: z.string().min(1).max(200), who: person, why: reason }).strict(),
  z
    .object({ action: z.literal('correct'), claimId: z.string().min(1).max(200), changes: ClaimFields, who: person, why: reason })
    .strict()
    .refine((c) => Object.keys(c.changes).length > 0, { path: ['changes'], message: 'must change at least one field' }),
  z
    .object({
      action: z.literal('add'),
      paperId: z.string().min(1).max(200),
      /** The number as written in the abstract, and which occurrence of it (1 = first). */
      text: z.string().min(1).max(200),
      occurrence: z.number().int().min(1).default(1),
      claim: ClaimFields.required({ kind: true, unit: true }),
      who: person,
      why: reason,
    })
    .strict()
    .refine((c) => hasValue(c.claim), { path: ['claim', 'value'], message: 'needs a value, or low and high (low <= high)' }),
]);
export type CorrectionInput = z.input<typeof CorrectionInput>;
export type CorrectionParsed = z.output<typeof CorrectionInput>;

export const Correction = z.object({
  id: z.number().int(),
  paperId: z.string(),
  claimId: z.string(),
  action: z.enum(['wrong', 'correct', 'add']),
  changes: z.record(z.string(), z.unknown()),
  original: z.record(z.string(), z.unknown()).nullable().describe('the claim as the extractor stored it (null for add)'),
  who: z.string(),
  why: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  stale: z.boolean().describe('the extractor\'s claim changed (or went) since: check the correction'),
});
export type Correction = z.infer<typeof Correction>;

export const CorrectionList = z.object({ corrections: z.array(Correction) });
export type CorrectionList = z.infer<typeof CorrectionList>;

export const UndoInput = z.object({ who: person }).strict();
export const CorrectionParams = z.object({ id: z.coerce.number().int().min(1) }).strict();
export const CorrectionsQuery = z
  .object({ includeUndone: z.enum(['true', 'false']).transform((v) => v === 'true').default(false), paper: z.string().min(1).max(200).optional() })
  .strict();
