import type { RawRecord } from '@claimflow/schemas';
import type { LineParser } from './line-parser.js';

/**
 * CSV with a header row (RFC 4180: quoted fields may hold commas, doubled
 * quotes and line breaks). Each record is an object keyed by the header.
 */
export class CsvParser implements LineParser {
  private header: string[] | null = null;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private startLine = 0;

  push(line: string, lineNo: number): RawRecord[] {
    if (!this.inQuotes) {
      if (line.trim() === '' ) return [];
      this.startLine = lineNo;
      this.fields = [];
      this.field = '';
    } else {
      this.field += '\n';
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (this.inQuotes) {
        if (c === '"') {
          if (line[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.inQuotes = false;
        } else this.field += c;
      } else if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
      } else this.field += c;
    }
    if (this.inQuotes) return [];
    this.fields.push(this.field);
    return this.complete(this.fields, this.startLine);
  }

  end(): RawRecord[] {
    if (!this.inQuotes) return [];
    this.inQuotes = false;
    return [{ line: this.startLine, error: 'unterminated quoted field', field: null }];
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
