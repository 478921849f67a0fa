// Analysts' corrections (migration 052): kept in claim_corrections with who,
// when, why and the original, and applied to the claims table, when made and
// after every rewrite of the paper, so every reader sees corrected claims.
import type { ClaimRecord, Correction, CorrectionParsed } from '@claimflow/schemas';
import { keyColumns } from './claim-key-columns.js';
import type { Sql } from './sql.js';

/** The claims columns a correction saves and restores (the generated ones follow from them). */
const ROW_COLUMNS = [
  'id', 'paper_id', 'kind', 'span_start', 'span_end', 'text', 'value', 'low', 'high', 'unit', 'qualifier', 'raw', 'metric', 'baseline', 'setting',
  'sentence', 'extractor_version', 'created_at', 'metric_key', 'setting_keys', 'baseline_key', 'better', 'keys_version', 'confidence',
] as const;
const COLS = ROW_COLUMNS.join(', ');

/** What the extractor said, compared to see whether a correction's claim has changed since. */
const COMPARED = ['kind', 'text', 'value', 'low', 'high', 'unit', 'qualifier', 'metric', 'baseline', 'setting'] as const;

type Row = Record<(typeof ROW_COLUMNS)[number], unknown> & { correction_id?: number | null };

interface CorrectionRow {
  id: number | string;
  paper_id: string;
  claim_id: string;
  action: Correction['action'];
  changes: Record<string, unknown> | string;
  original: Record<string, unknown> | string | null;
  who: string;
  why: string;
  created_at: Date | string;
  undone_at: Date | string | null;
  undone_by: string | null;
  stale: boolean;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export const toCorrection = (r: CorrectionRow): Correction => ({
  id: Number(r.id), paperId: r.paper_id, claimId: r.claim_id, action: r.action, changes: json(r.changes), original: r.original == null ? null : json(r.original),
  who: r.who, why: r.why, createdAt: iso(r.created_at)!, undoneAt: iso(r.undone_at), undoneBy: r.undone_by, stale: r.stale,
});

export class CorrectionError extends Error {
  override name = 'CorrectionError';
  constructor(readonly status: 400 | 404, message: string) {
    super(message);
  }
}

async function claimRow(tx: Sql, id: string): Promise<Row | null> {
  const [row] = await tx.query<Row>(`SELECT ${COLS}, correction_id FROM claims WHERE id = $1`, [id]);
  return row ?? null;
}

/** Writes a claims row (insert or replace), its keys computed again from its fields. */
async function writeRow(tx: Sql, row: Row, correctionId: number | null): Promise<void> {
  const keys = keyColumns({
    kind: row.kind as ClaimRecord['kind'], unit: row.unit as ClaimRecord['unit'], metric: row.metric as string | null, setting: row.setting as string | null,
    baseline: row.baseline as string | null, sentence: row.sentence as string | null, text: row.text as string,
  });
  const full = { ...row, ...keys, correction_id: correctionId };
  await tx.query(
    `INSERT INTO claims (${COLS}, correction_id)
     SELECT ${COLS}, correction_id FROM jsonb_populate_record(NULL::claims, $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET ${[...ROW_COLUMNS.filter((c) => c !== 'id'), 'correction_id'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    [JSON.stringify(full)],
  );
}

const changed = (row: Row | null, original: Record<string, unknown> | null) =>
  !row || !original || COMPARED.some((k) => JSON.stringify(row[k] ?? null) !== JSON.stringify(original[k] ?? null));

/**
 * Applies the active corrections of these papers to their claims, oldest
 * first. After the extractor rewrote a paper, a correction whose claim
 * changed (or went) is flagged stale, and applied all the same.
 */
export async function applyCorrections(tx: Sql, paperIds: string[], opts: { checkStale?: boolean } = {}): Promise<number> {
  const rows = await tx.query<CorrectionRow>(
    'SELECT * FROM claim_corrections WHERE paper_id = ANY($1::text[]) AND undone_at IS NULL ORDER BY id',
    [paperIds],
  );
  for (const c of rows.map(toCorrection)) {
    const row = await claimRow(tx, c.claimId);
    // Rows the writer just wrote have no correction mark; one a correction before this one set is not the extractor's.
    if (opts.checkStale && c.action !== 'add' && !c.stale && (row == null || row.correction_id == null) && changed(row, c.original)) {
      await tx.query('UPDATE claim_corrections SET stale = true WHERE id = $1', [c.id]);
    }
    if (c.action === 'wrong') await tx.query('DELETE FROM claims WHERE id = $1', [c.claimId]);
    else if (c.action === 'correct' && row) await writeRow(tx, { ...row, ...c.changes } as Row, c.id);
    else if (c.action === 'add') await writeRow(tx, c.changes as Row, c.id);
  }
  return rows.length;
}

/** The span of the `occurrence`th `text` in the abstract, or null. */
function spanOf(abstract: string, text: string, occurrence: number): [number, number] | null {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = abstract.indexOf(text, at + 1);
    if (at < 0) return null;
  }
  return [at, at + text.length];
}

/** The sentence around a span, as the extractor's evidence is: from the last sentence end before it to the next after it. */
function sentenceAt(abstract: string, [start, end]: [number, number]): string {
  const before = abstract.slice(0, start).search(/[.!?]\s+(?=[^.!?]*$)/);
  const from = before < 0 ? 0 : before + 1;
  const after = abstract.slice(end).search(/[.!?](\s|$)/);
  return abstract.slice(from, after < 0 ? abstract.length : end + after + 1).trim();
}

/** Records a correction and applies it; returns it. `claimIdFor` gives an added claim its id, as the writer would. */
export async function addCorrection(sql: Sql, input: CorrectionParsed, claimIdFor: (paperId: string, span: [number, number], kind: string) => string): Promise<Correction> {
  return sql.transaction(async (tx) => {
    let paperId: string;
    let claimId: string;
    let changes: Record<string, unknown>;
    let original: Row | null = null;
    if (input.action === 'add') {
      const [paper] = await tx.query<{ abstract: string; extractor_version: string }>('SELECT abstract, extractor_version FROM papers WHERE id = $1', [input.paperId]);
      if (!paper) throw new CorrectionError(404, `no paper ${input.paperId}`);
      const span = spanOf(paper.abstract, input.text, input.occurrence);
      if (!span) throw new CorrectionError(400, `text: "${input.text}" does not occur ${input.occurrence > 1 ? `${input.occurrence} times ` : ''}in the abstract of ${input.paperId}`);
      paperId = input.paperId;
      claimId = claimIdFor(paperId, span, input.claim.kind);
      const c = input.claim;
      changes = {
        id: claimId, paper_id: paperId, kind: c.kind, span_start: span[0], span_end: span[1], text: input.text, value: c.value ?? null, low: c.low ?? null,
        high: c.high ?? null, unit: c.unit, qualifier: c.qualifier ?? 'exact', raw: { value: c.value ?? null, low: c.low ?? null, high: c.high ?? null, unit: c.unit },
        metric: c.metric ?? null, baseline: c.baseline ?? null, setting: c.setting ?? null, sentence: sentenceAt(paper.abstract, span),
        extractor_version: 'correction', created_at: new Date().toISOString(), confidence: null,
      };
    } else {
      const current = await claimRow(tx, input.claimId);
      if (!current) throw new CorrectionError(404, `no claim ${input.claimId} (a claim already marked wrong is gone: undo that correction first)`);
      // The original is the extractor's claim: for a claim corrected before, the one its first correction kept.
      original = current.correction_id == null ? current : ((await extractorOriginal(tx, input.claimId)) ?? current);
      paperId = original.paper_id as string;
      claimId = input.claimId;
      changes = input.action === 'correct' ? input.changes : {};
    }
    const [row] = await tx.query<CorrectionRow>(
      `INSERT INTO claim_corrections (paper_id, claim_id, action, changes, original, who, why)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) RETURNING *`,
      [paperId, claimId, input.action, JSON.stringify(changes), original && JSON.stringify(stripCorrection(original)), input.who, input.why],
    );
    await applyCorrections(tx, [paperId]);
    return toCorrection(row);
  });
}

/** The claim as the extractor stored it: the original its first correction kept. */
async function extractorOriginal(tx: Sql, claimId: string): Promise<Row | null> {
  const [first] = await tx.query<{ original: Row | string | null }>(
    'SELECT original FROM claim_corrections WHERE claim_id = $1 AND original IS NOT NULL ORDER BY id LIMIT 1',
    [claimId],
  );
  return first?.original ? json(first.original) : null;
}

/** The original a correction keeps: the row as the extractor stored it, without a correction's mark. */
function stripCorrection(row: Row): Row {
  const { correction_id: _, ...rest } = row;
  return rest as Row;
}

/** Undoes a correction: its claim is as the extractor stored it again (with the paper's other corrections still applied). */
export async function undoCorrection(sql: Sql, id: number, who: string): Promise<Correction> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<CorrectionRow>(
      'UPDATE claim_corrections SET undone_at = now(), undone_by = $2 WHERE id = $1 AND undone_at IS NULL RETURNING *',
      [id, who],
    );
    if (!row) throw new CorrectionError(404, `no active correction ${id} (GET /api/corrections lists them)`);
    const c = toCorrection(row);
    const original = await extractorOriginal(tx, c.claimId);
    if (c.action === 'add') await tx.query('DELETE FROM claims WHERE id = $1', [c.claimId]);
    else if (original) await writeRow(tx, original, null);
    await applyCorrections(tx, [c.paperId]);
    return toCorrection(row);
  });
}

export async function listCorrections(sql: Sql, opts: { includeUndone?: boolean; paper?: string } = {}): Promise<Correction[]> {
  const where = [opts.includeUndone ? 'true' : 'undone_at IS NULL', ...(opts.paper ? ['paper_id = $1'] : [])];
  const rows = await sql.query<CorrectionRow>(`SELECT * FROM claim_corrections WHERE ${where.join(' AND ')} ORDER BY id`, opts.paper ? [opts.paper] : []);
  return rows.map(toCorrection);
}
