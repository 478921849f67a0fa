import type { HarvestedMetadata } from '@claimflow/schemas';
import type { FetchedRecord } from './source.js';

/** The paper id every source uses for an arXiv paper, so one paper from two sources is one paper. */
export const arxivPaperId = (arxivId: string) => `arxiv:${arxivId}`;

/** `2401.00001v2` → id `2401.00001` and version `v2` (old-style ids like `hep-th/9901001v1` too). */
export function splitArxivVersion(s: string): { arxivId: string; version?: string } {
  const m = /^(.*?)(v\d+)?$/.exec(s.trim())!;
  return { arxivId: m[1], version: m[2] };
}

/**
 * A record, or why it cannot be one: title and abstract are checked here so
 * the rejection names the source's id, which a page position alone would not.
 */
export function fetched(sourceId: string, title: string | undefined, abstract: string | undefined, id: string, metadata: HarvestedMetadata): FetchedRecord {
  if (!title) return { error: `${metadata.source} record ${sourceId}: no title`, field: 'title' };
  if (!abstract) return { error: `${metadata.source} record ${sourceId}: no abstract`, field: 'abstract' };
  return { record: { id, title, abstract, metadata: withoutUndefined(metadata) } };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length))) as T;
}

/** A source's cursor is JSON; one that does not parse is a stored cursor from another version or a typo. */
export function readCursor<T>(source: string, cursor: string): T {
  try {
    return JSON.parse(cursor) as T;
  } catch {
    throw new Error(`${source}: the stored cursor "${cursor.slice(0, 80)}" is not one this version wrote; harvest again with --since DATE to start afresh`);
  }
}
