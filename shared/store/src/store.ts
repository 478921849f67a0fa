import type { BatchProgress, ClaimRecord, Correction, CorrectionParsed, Paper, StoredClaim, WriteJob } from '@claimflow/schemas';
import { addCorrection, listCorrections, undoCorrection } from './corrections.js';
import { keyColumns, KEYS_VERSION } from './claim-key-columns.js';
import { claimConditions, Params, whereClause, type ClaimFilter } from './claim-filter.js';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow } from './rows.js';
import { InboxFiles } from './inbox-files.js';
import type { Sql } from './sql.js';
import { writeChunk } from './write-chunk.js';
import { writePapers, type ClaimIdFn, type PaperWithClaims } from './write-papers.js';

export interface StoreCounts {
  papers: number;
  claims: number;
  batches: number;
  rejected: number;
  byKind: Record<string, number>;
}

interface BatchRow {
  id: string;
  name: string;
  created_at: Date | string;
  total: number | null;
  accepted: number;
  rejected: number;
  claims: number;
  finished_at: Date | string | null;
  interrupted_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

const BATCH_SELECT = 'SELECT id, name, created_at, total, finished_at, interrupted_at, accepted, rejected, claims FROM batches b';

/** Everything the services read and write, over either SQL backend. */
export class Store {
  readonly inbox: InboxFiles;

  constructor(
    readonly sql: Sql,
    private readonly claimId: ClaimIdFn,
  ) {
    this.inbox = new InboxFiles(sql);
  }

  /** The writer's one call per job: papers, claims, rejections and batch progress in one transaction. */
  writeChunk(job: WriteJob): Promise<{ papers: number; claims: number }> {
    return this.sql.transaction((tx) => writeChunk(tx, job, this.claimId));
  }

  /** Replaces the claims of papers already stored (reprocessing), atomically per call. */
  async replaceClaims(items: PaperWithClaims[], extractorVersion: string): Promise<number> {
    return this.sql.transaction(async (tx) => (await writePapers(tx, items, extractorVersion, this.claimId)).claims);
  }

  /**
   * Computes the canonical keys again for stored claims whose keys came from
   * other key tables (or none: claims written before migration 020), a chunk
   * per transaction. Returns how many claims it updated.
   */
  async refreshKeys(opts: { batchId?: string; chunk?: number } = {}): Promise<number> {
    const chunk = opts.chunk ?? 1000;
    let updated = 0;
    for (;;) {
      const params: (string | number)[] = [KEYS_VERSION, chunk];
      const inBatch = opts.batchId ? `AND paper_id IN (SELECT paper_id FROM batch_records WHERE batch_id = $${params.push(opts.batchId)})` : '';
      const rows = await this.sql.query<{ id: string; kind: StoredClaim['kind']; unit: StoredClaim['unit']; metric: string | null; setting: string | null; baseline: string | null; sentence: string | null; text: string }>(
        `SELECT id, kind, unit, metric, setting, baseline, sentence, text FROM claims
         WHERE keys_version IS DISTINCT FROM $1 ${inBatch} ORDER BY id LIMIT $2`,
        params,
      );
      if (!rows.length) return updated;
      const keys = rows.map((r) => keyColumns(r));
      await this.sql.query(
        `UPDATE claims c SET metric_key = t.metric_key, setting_keys = ARRAY(SELECT jsonb_array_elements_text(t.setting_keys::jsonb)),
           baseline_key = t.baseline_key, better = t.better, keys_version = $6
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, metric_key, setting_keys, baseline_key, better)
         WHERE c.id = t.id`,
        [rows.map((r) => r.id), keys.map((k) => k.metric_key), keys.map((k) => JSON.stringify(k.setting_keys)), keys.map((k) => k.baseline_key), keys.map((k) => k.better), KEYS_VERSION],
      );
      updated += rows.length;
    }
  }

  /** Records an analyst's correction and applies it (see corrections.ts). */
  correct(input: CorrectionParsed): Promise<Correction> {
    return addCorrection(this.sql, input, (paperId, span, kind) => this.claimId(paperId, { span, kind } as ClaimRecord));
  }

  undoCorrection(id: number, who: string): Promise<Correction> {
    return undoCorrection(this.sql, id, who);
  }

  corrections(opts: { includeUndone?: boolean; paper?: string } = {}): Promise<Correction[]> {
    return listCorrections(this.sql, opts);
  }

  async batches(): Promise<BatchProgress[]> {
    const rows = await this.sql.query<BatchRow>(`${BATCH_SELECT} ORDER BY b.created_at DESC, b.id`);
    return rows.map(toBatch);
  }

  async batch(id: string): Promise<BatchProgress | null> {
    const rows = await this.sql.query<BatchRow>(`${BATCH_SELECT} WHERE b.id = $1`, [id]);
    return rows.length ? toBatch(rows[0]) : null;
  }

  /**
   * What deleting a batch removes: its records and rejections, and the papers
   * (with their claims and versions) that no other batch holds. Papers that
   * came in another batch too stay. `apply` false only counts.
   */
  async deleteBatch(id: string, apply: boolean): Promise<{ records: number; papers: number; claims: number }> {
    const ONLY_HERE = `SELECT DISTINCT r.paper_id FROM batch_records r WHERE r.batch_id = $1
      AND NOT EXISTS (SELECT 1 FROM batch_records o WHERE o.paper_id = r.paper_id AND o.batch_id <> $1)`;
    return this.sql.transaction(async (tx) => {
      const [counts] = await tx.query<{ records: number; papers: number; claims: number }>(
        `SELECT (SELECT count(*)::int FROM batch_records WHERE batch_id = $1) + (SELECT count(*)::int FROM rejections WHERE batch_id = $1) AS records,
                (SELECT count(*)::int FROM (${ONLY_HERE}) p) AS papers,
                (SELECT count(*)::int FROM claims WHERE paper_id IN (${ONLY_HERE})) AS claims`,
        [id],
      );
      if (apply) {
        await tx.query(`DELETE FROM papers WHERE id IN (${ONLY_HERE})`, [id]);
        await tx.query('DELETE FROM batches WHERE id = $1', [id]); // its records and rejections go with it
        await tx.query('DELETE FROM inbox_files WHERE batch_id = $1', [id]); // the same file may be dropped in again
      }
      return counts;
    });
  }

  /** What the accepted records of some batches were to the store: new papers, papers unchanged, papers updated to a new version. */
  async batchOutcomes(batchIds: string[]): Promise<{ new: number; unchanged: number; updated: number }> {
    const rows = await this.sql.query<{ outcome: string | null; n: number }>(
      'SELECT outcome, count(*)::int AS n FROM batch_records WHERE batch_id = ANY($1::text[]) GROUP BY outcome',
      [batchIds],
    );
    const n = (o: string) => rows.find((r) => r.outcome === o)?.n ?? 0;
    return { new: n('new'), unchanged: n('unchanged'), updated: n('updated') };
  }

  /** Records of a batch that were papers already stored under another id (same normalized title and abstract). */
  async matchedPapers(batchId: string, limit = 5): Promise<{ count: number; examples: { file: string; line: number; givenId: string; paperId: string }[] }> {
    const [row] = await this.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM batch_records WHERE batch_id = $1 AND given_id IS NOT NULL', [batchId]);
    const examples = await this.sql.query<{ file: string; line: number; givenId: string; paperId: string }>(
      'SELECT file, line, given_id AS "givenId", paper_id AS "paperId" FROM batch_records WHERE batch_id = $1 AND given_id IS NOT NULL ORDER BY file, line LIMIT $2',
      [batchId, limit],
    );
    return { count: row.n, examples };
  }

  /** Marks batches that will not finish because their run was stopped; done ones stay done. */
  async markInterrupted(ids: string[]): Promise<void> {
    await this.sql.query('UPDATE batches SET interrupted_at = now() WHERE id = ANY($1::text[]) AND finished_at IS NULL', [ids]);
  }

  /** A batch's rejected records in file and line order; `after` pages on from the last one seen. */
  async rejections(batchId: string, limit = 1000, after?: { file: string; line: number }) {
    return this.sql.query<{ file: string; line: number; field: string | null; reason: string }>(
      `SELECT file, line, field, reason FROM rejections WHERE batch_id = $1 ${after ? 'AND (file, line) > ($3, $4)' : ''} ORDER BY file, line LIMIT $2`,
      after ? [batchId, limit, after.file, after.line] : [batchId, limit],
    );
  }

  async counts(): Promise<StoreCounts> {
    const [totals] = await this.sql.query<Omit<StoreCounts, 'byKind'>>(
      `SELECT (SELECT count(*)::int FROM papers) AS papers, (SELECT count(*)::int FROM claims) AS claims,
              (SELECT count(*)::int FROM batches) AS batches, (SELECT count(*)::int FROM rejections) AS rejected`,
    );
    const kinds = await this.sql.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM claims GROUP BY kind ORDER BY kind');
    return { ...totals, byKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])) };
  }

  /** Papers with claims, claims and claims by kind over the records of some batches, counted in SQL. */
  async batchClaimCounts(batchIds: string[]): Promise<{ papers: number; claims: number; byKind: Record<string, number> }> {
    const rows = await this.sql.query<{ kind: string; papers: number; claims: number }>(
      `SELECT kind, count(DISTINCT paper_id)::int AS papers, count(*)::int AS claims FROM claims
       WHERE paper_id IN (SELECT paper_id FROM batch_records WHERE batch_id = ANY($1::text[]))
       GROUP BY ROLLUP (kind) ORDER BY kind NULLS FIRST`,
      [batchIds],
    );
    const total = rows.find((r) => r.kind === null);
    return {
      papers: total?.papers ?? 0,
      claims: total?.claims ?? 0,
      byKind: Object.fromEntries(rows.filter((r) => r.kind !== null).map((r) => [r.kind, r.claims])),
    };
  }

  /** Claims matching the analysts' filter (the same conditions as the API's), in paper and text order. */
  async claims(filter: ClaimFilter & { limit?: number } = {}): Promise<StoredClaim[]> {
    const params = new Params();
    const where = whereClause(claimConditions(filter, params));
    const rows = await this.sql.query<ClaimRow>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c ${where} ORDER BY paper_id, span_start, kind LIMIT ${params.add(filter.limit ?? 1000)}`,
      params.values,
    );
    return rows.map(claimFromRow);
  }

  async papers(ids: string[]): Promise<Paper[]> {
    const rows = await this.sql.query<{ id: string; title: string; abstract: string; metadata: Record<string, unknown>; file: string | null; line: number | null }>(
      `SELECT p.id, p.title, p.abstract, p.metadata, r.file, r.line FROM papers p
       LEFT JOIN LATERAL (SELECT file, line FROM batch_records WHERE paper_id = p.id LIMIT 1) r ON true
       WHERE p.id = ANY($1::text[]) ORDER BY p.id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, abstract: r.abstract, metadata: r.metadata, source: { file: r.file ?? 'store', line: r.line ?? 1 } }));
  }

  /** Ids of stored papers whose claims came from another extractor version. */
  async stalePaperIds(extractorVersion: string, batchId?: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT id FROM papers WHERE extractor_version <> $1
       ${batchId ? 'AND id IN (SELECT paper_id FROM batch_records WHERE batch_id = $2)' : ''} ORDER BY id`,
      batchId ? [extractorVersion, batchId] : [extractorVersion],
    );
    return rows.map((r) => r.id);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

function toBatch(r: BatchRow): BatchProgress {
  return {
    id: r.id,
    name: r.name,
    createdAt: iso(r.created_at)!,
    total: r.total,
    accepted: r.accepted,
    rejected: r.rejected,
    claims: r.claims,
    status: r.finished_at ? 'done' : r.interrupted_at ? 'interrupted' : 'running',
    finishedAt: iso(r.finished_at),
  };
}
