import { paperIdFor } from '@claimflow/readers';
import type { WriteJob } from '@claimflow/schemas';
import type { Sql } from './sql.js';

type Item = WriteJob['papers'][number];

/** The identity of a paper's content: the id it would have had without one. */
export const contentKeyOf = (p: { title: string; abstract: string }) => paperIdFor(undefined, p.title, p.abstract);

export interface Resolved {
  items: Item[];
  /** Records whose given id gave way to the id their content is stored (or first seen in this chunk) under. */
  given: Map<Item, string>;
}

/**
 * The first stored id of each content key ($1), null where none is stored.
 * One probe of papers_content_key_id_idx per key (migration 021): a plan
 * that stays cheap without table statistics, where `content_key = ANY($1)`
 * with GROUP BY scanned the whole table once it had none.
 */
export const STORED_IDS_OF_CONTENT_KEYS =
  'SELECT k.content_key, (SELECT min(p.id) FROM papers p WHERE p.content_key = k.content_key) AS id FROM unnest($1::text[]) AS k(content_key)';

/**
 * Gives each record the id of the paper with the same normalized title and
 * abstract, if one is stored (or comes earlier in this chunk) under another
 * id; its claims follow. Run inside the writer's transaction, after the
 * advisory locks on the content keys. `contentKeys` (the writer's, one per
 * paper) gains the moved records' papers.
 */
export async function resolvePaperIds(tx: Sql, items: Item[], contentKeys: Map<Item['paper'], string>): Promise<Resolved> {
  const keys = items.map((i) => contentKeys.get(i.paper) ?? contentKeyOf(i.paper));
  const stored = keys.length ? await tx.query<{ id: string | null; content_key: string }>(STORED_IDS_OF_CONTENT_KEYS, [[...new Set(keys)]]) : [];
  const idOf = new Map(stored.filter((r) => r.id != null).map((r) => [r.content_key, r.id!]));
  const given = new Map<Item, string>();
  const out = items.map((item, i) => {
    const target = idOf.get(keys[i]);
    if (target == null) {
      idOf.set(keys[i], item.paper.id);
      return item;
    }
    if (target === item.paper.id) return item;
    const moved: Item = { ...item, paper: { ...item.paper, id: target }, claims: item.claims.map((c) => ({ ...c, paperId: target })) };
    given.set(moved, item.paper.id);
    contentKeys.set(moved.paper, keys[i]);
    return moved;
  });
  return { items: out, given };
}
