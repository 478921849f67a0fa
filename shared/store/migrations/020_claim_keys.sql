-- Canonical keys of each claim (issue 11): the metric, the settings and the
-- baseline it names, as the units library's key tables read them, and which
-- way is better for its value. The writer computes them with the claim;
-- `claims reprocess` fills them for claims written before, and again after a
-- key table changes (keys_version says which tables computed them).

-- Adding nullable columns (and a constant default) rewrites nothing.
SET LOCAL statement_timeout = 0;

ALTER TABLE claims ADD COLUMN metric_key text;
ALTER TABLE claims ADD COLUMN setting_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE claims ADD COLUMN baseline_key text;
-- 'higher' or 'lower': the direction a leaderboard ranks this claim's value in.
ALTER TABLE claims ADD COLUMN better text CHECK (better IN ('higher', 'lower'));
ALTER TABLE claims ADD COLUMN keys_version text;

-- The key filters and the leaderboards (best claim per paper of a metric).
CREATE INDEX claims_metric_key_idx ON claims (metric_key, unit, kind, paper_id) WHERE metric_key IS NOT NULL;
CREATE INDEX claims_baseline_key_idx ON claims (baseline_key) WHERE baseline_key IS NOT NULL;
CREATE INDEX claims_setting_keys_idx ON claims USING gin (setting_keys);
-- reprocess finds claims whose keys are older than the tables.
CREATE INDEX claims_keys_version_idx ON claims (keys_version);

-- The views gain the key columns (appended: CREATE OR REPLACE keeps the
-- existing ones in place). The views that select * from claims_with_papers
-- fixed their column lists when created, so they are made again.
DROP VIEW IF EXISTS batch_claims;
DROP VIEW IF EXISTS speedup_claims;
DROP VIEW IF EXISTS efficiency_claims;
DROP VIEW IF EXISTS quality_claims;
DROP VIEW IF EXISTS measurement_claims;
CREATE OR REPLACE VIEW claims_with_papers AS
  SELECT c.id, c.paper_id, p.title AS paper_title, c.kind, c.text, c.value, c.low, c.high,
         c.value_min, c.value_max, c.unit, c.qualifier, c.metric, c.baseline, c.setting, c.sentence,
         c.span_start, c.span_end, c.extractor_version, c.created_at,
         c.metric_key, c.setting_keys, c.baseline_key, c.better
  FROM claims c JOIN papers p ON p.id = c.paper_id;
CREATE VIEW speedup_claims AS SELECT * FROM claims_with_papers WHERE kind = 'speedup';
CREATE VIEW efficiency_claims AS SELECT * FROM claims_with_papers WHERE kind = 'efficiency';
CREATE VIEW quality_claims AS SELECT * FROM claims_with_papers WHERE kind IN ('quality_delta', 'quality_value');
CREATE VIEW measurement_claims AS SELECT * FROM claims_with_papers WHERE kind = 'measurement';
CREATE VIEW batch_claims AS
  SELECT DISTINCT r.batch_id, c.*
  FROM batch_records r JOIN claims_with_papers c ON c.paper_id = r.paper_id;

-- One row per claim and canonical setting (a claim without one has a row with setting_key NULL),
-- with the value a leaderboard ranks by: the best end of a range in the claim's better direction.
CREATE VIEW keyed_claims AS
  SELECT c.*, s.setting_key,
         CASE WHEN c.better = 'lower' THEN c.value_min ELSE c.value_max END AS rank_value
  FROM claims_with_papers c
  LEFT JOIN LATERAL unnest(CASE WHEN cardinality(c.setting_keys) = 0 THEN ARRAY[NULL::text] ELSE c.setting_keys END) AS s(setting_key) ON true;

-- Leaderboards: each paper's best claim per metric, setting, unit and kind.
CREATE VIEW leaderboard_entries AS
  SELECT DISTINCT ON (metric_key, setting_key, unit, kind, paper_id) *
  FROM keyed_claims
  WHERE metric_key IS NOT NULL AND rank_value IS NOT NULL
  ORDER BY metric_key, setting_key, unit, kind, paper_id,
           CASE WHEN better = 'lower' THEN rank_value ELSE -rank_value END, id;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analyst') THEN
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst;
  END IF;
END
$$;
