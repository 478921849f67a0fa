import type { RawRecord } from '@claimflow/schemas';

/**
 * A reader fed one line at a time (1-based line numbers); it returns the
 * records completed by that line. `end()` flushes what is left.
 */
export interface LineParser {
  push(line: string, lineNo: number): RawRecord[];
  end(): RawRecord[];
}
