import { z } from 'zod';

/** The five kinds of claim in the contract (../shared/spec/claims.md). */
export const CLAIM_KINDS = ['speedup', 'efficiency', 'quality_delta', 'quality_value', 'measurement'] as const;
export const ClaimKind = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const QUALIFIERS = ['exact', 'approximate', 'upper_bound', 'lower_bound', 'average'] as const;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

/** Canonical units after normalization. */
export const CANONICAL_UNITS = [
  'x', 'pp', '%', 'abs', 'B', 's', 'fps', 'tok/s', 'params', 'FLOPs', 'FLOP/s', 'J', 'W', 'USD', 'GPUh',
] as const;
export const CanonicalUnit = z.enum(CANONICAL_UNITS);
export type CanonicalUnit = z.infer<typeof CanonicalUnit>;

/** [start, end) in UTF-16 code units of the abstract exactly as given. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

const nullableNumber = z.number().finite().nullable();

/**
 * The quantity as the extractor read it, before normalization: the number(s)
 * and unit as written, plus how the sentence relates them to the result
 * ("faster", "less", "to", "within", ...). The vocabulary of `relation` belongs
 * to the units library, which is the only reader of it.
 */
export const RawQuantity = z.object({
  value: nullableNumber.describe('the number as written, or null for a range'),
  low: nullableNumber.describe('lower end of a written range'),
  high: nullableNumber.describe('upper end of a written range'),
  unit: z.string().describe('the unit as written ("ms", "x", "points")'),
  relation: z.string().nullable().describe('how the sentence relates the number to the result ("faster", "less", ...)'),
});
export type RawQuantity = z.infer<typeof RawQuantity>;

/** Context fields, scored softly by the contract. */
const context = {
  metric: z.string().nullable().describe('what is measured, as the sentence says it ("top-1 accuracy", "latency")'),
  baseline: z.string().nullable().describe('what the claim compares against, as written'),
  setting: z.string().nullable().describe('where it holds (dataset, hardware, model), as written'),
  sentence: z.string().nullable().describe('the evidence sentence, exactly as in the abstract'),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .nullish()
    .describe("the decision model's probability that the figure is a claim of this kind (0-1); null for claims stored before extractor 2.0"),
};

/** What the extractor emits: a claim whose value is not normalized yet. */
export const ClaimDraft = z.object({
  kind: ClaimKind,
  span: Span,
  text: z.string(),
  qualifier: Qualifier,
  raw: RawQuantity,
  ...context,
});
export type ClaimDraft = z.infer<typeof ClaimDraft>;

/** One line of the contract's JSONL output. */
export const ClaimRecord = z.object({
  paperId: z.string().min(1).describe('the paper the claim was read from'),
  kind: ClaimKind.describe('speedup, efficiency (factors, > 1 = better), quality_delta (+ = better), quality_value, measurement'),
  span: Span.describe('[start, end) of the claim\'s number in the abstract, in UTF-16 code units'),
  text: z.string().describe('the number expression as written ("3.2x", "0.4 points")'),
  value: nullableNumber.describe('the normalized value in `unit`; null for a range'),
  low: nullableNumber.describe('lower end of a normalized range'),
  high: nullableNumber.describe('upper end of a normalized range'),
  unit: CanonicalUnit.describe('canonical unit: x (factor), pp, %, abs, B, s, fps, tok/s, params, FLOPs, FLOP/s, J, W, USD, GPUh'),
  qualifier: Qualifier.describe('exact, approximate ("about"), upper_bound ("up to"), lower_bound ("over"), average'),
  raw: z
    .object({ value: RawQuantity.shape.value, low: RawQuantity.shape.low, high: RawQuantity.shape.high, unit: RawQuantity.shape.unit })
    .describe('the quantity as written, before normalization'),
  ...context,
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/**
 * Canonical keys, computed from the claim's metric, setting, baseline and
 * sentence by the units library's key tables when the claim is written, so
 * analysts can group, filter and rank by them.
 */
export const ClaimKeyFields = {
  metricKey: z.string().nullable().describe('canonical metric ("accuracy", "AP", "latency", "memory", ...), null when the metric names none'),
  settingKeys: z.array(z.string()).describe('canonical datasets, benchmarks, hardware and models of the setting ("ImageNet", "A100")'),
  baselineKey: z.string().nullable().describe('canonical name of the baseline ("FlashAttention-2"), null for a generic baseline'),
};

/** A claim as the store keeps it: the record plus identity, provenance and its canonical keys. */
export const StoredClaim = ClaimRecord.extend({
  id: z.string().describe('stable id: the same claim of the same paper keeps it across runs'),
  extractorVersion: z.string().describe('version of the extractor that read the claim'),
  ...ClaimKeyFields,
});
export type StoredClaim = z.infer<typeof StoredClaim>;
