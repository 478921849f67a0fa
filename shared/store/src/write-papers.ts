import type { ClaimRecord, Paper } from '@claimflow/schemas';
import { contentKeyOf } from './paper-identity.js';
import { claimKeysCache } from '@claimflow/units';
import { keyColumns, KEYS_VERSION } from './claim-key-columns.js';
import { copyText } from './copy-text.js';
import { CLAIM_COLUMNS } from './rows.js';
import { applyCorrections } from './corrections.js';
import type { Sql } from './sql.js';

export type ClaimIdFn = (paperId: string, c: ClaimRecord) => string;

export interface PaperWithClaims {
  paper: Paper;
  claims: ClaimRecord[];
}

/** Keeps the last of each key: one statement may not touch a row twice. */
function lastByKey<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [key(t), t])).values()];
}

/** The writer's staging tables: one chunk's rows, private to the session and emptied at every commit. */
const STAGING = [
  `CREATE TEMP TABLE IF NOT EXISTS paper_stage (id text PRIMARY KEY, title text, abstract text, metadata jsonb, content_key text) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS claim_stage (id text PRIMARY KEY, paper_id text, kind text, span_start int, span_end int, text text,
     value float8, low float8, high float8, unit text, qualifier text, raw jsonb, metric text, baseline text, setting text, sentence text,
     metric_key text, setting_keys text[], baseline_key text, better text, confidence real) ON COMMIT DELETE ROWS`,
];
const PAPER_STAGE_COLUMNS = ['id', 'title', 'abstract', 'metadata', 'content_key'];
const CLAIM_STAGE_COLUMNS = ['id', 'paper_id', 'kind', 'span_start', 'span_end', 'text', 'value', 'low', 'high', 'unit', 'qualifier', 'raw',
  'metric', 'baseline', 'setting', 'sentence', 'metric_key', 'setting_keys', 'baseline_key', 'better', 'confidence'];

/**
 * Upserts papers and replaces their claims, inside the caller's transaction:
 * claims keep their stable ids, stale ones are deleted, so re-running the same
 * input changes nothing and a paper is never seen with none or both sets.
 * The chunk is loaded with COPY into staging tables, then merged: one
 * statement for the papers and one for the claims (stale deletes and
 * upserts together). Papers go first: each new claim's trigger copies its
 * paper's title_doc, which a statement cannot see while it writes it.
 * `contentKeys` are the writer's, computed once per chunk; any missing is computed here.
 */
export async function writePapers(
  tx: Sql,
  items: PaperWithClaims[],
  extractorVersion: string,
  claimId: ClaimIdFn,
  contentKeys?: Map<Paper, string>,
): Promise<{ claims: number; outcomes: Map<string, PaperOutcome> }> {
  const papers = lastByKey(items, (i) => i.paper.id);
  if (!papers.length) return { claims: 0, outcomes: new Map() };
  for (const ddl of STAGING) await tx.query(ddl);
  await tx.copyIn(
    'paper_stage',
    PAPER_STAGE_COLUMNS,
    copyText(papers.map(({ paper: p }) => [p.id, p.title, p.abstract, JSON.stringify(p.metadata), contentKeys?.get(p) ?? contentKeyOf(p)])),
  );
  const outcomes = await keepReplacedVersions(tx);
  await tx.query(
    `INSERT INTO papers (id, title, abstract, metadata, extractor_version, content_key)
     SELECT id, title, abstract, metadata, $1, content_key FROM paper_stage
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract, metadata = excluded.metadata,
       extractor_version = excluded.extractor_version, content_key = excluded.content_key, updated_at = now(),
       version = papers.version + CASE WHEN papers.content_key IS DISTINCT FROM excluded.content_key THEN 1 ELSE 0 END`,
    [extractorVersion],
  );
  const claims = lastByKey(
    papers.flatMap((p) => p.claims.map((c) => ({ c, id: claimId(p.paper.id, c) }))),
    (c) => c.id,
  );
  // The canonical keys are computed here, with the claim they describe, so every write path stores them;
  // each distinct text (a sentence with several figures, a common metric) is looked up once per chunk.
  const keysOf = claimKeysCache();
  if (claims.length) {
    await tx.copyIn(
      'claim_stage',
      CLAIM_STAGE_COLUMNS,
      copyText(
        claims.map(({ c, id }) => {
          const k = keyColumns(c, keysOf);
          return [id, c.paperId, c.kind, c.span[0], c.span[1], c.text, c.value, c.low, c.high, c.unit, c.qualifier, JSON.stringify(c.raw),
            c.metric, c.baseline, c.setting, c.sentence, k.metric_key, k.setting_keys, k.baseline_key, k.better, c.confidence ?? null];
        }),
      ),
    );
  }
  // Stale claims: looked up paper by paper through the paper_id index, then
  // deleted by primary key. The LATERAL subquery with OFFSET 0 cannot be
  // flattened into a join, so no statistics (stale, default or missing, as on
  // a server without autovacuum) can plan it as a scan of every claim; a plain
  // join did exactly that once the table held a million claims. The deleted
  // ids are never staged ids, so the delete and the upsert touch no row twice.
  await tx.query(
    `WITH stale AS (
       DELETE FROM claims WHERE id = ANY(ARRAY(
         SELECT x.id FROM paper_stage p
         CROSS JOIN LATERAL (SELECT c.id FROM claims c WHERE c.paper_id = p.id OFFSET 0) x
         WHERE NOT EXISTS (SELECT 1 FROM claim_stage s WHERE s.id = x.id))))
     INSERT INTO claims (id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw,
                         metric, baseline, setting, sentence, extractor_version,
                         metric_key, setting_keys, baseline_key, better, keys_version, confidence)
     SELECT id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw,
            metric, baseline, setting, sentence, $1, metric_key, setting_keys, baseline_key, better, $2, confidence
     FROM claim_stage
     ON CONFLICT (id) DO UPDATE SET text = excluded.text, value = excluded.value, low = excluded.low, high = excluded.high,
       unit = excluded.unit, qualifier = excluded.qualifier, raw = excluded.raw, metric = excluded.metric,
       baseline = excluded.baseline, setting = excluded.setting, sentence = excluded.sentence,
       extractor_version = excluded.extractor_version, metric_key = excluded.metric_key, setting_keys = excluded.setting_keys,
       baseline_key = excluded.baseline_key, better = excluded.better, keys_version = excluded.keys_version,
       confidence = excluded.confidence, correction_id = NULL`,
    [extractorVersion, KEYS_VERSION],
  );
  // Analysts' corrections outlive a rewrite: applied again, flagged where the extractor's claim changed.
  await applyCorrections(tx, papers.map((p) => p.paper.id), { checkStale: true });
  return { claims: claims.length, outcomes };
}

export type PaperOutcome = 'new' | 'unchanged' | 'updated';

/** The claims columns an earlier version keeps its claims with (what claimFromRow reads). */
const VERSION_CLAIM_COLUMNS = CLAIM_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ');

/**
 * Before the staged papers are written: each stored paper whose text (content
 * key) differs from its staged one is kept in paper_versions as it is, with
 * its claims, and will become its next version. Says what each staged paper
 * is to the store: new, unchanged (metadata aside) or updated.
 */
async function keepReplacedVersions(tx: Sql): Promise<Map<string, PaperOutcome>> {
  const rows = await tx.query<{ id: string; outcome: PaperOutcome }>(
    `SELECT s.id, CASE WHEN p.id IS NULL THEN 'new' WHEN p.content_key IS DISTINCT FROM s.content_key THEN 'updated' ELSE 'unchanged' END AS outcome
     FROM paper_stage s LEFT JOIN papers p ON p.id = s.id`,
  );
  const updated = rows.filter((r) => r.outcome === 'updated').map((r) => r.id);
  if (updated.length) {
    await tx.query(
      `INSERT INTO paper_versions (paper_id, version, title, abstract, metadata, extractor_version, stored_at, claims)
       SELECT p.id, p.version, p.title, p.abstract, p.metadata, p.extractor_version, p.updated_at,
              coalesce((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.span_start, x.span_end, x.kind)
                        FROM (SELECT ${VERSION_CLAIM_COLUMNS} FROM claims c WHERE c.paper_id = p.id) x), '[]'::jsonb)
       FROM papers p WHERE p.id = ANY($1::text[])
       ON CONFLICT (paper_id, version) DO NOTHING`,
      [updated],
    );
  }
  return new Map(rows.map((r) => [r.id, r.outcome]));
}
