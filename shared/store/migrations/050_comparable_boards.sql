-- Comparable leaderboards (issue 21): one board definition, in SQL, that the
-- API, the CLI, the page and analysts' own queries all read.
--
-- A board is (metric_key, kind, board_unit, board_setting, board_hardware,
-- board_baseline):
--   board_unit     the claim's unit, with a percent-scale metric written with
--                  and without "%" on one scale ("53.1% AP" and "44.2 AP");
--   board_setting  one dataset or benchmark the claim names, NULL: none stated
--                  (models and hardware are columns of the row, not boards);
--   board_hardware for metrics measured on a machine (latency, speed,
--                  throughput, frame rate, memory, energy, ...): the hardware
--                  named, NULL: none stated (its own group);
--   board_baseline for deltas (quality_delta, speedup, efficiency): the
--                  baseline key; gains rank only over the same baseline, and
--                  deltas with no baseline key are listed, never ranked.
-- Which keys are hardware, datasets or per-hardware metrics is the units
-- library's (shared/units); `migrate` copies those tables into
-- metric_key_info and setting_key_info whenever they change.
SET LOCAL statement_timeout = 0;

CREATE TABLE metric_key_info (
  key text PRIMARY KEY,
  scale text NOT NULL,
  better text NOT NULL,
  per_hardware boolean NOT NULL
);
CREATE TABLE setting_key_info (
  key text PRIMARY KEY,
  category text NOT NULL
);
-- The fingerprint of the units tables the two tables above were copied from.
CREATE TABLE key_info_version (version text NOT NULL);

-- One row per claim and board it sits on, with the value it ranks by on the
-- board's scale. The key categories are read once per query (the `keys` row),
-- and each claim's few setting keys are matched against them as arrays.
CREATE VIEW board_claims AS
  SELECT c.*,
         CASE WHEN m.scale = 'percent' AND c.kind = 'quality_value' AND c.unit IN ('%', 'abs') THEN '%'
              WHEN m.scale = 'percent' AND c.kind = 'quality_delta' AND c.unit IN ('pp', 'abs') THEN 'pp'
              ELSE c.unit END AS board_unit,
         s.setting AS board_setting,
         m.per_hardware AS per_hardware,
         CASE WHEN m.per_hardware THEN (
           SELECT u.key FROM unnest(c.setting_keys) WITH ORDINALITY AS u(key, i) WHERE u.key = ANY(keys.hardware) ORDER BY u.i LIMIT 1) END AS board_hardware,
         CASE WHEN c.kind IN ('quality_delta', 'speedup', 'efficiency') THEN c.baseline_key END AS board_baseline,
         c.kind NOT IN ('quality_delta', 'speedup', 'efficiency') OR c.baseline_key IS NOT NULL AS ranked,
         -- A percent-scale score written as a fraction ("0.76 accuracy") is 76 %.
         (CASE WHEN c.better = 'lower' THEN c.value_min ELSE c.value_max END)
           * CASE WHEN m.scale = 'percent' AND c.kind = 'quality_value' AND c.unit = 'abs' AND c.value_max <= 1 THEN 100 ELSE 1 END AS rank_value
  FROM claims c
  JOIN metric_key_info m ON m.key = c.metric_key
  CROSS JOIN (
    SELECT coalesce(array_agg(key) FILTER (WHERE category = 'hardware'), '{}') AS hardware,
           coalesce(array_agg(key) FILTER (WHERE category IN ('dataset', 'benchmark')), '{}') AS datasets
    FROM setting_key_info
  ) keys
  LEFT JOIN LATERAL unnest(ARRAY(SELECT u.key FROM unnest(c.setting_keys) AS u(key) WHERE u.key = ANY(keys.datasets))) AS s(setting) ON true
  WHERE c.value_max IS NOT NULL;

-- Leaderboards: each paper's best claim per board, and its rank (ties share
-- one; NULL for deltas with no baseline). Hides what the API hides by
-- default: claims whose confidence is known and below 0.5
-- (DEFAULT_BOARD_MIN_CONFIDENCE in shared/schemas; a test holds them equal).
DROP VIEW IF EXISTS leaderboard_entries;
CREATE VIEW leaderboard_entries AS
  SELECT e.*, p.title AS paper_title,
         CASE WHEN e.ranked THEN rank() OVER (
           PARTITION BY e.metric_key, e.kind, e.board_unit, e.board_setting, e.board_hardware, e.board_baseline
           ORDER BY CASE WHEN e.better = 'lower' THEN e.rank_value ELSE -e.rank_value END) END AS rank
  FROM (
    SELECT DISTINCT ON (metric_key, kind, board_unit, board_setting, board_hardware, board_baseline, paper_id) *
    FROM board_claims
    WHERE confidence IS NULL OR confidence >= 0.5
    ORDER BY metric_key, kind, board_unit, board_setting, board_hardware, board_baseline, paper_id,
             CASE WHEN better = 'lower' THEN rank_value ELSE -rank_value END, id
  ) e
  JOIN papers p ON p.id = e.paper_id;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analyst') THEN
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst;
  END IF;
END
$$;
