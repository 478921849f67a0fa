import { extname } from 'node:path';

/** json: one JSON array of records (or one object), else JSON Lines. csv: delimiter found from the header; tsv: tab. */
export const FORMATS = ['jsonl', 'json', 'csv', 'tsv', 'text'] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.txt': 'text',
};

/** Extensions read, as a user reads them; each may also be gzipped (`.jsonl.gz`). */
export const BATCH_EXTENSIONS = Object.keys(BY_EXTENSION);

/** Whether the file is gzipped: read through gunzip, as the format of the name under `.gz`. */
export const isGzipped = (path: string) => extname(path).toLowerCase() === '.gz';

const innerExtension = (path: string) => extname(isGzipped(path) ? path.slice(0, -3) : path).toLowerCase();

/** The format a file is read as, from its extension; unknown extensions are an error. */
export function formatOf(path: string): Format {
  const format = BY_EXTENSION[innerExtension(path)];
  if (!format) {
    throw new Error(`${path}: unknown format (expected ${BATCH_EXTENSIONS.join(', ')}, each also as .gz)`);
  }
  return format;
}

/** Whether a file has the extension of a batch format. */
export function isBatchFile(path: string): boolean {
  return innerExtension(path) in BY_EXTENSION;
}
