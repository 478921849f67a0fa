-- The decision model's confidence in each claim (extractor 2.0, issue 18):
-- the probability of the claim's kind, 0-1. NULL for claims an earlier
-- extractor wrote; `claims reprocess` (the version changed) fills them.
SET LOCAL statement_timeout = 0;

ALTER TABLE claims ADD COLUMN confidence real CHECK (confidence >= 0 AND confidence <= 1);

-- The views gain the column (appended); the views over claims_with_papers are made again, as in 020.
DROP VIEW IF EXISTS leaderboard_entries;
DROP VIEW IF EXISTS keyed_claims;
DROP VIEW IF EXISTS batch_claims;
DROP VIEW IF EXISTS speedup_claims;
DROP VIEW IF EXISTS efficiency_claims;
DROP VIEW IF EXISTS quality_claims;
DROP VIEW IF EXISTS measurement_claims;
CREATE OR REPLACE VIEW claims_with_papers AS
  SELECT c.id, c.paper_id, p.title AS paper_title, c.kind, c.text, c.value, c.low, c.high,
         c.value_min, c.value_max, c.unit, c.qualifier, c.metric, c.baseline, c.setting, c.sentence,
         c.span_start, c.span_end, c.extractor_version, c.created_at,
         c.metric_key, c.setting_keys, c.baseline_key, c.better, c.confidence
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
