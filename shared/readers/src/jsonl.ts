import type { RawRecord } from '@claimflow/schemas';
import type { LineParser } from './line-parser.js';

/** JSON Lines: one object per line; blank lines are skipped. */
export class JsonlParser implements LineParser {
  push(line: string, lineNo: number): RawRecord[] {
    if (line.trim() === '') return [];
    try {
      return [{ line: lineNo, record: JSON.parse(line) as unknown }];
    } catch (e) {
      return [{ line: lineNo, error: `not JSON: ${(e as Error).message}`, field: null }];
    }
  }
  end(): RawRecord[] {
    return [];
  }
}
