import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { RawRecord } from '@claimflow/schemas';
import { looksBinary } from './binary.js';
import { CsvParser } from './csv.js';
import { formatOf, isGzipped, type Format } from './formats.js';
import { parseJsonDocument } from './json-array.js';
import { JsonlParser } from './jsonl.js';
import type { LineParser } from './line-parser.js';
import { decodedLines, invalidUtf8At } from './lines.js';
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
    case 'tsv':
      return new CsvParser('\t');
    case 'text':
      return new TextDumpParser();
  }
}

/** Parses a whole string (tests, HTTP bodies). */
export function parseText(content: string, format: Format): RawRecord[] {
  const text = content.replace(/^\uFEFF/, '');
  if (format === 'json') {
    const doc = parseJsonDocument(text);
    if (doc) return doc;
  }
  const parser = parserFor(format);
  const out: RawRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => out.push(...parser.push(line, i + 1)));
  out.push(...parser.end());
  return out;
}

/** Why a file cannot be read, and what to do, in one line (it becomes the file's one rejection). */
export function cannotRead(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied: make it readable by this user'
    : e.code === 'ENOENT' ? 'it does not exist (a broken link?)'
    : e.code === 'EISDIR' ? 'it is a folder'
    : e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR' ? 'it is not valid gzip data (a damaged or truncated .gz?)'
    : (e.message ?? String(err));
  return `cannot read the file: ${why}`;
}

/** The file's bytes as a stream: gunzipped when its name ends in `.gz`. */
function byteStream(path: string, fd?: import('node:fs/promises').FileHandle): Readable {
  const raw = fd ? fd.createReadStream() : createReadStream(path);
  if (!isGzipped(path)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** The first `max` bytes of the (decompressed) file. */
async function fileHead(path: string, max = BINARY_SAMPLE_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  const stream = byteStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      n += chunk.length;
      if (n >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, max);
}

/** A whole (decompressed) file, or null past `max` bytes. */
async function wholeFile(path: string, max: number): Promise<Buffer | null> {
  const head = await fileHead(path, max + 1);
  return head.length > max ? null : head;
}

/**
 * Streams a file's records in constant memory, whatever its size (a .json
 * array is read whole, up to a bound). `.gz` files are gunzipped on the way.
 * What cannot be read becomes a rejection, never an exception, so the rest
 * of a folder goes on: an unreadable file is one "cannot read" rejection, a
 * line that is not UTF-8 rejects that record.
 */
export async function* readRecords(path: string, format: Format = formatOf(path)): AsyncGenerator<RawRecord> {
  let lineNo = 0;
  try {
    // Opened first: a file that cannot be opened is said so, once, before anything else is tried.
    const fd = await open(path, 'r');
    let opened: typeof fd | undefined = fd;
    try {
      // The text dump's reader takes any long line for an abstract, so binary noise would become papers;
      // JSONL and CSV reject such lines one by one already.
      if (format === 'text' && looksBinary(await fileHead(path))) {
        yield { line: 1, error: 'binary content, not text: the file is refused (is it the right file?)', field: null };
        return;
      }
      if (format === 'json') {
        const doc = yield* jsonDocument(path);
        if (doc) return;
      }
      const parser = parserFor(format);
      const stream = byteStream(path, opened);
      opened = undefined; // the stream closes it
      for await (const line of decodedLines(stream)) {
        lineNo = line.no;
        if ('error' in line) yield { line: line.no, error: line.error, field: null };
        else yield* parser.push(line.text, line.no);
      }
      yield* parser.end();
    } finally {
      await opened?.close();
    }
  } catch (err) {
    yield { line: Math.max(1, lineNo), error: cannotRead(err), field: null };
  }
}

/** A .json that is one document (an array, or one pretty-printed object): its records, or false to read it as JSON Lines. */
async function* jsonDocument(path: string): AsyncGenerator<RawRecord, boolean> {
  const head = new TextDecoder().decode(await fileHead(path)).replace(/^\uFEFF/, '').trimStart();
  // A .json that starts with '[' or holds one pretty-printed object is one document; else it is JSON Lines.
  if (!head.startsWith('[') && head.split('\n')[0].trimEnd().endsWith('}')) return false;
  const bytes = await wholeFile(path, MAX_JSON_DOCUMENT_BYTES);
  if (!bytes) {
    yield { line: 1, error: `a JSON document over ${MAX_JSON_DOCUMENT_BYTES / 2 ** 20} MB is too large to read whole: write it as JSON Lines (.jsonl, one object per line)`, field: null };
    return true;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidLine(bytes);
    yield { line: line.no, error: `invalid UTF-8 (${line.where}): a JSON document is read whole, so the file is rejected; save it as UTF-8`, field: null };
    return true;
  }
  const doc = parseJsonDocument(text);
  if (doc) {
    yield* doc;
    return true;
  }
  if (head.startsWith('[')) {
    yield { line: 1, error: 'not JSON: the file starts a JSON array that does not parse', field: null };
    return true;
  }
  return false;
}

function firstInvalidLine(bytes: Buffer): { no: number; where: string } {
  let start = 0;
  for (let no = 1; ; no++) {
    const nl = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, nl < 0 ? bytes.length : nl);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(line);
    } catch {
      return { no, where: invalidUtf8At(line) };
    }
    if (nl < 0) return { no, where: 'at the end of the file' };
    start = nl + 1;
  }
}
