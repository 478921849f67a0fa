import type { Readable } from 'node:stream';

/** A line longer than this is not read (no record may be this large): its bytes are skipped up to the next line. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export type Line = { no: number; text: string } | { no: number; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes a UTF-8 sequence takes, from its lead byte; 0: not a lead byte. */
const sequenceLength = (b: number) => (b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0);

/** Where the first invalid UTF-8 sequence of a line starts, said for a person: the byte and its place. */
export function invalidUtf8At(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes[i]);
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    // Overlong, surrogate and out-of-range forms are what the strict decoder says.
    if (ok && n > 1) {
      try {
        utf8.decode(bytes.subarray(i, i + n));
      } catch {
        ok = false;
      }
    }
    if (!ok) return `byte 0x${bytes[i].toString(16).padStart(2, '0')} at byte ${i + 1} of the line`;
    i += n;
  }
  return 'a character cut short';
}

/**
 * A byte stream's lines, each decoded as strict UTF-8: a line that is not
 * valid UTF-8 comes out as an error naming where (the reader rejects that
 * record, not the file), instead of being read with U+FFFD in place of the
 * bad bytes. A UTF-8 byte-order mark at the start is dropped; so is the CR
 * of a CRLF. Memory is bounded by MAX_LINE_BYTES, however long a line is.
 */
export async function* decodedLines(input: Readable): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let no = 0;
  const finish = (last: Buffer): Line => {
    no++;
    if (tooLong || pendingBytes + last.length > MAX_LINE_BYTES) {
      tooLong = false;
      pending = [];
      pendingBytes = 0;
      return { no, error: `line longer than ${MAX_LINE_BYTES / 2 ** 20} MB: not read (no record may be this large)` };
    }
    let bytes = pending.length ? Buffer.concat([...pending, last]) : last;
    pending = [];
    pendingBytes = 0;
    if (no === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    try {
      return { no, text: utf8.decode(bytes) };
    } catch {
      return { no, error: `invalid UTF-8 (${invalidUtf8At(bytes)}): the record is rejected; save the file as UTF-8` };
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      yield finish(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length && !tooLong) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true;
        pending = [];
      }
    }
  }
  if (pending.length || tooLong) yield finish(Buffer.alloc(0));
}
