-- The store: papers, the claims read from them, and the batches they came in.

CREATE TABLE papers (
  id                text PRIMARY KEY,
  title             text NOT NULL,
  abstract          text NOT NULL,
  metadata          jsonb NOT NULL DEFAULT '{}',
  extractor_version text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claims (
  id                text PRIMARY KEY,
  paper_id          text NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('speedup', 'efficiency', 'quality_delta', 'quality_value', 'measurement')),
  span_start        integer NOT NULL,
  span_end          integer NOT NULL,
  text              text NOT NULL,
  value             double precision,
  low               double precision,
  high              double precision,
  unit              text NOT NULL,
  qualifier         text NOT NULL,
  raw               jsonb NOT NULL,
  metric            text,
  baseline          text,
  setting           text,
  sentence          text,
  extractor_version text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- A single value or a range, as one interval: filters on value overlap it.
  value_min         double precision GENERATED ALWAYS AS (coalesce(low, value)) STORED,
  value_max         double precision GENERATED ALWAYS AS (coalesce(high, value)) STORED
);
CREATE INDEX claims_paper_idx ON claims (paper_id, span_start);
CREATE INDEX claims_kind_value_idx ON claims (kind, value_min, value_max);

CREATE TABLE batches (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  -- Records in the batch, known once the producer has read all of its input.
  total       integer,
  finished_at timestamptz
);

-- Which record of which batch became which paper: a batch's progress is a
-- count of these rows, so a redelivered chunk never counts twice.
CREATE TABLE batch_records (
  batch_id text NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  file     text NOT NULL,
  line     integer NOT NULL,
  paper_id text NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  PRIMARY KEY (batch_id, file, line)
);
CREATE INDEX batch_records_paper_idx ON batch_records (paper_id);

CREATE TABLE rejections (
  batch_id text NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  file     text NOT NULL,
  line     integer NOT NULL,
  field    text,
  reason   text NOT NULL,
  PRIMARY KEY (batch_id, file, line)
);
