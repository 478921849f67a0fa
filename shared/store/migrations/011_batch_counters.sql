-- A batch's progress as counters the writer keeps in the same transaction as
-- the rows they count, so checking whether a batch is complete costs the same
-- for its first chunk as for its thousandth (counting rows grew with the batch).
ALTER TABLE batches ADD COLUMN accepted integer NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN rejected integer NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN claims integer NOT NULL DEFAULT 0;

UPDATE batches b SET
  accepted = (SELECT count(*) FROM batch_records r WHERE r.batch_id = b.id),
  rejected = (SELECT count(*) FROM rejections j WHERE j.batch_id = b.id),
  claims = (SELECT count(*) FROM claims c JOIN batch_records r ON r.paper_id = c.paper_id WHERE r.batch_id = b.id);

-- claims_paper_sort_idx (002) covers every query this one served.
DROP INDEX IF EXISTS claims_paper_idx;
