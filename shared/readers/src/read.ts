import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RawRecord } from '@claimflow/schemas';
import { looksBinary } from './binary.js';
import { CsvParser } from './csv.js';
import { formatOf, type Format } from './formats.js';
import { parseJsonDocument } from './json-array.js';
import { JsonlParser } from './jsonl.js';
import type { LineParser } from './line-parser.js';
import { TextDumpParser } from './text-dump.js';

/** A .json document is parsed whole (several times its size in memory); past this size it must be JSON Lines, which is streamed. */
const MAX_JSON_DOCUMENT_BYTES = 32 * 1024 * 1024;
const BINARY_SAMPLE_BYTES = 64 * 1024;

export function parserFor(format: Format): LineParser {
  switch (format) {
    case 'jsonl':
    case 'json':
      return new JsonlParser();
    case 'csv':
      return new CsvParser();
    case 'text':
      return new TextDumpParser();
  }
}

/** Parses a whole string (tests, HTTP bodies). */
export function parseText(content: string, format: Format): RawRecord[] {
  if (format === 'json') {
    const doc = parseJsonDocument(content);
    if (doc) return doc;
  }
  const parser = parserFor(format);
  const out: RawRecord[] = [];
  content.split(/\r?\n/).forEach((line, i) => out.push(...parser.push(line, i + 1)));
  out.push(...parser.end());
  return out;
}

async function fileHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(BINARY_SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Streams a file's records in constant memory, whatever its size (a .json array is read whole, up to a bound). */
export async function* readRecords(path: string, format: Format = formatOf(path)): AsyncGenerator<RawRecord> {
  // The text dump's reader takes any long line for an abstract, so binary noise would become papers;
  // JSONL and CSV reject such lines one by one already.
  if (format === 'text' && looksBinary(await fileHead(path))) {
    yield { line: 1, error: 'binary content, not text: the file is refused (is it the right file?)', field: null };
    return;
  }
  if (format === 'json') {
    const head = new TextDecoder().decode(await fileHead(path)).replace(/^\uFEFF/, '').trimStart();
    // A .json that starts with '[' or holds one pretty-printed object is one document; else it is JSON Lines.
    if (head.startsWith('[') || !head.split('\n')[0].trimEnd().endsWith('}')) {
      const { size } = await stat(path);
      if (size > MAX_JSON_DOCUMENT_BYTES) {
        yield { line: 1, error: `a JSON document of ${Math.round(size / 2 ** 20)} MB is too large to read whole: write it as JSON Lines (.jsonl, one object per line)`, field: null };
        return;
      }
      const doc = parseJsonDocument(await readFile(path, 'utf8'));
      if (doc) {
        yield* doc;
        return;
      }
      if (head.startsWith('[')) {
        yield { line: 1, error: 'not JSON: the file starts a JSON array that does not parse', field: null };
        return;
      }
    }
  }
  const parser = parserFor(format);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    yield* parser.push(line, lineNo);
  }
  yield* parser.end();
}
