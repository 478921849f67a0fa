import type { RawRecord } from '@claimflow/schemas';

/**
 * A `.json` file holding one JSON array of records (or one object). Each
 * element is reported at the line where it starts, found by a small scan
 * that tracks strings and nesting, so a bad element is named by file:line
 * like a JSONL line is. Null when the text is not a single JSON value: the
 * caller reads it as JSON Lines instead.
 */
export function parseJsonDocument(text: string): RawRecord[] | null {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return [{ line: firstLine(body), record: value }];
  const lines = elementLines(body);
  return value.map((record, i) => ({ line: lines[i] ?? 1, record }));
}

function firstLine(text: string): number {
  const m = /\S/.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

/** The line each top-level element of a JSON array starts on. */
function elementLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false; // after '[' or a top-level ',': the next non-space starts an element
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (expecting && !/\s/.test(c)) {
      if (c !== ']') out.push(line);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return out;
}
