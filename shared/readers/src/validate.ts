import { AbstractInput, type Paper, type RawRecord, type Rejection } from '@claimflow/schemas';
import { paperIdFor } from './identity.js';

export type Checked = { paper: Paper } | { rejection: Rejection };

/**
 * Turns one raw record into a paper, or a rejection naming the file, line,
 * field and reason. Fields other than id, title and abstract are metadata.
 */
export function checkRecord(raw: RawRecord, file: string): Checked {
  if ('error' in raw) return { rejection: { file, line: raw.line, field: raw.field ?? null, reason: raw.error } };
  const record = raw.record;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { rejection: { file, line: raw.line, field: null, reason: 'expected an object with title and abstract' } };
  }
  const parsed = AbstractInput.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : null;
    const absent = issue.path.length === 1 && (record as Record<PropertyKey, unknown>)[issue.path[0]] == null;
    const reason = issue.code === 'invalid_type' && absent ? 'missing' : issue.message;
    return { rejection: { file, line: raw.line, field, reason } };
  }
  const { id, title, abstract, ...metadata } = parsed.data;
  return {
    paper: { id: paperIdFor(id, title, abstract), title, abstract, metadata, source: { file, line: raw.line } },
  };
}
