-- The writer asks which records of a batch hold the papers of a chunk. With
-- only (paper_id) beside the (batch_id, ...) key, the planner intersected the
-- whole batch's key entries with the papers' — a scan that grew with the
-- batch. One index on both columns answers it from the papers alone.
CREATE INDEX batch_records_paper_batch_idx ON batch_records (paper_id, batch_id);
DROP INDEX IF EXISTS batch_records_paper_idx;
