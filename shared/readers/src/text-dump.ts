import type { RawRecord } from '@claimflow/schemas';
import type { LineParser } from './line-parser.js';

/**
 * The plain text dump of a listing page: a title line, then the abstract as
 * one paragraph line, with blank lines between. Page chrome (site name,
 * "Subscribe", dates) is any line not followed by an abstract, so it is
 * skipped without a list of known phrases.
 */
const MAX_TITLE_CHARS = 400;
const MIN_ABSTRACT_CHARS = 120;

const looksLikeTitle = (s: string) => s.length > 0 && s.length <= MAX_TITLE_CHARS;
const looksLikeAbstract = (s: string) => s.length >= MIN_ABSTRACT_CHARS && /[.!?)\]]\s*$|\.\s/.test(s);

export class TextDumpParser implements LineParser {
  private pending: { text: string; line: number } | null = null;

  push(raw: string, lineNo: number): RawRecord[] {
    const line = raw.trim();
    if (line === '') return [];
    const prev = this.pending;
    if (prev && looksLikeTitle(prev.text) && looksLikeAbstract(line)) {
      this.pending = null;
      return [{ line: prev.line, record: { title: prev.text, abstract: line } }];
    }
    this.pending = { text: line, line: lineNo };
    return [];
  }

  end(): RawRecord[] {
    return [];
  }
}
