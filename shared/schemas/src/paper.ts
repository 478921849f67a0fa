import { z } from 'zod';

/** Abstracts longer than this are rejected: no real abstract comes close. */
export const MAX_ABSTRACT_CHARS = 1_000_000;
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
