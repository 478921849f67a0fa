-- Analyst queries that stay fast on a store of millions of claims. Runs on
-- PostgreSQL 15+ and on PGlite alike.

-- On a large store this migration rewrites every claim (about 30 s per
-- million claims): the services' statement timeout must not stop it.
SET LOCAL statement_timeout = 0;

-- 1. Full-text search without the join. A search matches a claim's own text
-- and its paper's title together ("memory latency" may find one word in
-- each), which 002 served as (c.search_doc || p.title_doc): a concatenation
-- across the join that no index can serve, so every search read every claim.
-- claims.title_doc is a copy of its paper's title_doc, kept by triggers, and
-- one GIN index covers the concatenation the API's `q` filter uses:
--   (c.search_doc || c.title_doc) @@ websearch_to_tsquery('english', ...)
ALTER TABLE claims ADD COLUMN title_doc tsvector;

-- 2. The backfill below writes a new version of every claim. Rebuilding the
-- secondary indexes afterwards is several times faster than maintaining
-- them row by row, so all are dropped first. These four come back as 001/002
-- made them:
DROP INDEX IF EXISTS claims_search_idx;
DROP INDEX IF EXISTS claims_recent_idx;
DROP INDEX IF EXISTS claims_unit_kind_idx;
DROP INDEX IF EXISTS claims_kind_value_idx;
-- and these three come back changed:
-- sort=value with min/max: value_min as a trailing key lets the index test
-- `value_min <= max` itself, instead of reading the row of every claim above
-- max on the way down (ranges make that test necessary: 5-12x overlaps [2, 10]).
DROP INDEX IF EXISTS claims_value_sort_idx;
DROP INDEX IF EXISTS claims_kind_value_sort_idx;
-- sort=paper, and per-paper statistics (claims per paper and kind, top papers)
-- read from the index alone.
DROP INDEX IF EXISTS claims_paper_sort_idx;

UPDATE claims c SET title_doc = p.title_doc FROM papers p WHERE p.id = c.paper_id;

-- A claim takes its paper's title as it is written. The writer upserts the
-- paper before its claims in the same transaction, so the lookup sees the
-- title of this write.
CREATE FUNCTION claims_copy_title_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.title_doc := (SELECT p.title_doc FROM papers p WHERE p.id = NEW.paper_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER claims_copy_title_doc BEFORE INSERT OR UPDATE OF paper_id ON claims
  FOR EACH ROW EXECUTE FUNCTION claims_copy_title_doc();

-- A paper whose title changes passes the new one to its claims. Rewriting a
-- paper with the same title (every redelivery or reprocessing) costs nothing.
CREATE FUNCTION papers_pass_title_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET title_doc = NEW.title_doc WHERE paper_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER papers_pass_title_doc AFTER UPDATE OF title ON papers
  FOR EACH ROW WHEN (OLD.title_doc IS DISTINCT FROM NEW.title_doc) EXECUTE FUNCTION papers_pass_title_doc();

CREATE INDEX claims_search_idx ON claims USING gin (search_doc);
CREATE INDEX claims_recent_idx ON claims (created_at DESC, id DESC);
CREATE INDEX claims_unit_kind_idx ON claims (unit, kind);
CREATE INDEX claims_kind_value_idx ON claims (kind, value_min, value_max);

CREATE INDEX claims_fulltext_idx ON claims USING gin ((search_doc || title_doc));

CREATE INDEX claims_value_sort_idx ON claims ((coalesce(value_max, '-Infinity'::float8)) DESC, id DESC, value_min);
CREATE INDEX claims_kind_value_sort_idx ON claims (kind, (coalesce(value_max, '-Infinity'::float8)) DESC, id DESC, value_min);
CREATE INDEX claims_paper_sort_idx ON claims (paper_id, span_start, id) INCLUDE (kind, value_max);
