import type { RawRecord } from '@claimflow/schemas';
import type { LineParser } from './line-parser.js';

/**
 * A quoted field may span lines, but not without bound: past this many lines
 * (or characters) an open quote is taken for a stray one.
 */
const MAX_RECORD_LINES = 100;
const MAX_RECORD_CHARS = 1_000_000;

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter a header line uses: the one it holds most of outside quotes
 * (a spreadsheet in a comma-decimal locale writes `;`); a comma on a tie.
 */
export function delimiterOf(header: string): ',' | ';' | '\t' {
  const outside = header.replace(/"[^"]*"/g, '');
  const count = (d: string) => outside.split(d).length - 1;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), DELIMITERS[0]);
}

/**
 * CSV with a header row (RFC 4180: quoted fields may hold commas, doubled
 * quotes and line breaks). Each record is an object keyed by the header.
 *
 * A stray quote must cost its own record only, not the rest of the file: a
 * record that spans several lines and does not come out right (the wrong
 * number of fields, or a quote still open after MAX_RECORD_LINES or at the
 * end) is reported at its first line, and reading starts again on the line
 * after it, the next record boundary.
 */
export class CsvParser implements LineParser {
  private header: string[] | null = null;
  /** null: found from the header line (comma, semicolon or tab, whichever it holds most of). */
  private delimiter: string | null;

  constructor(delimiter: ',' | ';' | '\t' | null = null) {
    this.delimiter = delimiter;
  }

  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** The lines of the record being read, kept so a bad one can be re-read from its second line. */
  private lines: { text: string; no: number }[] = [];
  private chars = 0;
  /** Text right after a closing quote (`"a"b`): tolerated on one line, the sign of a stray quote across lines. */
  private textAfterQuote = false;

  push(line: string, lineNo: number): RawRecord[] {
    if (!this.inQuotes) {
      if (line.trim() === '') return [];
      this.lines = [];
      this.chars = 0;
      this.fields = [];
      this.field = '';
      this.textAfterQuote = false;
    } else {
      this.field += '\n';
    }
    this.delimiter ??= delimiterOf(line);
    this.lines.push({ text: line, no: lineNo });
    this.chars += line.length;
    this.scan(line);
    if (this.inQuotes) {
      if (this.lines.length < MAX_RECORD_LINES && this.chars < MAX_RECORD_CHARS) return [];
      return this.recover('unterminated quoted field (a quote opened here is not closed)');
    }
    this.fields.push(this.field);
    const start = this.lines[0].no;
    const out = this.complete(this.fields, start);
    // One line's record is what it is; a multi-line one that came out wrong swallowed lines it should not have.
    if (this.lines.length > 1) {
      const problem = this.textAfterQuote ? 'a quoted field runs on past its closing quote' : out.length && 'error' in out[0] ? out[0].error : null;
      if (problem) return this.recover(`${problem} (a quote opened on this line runs on to line ${lineNo})`);
    }
    return out;
  }

  end(): RawRecord[] {
    if (!this.inQuotes) return [];
    const out = this.recover('unterminated quoted field (a quote opened here is not closed)');
    return [...out, ...this.end()];
  }

  /** Reports the record at its first line and reads its other lines again as new records. */
  private recover(reason: string): RawRecord[] {
    const [first, ...rest] = this.lines;
    this.inQuotes = false;
    this.lines = [];
    this.chars = 0;
    const out: RawRecord[] = [{ line: first.no, error: reason, field: null }];
    for (const l of rest) out.push(...this.push(l.text, l.no));
    return out;
  }

  private scan(line: string): void {
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (this.inQuotes) {
        if (c === '"') {
          if (line[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            this.inQuotes = false;
            if (i + 1 < line.length && line[i + 1] !== this.delimiter) this.textAfterQuote = true;
          }
        } else this.field += c;
      } else if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === this.delimiter) {
        this.fields.push(this.field);
        this.field = '';
      } else this.field += c;
    }
  }

  private complete(fields: string[], lineNo: number): RawRecord[] {
    if (!this.header) {
      this.header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
      return [];
    }
    if (fields.length !== this.header.length) {
      return [{ line: lineNo, error: `expected ${this.header.length} fields, found ${fields.length}`, field: null }];
    }
    const record: Record<string, string> = {};
    this.header.forEach((name, i) => (record[name] = fields[i]));
    return [{ line: lineNo, record }];
  }
}
