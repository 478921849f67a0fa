import { extname } from 'node:path';

/** json: one JSON array of records (or one object), else JSON Lines. */
export const FORMATS = ['jsonl', 'json', 'csv', 'text'] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.txt': 'text',
};

/** The format a file is read as, from its extension; unknown extensions are an error. */
export function formatOf(path: string): Format {
  const format = BY_EXTENSION[extname(path).toLowerCase()];
  if (!format) {
    throw new Error(`${path}: unknown format (expected ${Object.keys(BY_EXTENSION).join(', ')})`);
  }
  return format;
}

/** Whether a file has the extension of a batch format. */
export function isBatchFile(path: string): boolean {
  return extname(path).toLowerCase() in BY_EXTENSION;
}
