-- The analyst side: full-text search, indexes for the API's sorts and
-- filters, and views an analyst can query from psql. Runs on PostgreSQL 15+
-- and on PGlite alike (no extensions, no roles required).

-- Full-text search. A generated column cannot reach another table, so the
-- claim's own text and the paper's title are indexed separately and a search
-- matches their concatenation: (c.search_doc || p.title_doc) @@ query.
-- to_tsvector with an explicit configuration is immutable, as generated columns require.
ALTER TABLE claims ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
  to_tsvector('english', coalesce(sentence, '') || ' ' || coalesce(metric, '') || ' ' || coalesce(baseline, '') || ' ' || coalesce(setting, ''))
) STORED;
ALTER TABLE papers ADD COLUMN title_doc tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
CREATE INDEX claims_search_idx ON claims USING gin (search_doc);
CREATE INDEX papers_title_search_idx ON papers USING gin (title_doc);

-- Keyset pagination: one index per sort order, with id as the tie-breaker,
-- so every page is an index range scan whatever the page number.
-- sort=value (largest first; a claim without a value sorts last)
CREATE INDEX claims_value_sort_idx ON claims ((coalesce(value_max, '-Infinity'::float8)) DESC, id DESC);
CREATE INDEX claims_kind_value_sort_idx ON claims (kind, (coalesce(value_max, '-Infinity'::float8)) DESC, id DESC);
-- sort=recent
CREATE INDEX claims_recent_idx ON claims (created_at DESC, id DESC);
-- sort=paper
CREATE INDEX claims_paper_sort_idx ON claims (paper_id, span_start, id);
-- unit / qualifier filters and the per-unit stats
CREATE INDEX claims_unit_kind_idx ON claims (unit, kind);
-- batch filter: batch_records' primary key starts with batch_id already.

-- Views for psql. Every view is one row per claim with its paper's title.
CREATE VIEW claims_with_papers AS
  SELECT c.id, c.paper_id, p.title AS paper_title, c.kind, c.text, c.value, c.low, c.high,
         c.value_min, c.value_max, c.unit, c.qualifier, c.metric, c.baseline, c.setting, c.sentence,
         c.span_start, c.span_end, c.extractor_version, c.created_at
  FROM claims c JOIN papers p ON p.id = c.paper_id;

CREATE VIEW speedup_claims AS
  SELECT * FROM claims_with_papers WHERE kind = 'speedup';

CREATE VIEW efficiency_claims AS
  SELECT * FROM claims_with_papers WHERE kind = 'efficiency';

-- Both quality kinds: deltas (pp, %, abs; positive = better) and absolute scores.
CREATE VIEW quality_claims AS
  SELECT * FROM claims_with_papers WHERE kind IN ('quality_delta', 'quality_value');

CREATE VIEW measurement_claims AS
  SELECT * FROM claims_with_papers WHERE kind = 'measurement';

-- Which batch each claim came in (a paper sent in several batches appears once per batch).
CREATE VIEW batch_claims AS
  SELECT DISTINCT r.batch_id, c.*
  FROM batch_records r JOIN claims_with_papers c ON c.paper_id = r.paper_id;

-- The read-only `analyst` role (`claims migrate --analyst-role analyst`) can
-- read what this migration creates even when it ran after the role's grants.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analyst') THEN
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst;
  END IF;
END
$$;
