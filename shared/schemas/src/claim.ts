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
  value: nullableNumber,
  low: nullableNumber,
  high: nullableNumber,
  unit: z.string(),
  relation: z.string().nullable(),
});
export type RawQuantity = z.infer<typeof RawQuantity>;

/** Context fields, scored softly by the contract. */
const context = {
  metric: z.string().nullable(),
  baseline: z.string().nullable(),
  setting: z.string().nullable(),
  sentence: z.string().nullable(),
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
  paperId: z.string().min(1),
  kind: ClaimKind,
  span: Span,
  text: z.string(),
  value: nullableNumber,
  low: nullableNumber,
  high: nullableNumber,
  unit: CanonicalUnit,
  qualifier: Qualifier,
  raw: z.object({ value: nullableNumber, low: nullableNumber, high: nullableNumber, unit: z.string() }),
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
  id: z.string(),
  extractorVersion: z.string(),
  ...ClaimKeyFields,
});
export type StoredClaim = z.infer<typeof StoredClaim>;
