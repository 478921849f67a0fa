-- A paper is its normalized title and abstract, whatever id an input gave it:
-- the same abstracts read once as JSONL with ids and once as a text dump
-- without are one set of papers, not two. content_key is the hash a paper
-- without an id is named by (readers' paperIdFor), so those rows already
-- hold it as their id; papers stored with an id before this migration get
-- theirs the next time they are written.
ALTER TABLE papers ADD COLUMN content_key text;
UPDATE papers SET content_key = id WHERE id LIKE 'h-%';
CREATE INDEX papers_content_key_idx ON papers (content_key);

-- The id a record was given when it turned out to be a paper stored under
-- another id, so the batch report can say which records were matched.
ALTER TABLE batch_records ADD COLUMN given_id text;
