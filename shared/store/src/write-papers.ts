import type { ClaimRecord, Paper } from '@claimflow/schemas';
import { contentKeyOf } from './paper-identity.js';
import { keyColumns } from './claim-key-columns.js';
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

/**
 * Upserts papers and replaces their claims, inside the caller's transaction:
 * claims keep their stable ids, stale ones are deleted, so re-running the same
 * input changes nothing and a paper is never seen with none or both sets.
 * Multi-row statements over unnest() keep it to a few round trips per chunk.
 */
export async function writePapers(
  tx: Sql,
  items: PaperWithClaims[],
  extractorVersion: string,
  claimId: ClaimIdFn,
): Promise<number> {
  const papers = lastByKey(items, (i) => i.paper.id);
  if (!papers.length) return 0;
  await tx.query(
    `INSERT INTO papers (id, title, abstract, metadata, extractor_version, content_key)
     SELECT id, title, abstract, metadata::jsonb, $5, content_key FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[]) AS t(id, title, abstract, metadata, content_key)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract, metadata = excluded.metadata,
       extractor_version = excluded.extractor_version, content_key = excluded.content_key, updated_at = now()`,
    [
      papers.map((p) => p.paper.id),
      papers.map((p) => p.paper.title),
      papers.map((p) => p.paper.abstract),
      papers.map((p) => JSON.stringify(p.paper.metadata)),
      extractorVersion,
      papers.map((p) => contentKeyOf(p.paper)),
    ],
  );
  const claims = lastByKey(
    papers.flatMap((p) => p.claims.map((c) => ({ ...c, id: claimId(p.paper.id, c) }))),
    (c) => c.id,
  );
  // Stale claims: looked up paper by paper through the paper_id index, then
  // deleted by primary key. The LATERAL subquery with OFFSET 0 cannot be
  // flattened into a join, so no statistics (stale, default or missing, as on
  // a server without autovacuum) can plan it as a scan of every claim; a plain
  // join did exactly that once the table held a million claims.
  await tx.query(
    `DELETE FROM claims WHERE id = ANY(ARRAY(
       SELECT x.id FROM unnest($1::text[]) AS p(id)
       CROSS JOIN LATERAL (SELECT c.id FROM claims c WHERE c.paper_id = p.id OFFSET 0) x
       WHERE NOT (x.id = ANY($2::text[]))))`,
    [papers.map((p) => p.paper.id), claims.map((c) => c.id)],
  );
  if (claims.length) {
    const col = <K extends keyof (typeof claims)[number]>(k: K) => claims.map((c) => c[k] as never);
    // The canonical keys are computed here, with the claim they describe, so every write path stores them.
    const keys = claims.map(keyColumns);
    await tx.query(
      `INSERT INTO claims (id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw,
                           metric, baseline, setting, sentence, extractor_version,
                           metric_key, setting_keys, baseline_key, better, keys_version)
       SELECT id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw::jsonb,
              metric, baseline, setting, sentence, $17,
              metric_key, ARRAY(SELECT jsonb_array_elements_text(setting_keys::jsonb)), baseline_key, better, $21
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::float8[], $8::float8[],
                   $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                   $18::text[], $19::text[], $20::text[], $22::text[])
         AS t(id, paper_id, kind, span_start, span_end, text, value, low, high, unit, qualifier, raw, metric, baseline, setting, sentence,
              metric_key, setting_keys, baseline_key, better)
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, value = excluded.value, low = excluded.low, high = excluded.high,
         unit = excluded.unit, qualifier = excluded.qualifier, raw = excluded.raw, metric = excluded.metric,
         baseline = excluded.baseline, setting = excluded.setting, sentence = excluded.sentence,
         extractor_version = excluded.extractor_version, metric_key = excluded.metric_key, setting_keys = excluded.setting_keys,
         baseline_key = excluded.baseline_key, better = excluded.better, keys_version = excluded.keys_version`,
      [
        col('id'),
        col('paperId'),
        col('kind'),
        claims.map((c) => c.span[0]),
        claims.map((c) => c.span[1]),
        col('text'),
        col('value'),
        col('low'),
        col('high'),
        col('unit'),
        col('qualifier'),
        claims.map((c) => JSON.stringify(c.raw)),
        col('metric'),
        col('baseline'),
        col('setting'),
        col('sentence'),
        extractorVersion,
        keys.map((k) => k.metric_key),
        keys.map((k) => JSON.stringify(k.setting_keys)),
        keys.map((k) => k.baseline_key),
        keys[0].keys_version,
        keys.map((k) => k.better),
      ],
    );
  }
  return claims.length;
}
