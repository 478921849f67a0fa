import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RawRecord } from '@claimflow/schemas';
import { CsvParser } from './csv.js';
import { formatOf, type Format } from './formats.js';
import { JsonlParser } from './jsonl.js';
import type { LineParser } from './line-parser.js';
import { TextDumpParser } from './text-dump.js';

export function parserFor(format: Format): LineParser {
  switch (format) {
    case 'jsonl':
      return new JsonlParser();
    case 'csv':
      return new CsvParser();
    case 'text':
      return new TextDumpParser();
  }
}

/** Parses a whole string (tests, HTTP bodies). */
export function parseText(content: string, format: Format): RawRecord[] {
  const parser = parserFor(format);
  const out: RawRecord[] = [];
  content.split(/\r?\n/).forEach((line, i) => out.push(...parser.push(line, i + 1)));
  out.push(...parser.end());
  return out;
}

/** Streams a file's records in constant memory, whatever its size. */
export async function* readRecords(path: string, format: Format = formatOf(path)): AsyncGenerator<RawRecord> {
  const parser = parserFor(format);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    yield* parser.push(line, lineNo);
  }
  yield* parser.end();
}
