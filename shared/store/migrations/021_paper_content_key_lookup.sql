-- The writer looks up, for each record of a chunk, the first paper stored with
-- the same content (paper-identity.ts): min(id) per content_key. On
-- content_key alone the planner has to guess how many papers share a key,
-- and where the table has no statistics (autovacuum off, or PGlite, which
-- has no autovacuum) it guessed thousands and scanned the whole table for
-- every chunk, so writing slowed as the store grew (150 ms a chunk at 300,000
-- papers). On (content_key, id) the first id of a key is one index probe,
-- the cheapest plan whatever the statistics say.
SET LOCAL statement_timeout = 0;

CREATE INDEX papers_content_key_id_idx ON papers (content_key, id);
DROP INDEX papers_content_key_idx;
