/** A field of a COPY row: text, a number, SQL NULL, or a text[] column's elements. */
export type CopyField = string | number | boolean | null | readonly string[];

/** COPY's text format escapes backslash, tab, newline and carriage return; \N is NULL. */
const escape = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s);

/** An array literal ({"a","b\"c"}) for a text[] column; every element quoted, so no word is special. */
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

function field(v: CopyField): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escape(v);
  if (typeof v === 'number') {
    // COPY reads these spellings of float8's specials; JSON's would fail.
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return escape(arrayLiteral(v));
}

/** Rows as one COPY ... FROM (text format) payload. */
export function copyText(rows: readonly (readonly CopyField[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(field).join('\t') + '\n';
  return out;
}
