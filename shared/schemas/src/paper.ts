import { z } from 'zod';

/**
 * Abstracts longer than this are rejected. Real abstracts stay under ~10,000
 * characters. The bound is what a worker under the shipped 96 MB heap cap can
 * always process: extraction time grows with the square of a sentence's
 * length, so a 20,000-character wall of numbers with no full stop takes about
 * a second and yields ~440 claims; at 50,000 it took 13 s and, with whole
 * sentences as evidence, 55 MB of output (README, "Size limits").
 */
export const MAX_ABSTRACT_CHARS = 20_000;
/** A record (title, abstract and metadata together) past this many bytes is refused before it is queued. */
export const MAX_RECORD_BYTES = 256 * 1024;
export const MAX_TITLE_CHARS = 2_000;

/**
 * Text PostgreSQL can store: no NUL character, no lone UTF-16 surrogate.
 * Anything else — control characters, right-to-left marks, emoji — is kept.
 */
export function storableTextProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (!s.isWellFormed()) return 'contains invalid unicode (a lone surrogate)';
  return null;
}
const storable = (s: string) => storableTextProblem(s) === null;
const storableMessage = (s: string) => storableTextProblem(s) ?? '';

/**
 * One input record, as read from JSONL, CSV or the text dump. `id` is
 * optional; any other field is kept as metadata.
 */
export const AbstractInput = z
  .object({
    id: z.union([z.string(), z.number()]).optional().transform((v) => (v == null ? undefined : String(v).trim() || undefined)),
    title: z.string().trim().min(1, 'title is empty').max(MAX_TITLE_CHARS).refine(storable, { error: (i) => `title ${storableMessage(String(i.input))}` }),
    abstract: z
      .string()
      .min(1, 'abstract is empty')
      .max(MAX_ABSTRACT_CHARS, `abstract is longer than ${MAX_ABSTRACT_CHARS} characters`)
      .refine((s) => s.trim().length > 0, 'abstract is blank')
      .refine(storable, { error: (i) => `abstract ${storableMessage(String(i.input))}` }),
  })
  .catchall(z.unknown());
export type AbstractInput = z.infer<typeof AbstractInput>;

/**
 * The input fields (JSONL keys, CSV columns) that become typed paper columns
 * (store migration 051): kept in `metadata` as given and read from there, so
 * a reader needs nothing more. `published` may also be given as `date` or
 * `year`; `authors` and `categories` as a list or one separated string.
 */
export const PAPER_METADATA_FIELDS = ['url', 'doi', 'arxiv_id', 'published', 'date', 'year', 'venue', 'authors', 'categories'] as const;

/** Where a record came from: file and 1-based line. */
export const SourceRef = z.object({ file: z.string(), line: z.number().int().positive() });
export type SourceRef = z.infer<typeof SourceRef>;

export const Paper = z.object({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  source: SourceRef,
});
export type Paper = z.infer<typeof Paper>;

/**
 * What a harvested paper's metadata holds (shared/sources fills it; any
 * other record may carry the same fields). All optional and additive: the
 * store keeps metadata as jsonb, so a field here needs no migration.
 */
export const HarvestedMetadata = z.object({
  /** The source module that fetched it: arxiv-oai, arxiv-search, hf-daily, openalex. */
  source: z.string(),
  /** The record's id at that source (an arXiv id, an OpenAlex W-id). */
  sourceId: z.string(),
  url: z.string().optional(),
  doi: z.string().optional(),
  arxivId: z.string().optional(),
  /** The source's version marker: arXiv's "v2", else the record's last-updated date. */
  version: z.string().optional(),
  published: z.string().optional(),
  updated: z.string().optional(),
  authors: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  venue: z.string().optional(),
});
export type HarvestedMetadata = z.infer<typeof HarvestedMetadata>;
