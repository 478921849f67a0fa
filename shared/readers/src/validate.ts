import { AbstractInput, storableTextProblem, type Paper, type RawRecord, type Rejection } from '@claimflow/schemas';
import { paperIdFor } from './identity.js';

/** The first string (key or value) in a JSON value that PostgreSQL could not store. */
function firstProblem(value: unknown): string | null {
  if (typeof value === 'string') return storableTextProblem(value);
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const p = storableTextProblem(k) ?? firstProblem(v);
    if (p) return p;
  }
  return null;
}

/**
 * A reason fit to print and to store: parser messages quote the bad input,
 * which may hold NULs, control characters or broken surrogates.
 */
export function printableReason(s: string, max = 300): string {
  const clipped = s.length > max ? `${s.slice(0, max)}…` : s;
  return clipped.replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What each known field must be, said the way an operator reads it. */
const EXPECTED: Record<string, string> = { id: 'a string or a number', title: 'a string', abstract: 'a string' };

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`);

export type Checked = { paper: Paper } | { rejection: Rejection };

/**
 * Turns one raw record into a paper, or a rejection naming the file, line,
 * field and reason. Fields other than id, title and abstract are metadata.
 */
export function checkRecord(raw: RawRecord, file: string): Checked {
  if ('error' in raw) return { rejection: { file, line: raw.line, field: raw.field ?? null, reason: printableReason(raw.error) } };
  const record = raw.record;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { rejection: { file, line: raw.line, field: null, reason: 'expected an object with title and abstract' } };
  }
  const parsed = AbstractInput.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : null;
    const absent = issue.path.length === 1 && (record as Record<PropertyKey, unknown>)[issue.path[0]] == null;
    const value = (record as Record<PropertyKey, unknown>)[issue.path[0]];
    const reason = absent && (issue.code === 'invalid_type' || issue.code === 'invalid_union')
      ? 'missing'
      : issue.code === 'invalid_type' || issue.code === 'invalid_union'
        ? `expected ${EXPECTED[String(issue.path[0])] ?? 'another type'}, got ${typeName(value)}`
        : printableReason(issue.message);
    return { rejection: { file, line: raw.line, field, reason } };
  }
  const { id, title, abstract, ...metadata } = parsed.data;
  const idProblem = id == null ? null : storableTextProblem(id);
  if (idProblem) return { rejection: { file, line: raw.line, field: 'id', reason: `id ${idProblem}` } };
  // Metadata is stored as jsonb, which refuses the same characters text does.
  const metaProblem = firstProblem(metadata);
  if (metaProblem) return { rejection: { file, line: raw.line, field: 'metadata', reason: `metadata ${metaProblem}` } };
  return {
    paper: { id: paperIdFor(id, title, abstract), title, abstract, metadata, source: { file, line: raw.line } },
  };
}
