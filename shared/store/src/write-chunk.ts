import type { Rejection, SourceRef, WriteJob } from '@claimflow/schemas';
import type { Sql } from './sql.js';
import { contentKeyOf, resolvePaperIds } from './paper-identity.js';
import { writePapers, type ClaimIdFn, type PaperWithClaims } from './write-papers.js';

const before = (a: SourceRef, b: SourceRef) => a.file < b.file || (a.file === b.file && a.line < b.line);
const sameRecord = (a: SourceRef, b: SourceRef) => a.file === b.file && a.line === b.line;
/**
 * A later record of the same paper. When its own id differs (it is that
 * paper by its title and abstract), both ids are named: the operator looks
 * for the id they wrote, not only the one it was stored under.
 */
const duplicateOf = (id: string, first: SourceRef, at: SourceRef, givenId?: string | null): Rejection => ({
  ...at,
  field: 'id',
  reason: givenId && givenId !== id
    ? `duplicate: id "${givenId}" has the same title and abstract as id "${id}", first at ${first.file}:${first.line}`
    : `duplicate id "${id}": first at ${first.file}:${first.line}`,
});

/**
 * One write job in one transaction: papers, claims, rejections and the
 * batch's progress. Within a batch the first record (by file and line) with
 * a given id wins and later ones are rejected as duplicates — whatever order
 * the chunks arrive in, so the outcome never depends on timing. Advisory
 * locks on the ids make concurrent writers agree.
 */
export async function writeChunk(tx: Sql, job: WriteJob, claimId: ClaimIdFn): Promise<{ papers: number; claims: number }> {
  const { batch } = job;
  await tx.query('INSERT INTO batches (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [batch.id, batch.name, batch.createdAt]);
  const rejections = [...job.rejections];

  // A record whose content is a paper stored under another id is that paper.
  // Content keys are locked before ids, each in sorted order, so writers never deadlock.
  // Each paper's content key is computed once (normalizing and hashing the abstract is the writer's dearest step in JS).
  const contentKeys = new Map(job.papers.map((p) => [p.paper, contentKeyOf(p.paper)]));
  if (job.papers.length && tx.kind === 'postgres') {
    const keys = job.papers.map((p) => `k:${contentKeys.get(p.paper)}`);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT DISTINCT unnest($1::text[]) AS k ORDER BY 1) t', [keys]);
  }
  const sorted = [...job.papers].sort((a, b) => (before(a.paper.source, b.paper.source) ? -1 : 1));
  const resolved = await resolvePaperIds(tx, sorted, contentKeys);

  // First record per id inside the chunk.
  const winners = new Map<string, PaperWithClaims>();
  for (const item of [...resolved.items].sort((a, b) => (before(a.paper.source, b.paper.source) ? -1 : 1))) {
    const first = winners.get(item.paper.id);
    if (first && !sameRecord(first.paper.source, item.paper.source)) rejections.push(duplicateOf(item.paper.id, first.paper.source, item.paper.source, resolved.given.get(item)));
    else winners.set(item.paper.id, item);
  }

  // Then against records of the same batch already stored.
  const ids = [...winners.keys()];
  if (ids.length && tx.kind === 'postgres') {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(id)) FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY 1) t', [ids]);
  }
  const stored = ids.length
    ? await tx.query<{ paper_id: string; file: string; line: number; given_id: string | null }>(
        'SELECT paper_id, file, line, given_id FROM batch_records WHERE batch_id = $1 AND paper_id = ANY($2::text[])',
        [batch.id, ids],
      )
    : [];
  const displaced: (SourceRef & { paperId: string })[] = [];
  for (const row of stored) {
    const item = winners.get(row.paper_id)!;
    const existing = { file: row.file, line: row.line };
    if (sameRecord(existing, item.paper.source)) continue; // a redelivered chunk
    if (before(existing, item.paper.source)) {
      winners.delete(row.paper_id);
      rejections.push(duplicateOf(row.paper_id, existing, item.paper.source, resolved.given.get(item)));
    } else {
      displaced.push({ ...existing, paperId: row.paper_id });
      rejections.push(duplicateOf(row.paper_id, item.paper.source, existing, row.given_id));
    }
  }
  let displacedCount = 0;
  let displacedClaims = 0;
  if (displaced.length) {
    // The displaced record's claims were counted when it was written; the winner's replace them.
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM claims WHERE paper_id = ANY($1::text[])', [displaced.map((d) => d.paperId)]);
    displacedClaims = row.n;
    const gone = await tx.query(
      'DELETE FROM batch_records WHERE batch_id = $1 AND (file, line) IN (SELECT * FROM unnest($2::text[], $3::int[])) RETURNING 1',
      [batch.id, displaced.map((d) => d.file), displaced.map((d) => d.line)],
    );
    displacedCount = gone.length;
  }

  const papers = [...winners.values()];
  const { claims, outcomes } = await writePapers(tx, papers, job.extractorVersion, claimId, contentKeys);
  // Counters move only by rows this transaction added: a redelivered chunk adds none.
  let accepted = 0;
  let newClaims = 0;
  if (papers.length) {
    const added = await tx.query<{ paper_id: string }>(
      `INSERT INTO batch_records (batch_id, file, line, paper_id, given_id, outcome)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (batch_id, file, line) DO NOTHING RETURNING paper_id`,
      [batch.id, papers.map((p) => p.paper.source.file), papers.map((p) => p.paper.source.line), papers.map((p) => p.paper.id), papers.map((p) => resolved.given.get(p) ?? null),
        papers.map((p) => outcomes.get(p.paper.id) ?? null)],
    );
    accepted = added.length;
    const claimsOf = new Map(papers.map((p) => [p.paper.id, p.claims.length]));
    for (const a of added) newClaims += claimsOf.get(a.paper_id) ?? 0;
  }
  let rejected = 0;
  if (rejections.length) {
    const rows = await tx.query<{ inserted: boolean }>(
      `INSERT INTO rejections (batch_id, file, line, field, reason)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[])
       ON CONFLICT (batch_id, file, line) DO UPDATE SET field = excluded.field, reason = excluded.reason
       RETURNING (xmax = 0) AS inserted`,
      [batch.id, rejections.map((r) => r.file), rejections.map((r) => r.line), rejections.map((r) => r.field), rejections.map((r) => r.reason)],
    );
    rejected = rows.filter((r) => r.inserted).length;
  }
  await tx.query(
    `UPDATE batches SET
       accepted = accepted + $2, rejected = rejected + $3, claims = claims + $4, total = coalesce($5, total),
       finished_at = CASE WHEN finished_at IS NULL AND coalesce($5, total) <= accepted + $2 + rejected + $3 THEN now() ELSE finished_at END
     WHERE id = $1`,
    [batch.id, accepted - displacedCount, rejected, newClaims - displacedClaims, job.total ?? null],
  );
  return { papers: papers.length, claims };
}
