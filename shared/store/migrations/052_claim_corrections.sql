-- Analysts' corrections (issue 21): a claim marked wrong, a claim's fields
-- corrected, or a claim the extractor missed added by its span. Each is kept
-- here with who, when, why and the claim as the extractor stored it, and is
-- applied to `claims` when made and again after every rewrite of its paper
-- (the writer, `claims reprocess`), so every read (API, CLI, exports, SQL
-- views) sees corrected claims. Undo restores the original.
SET LOCAL statement_timeout = 0;

CREATE TABLE claim_corrections (
  id bigserial PRIMARY KEY,
  paper_id text NOT NULL,
  -- The claim corrected; for 'add', the claim the correction made.
  claim_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('wrong', 'correct', 'add')),
  -- 'correct': the fields it sets; 'add': the whole claim.
  changes jsonb NOT NULL DEFAULT '{}',
  -- The claims row as the extractor stored it (null for 'add').
  original jsonb,
  who text NOT NULL,
  why text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by text,
  -- The extractor's claim changed (or went) since the correction was made: check it.
  stale boolean NOT NULL DEFAULT false
);
CREATE INDEX claim_corrections_active_idx ON claim_corrections (paper_id, id) WHERE undone_at IS NULL;

-- The active correction a claim shows (null: as extracted).
ALTER TABLE claims ADD COLUMN correction_id bigint;
-- (The analyst role reads new tables and columns through its default privileges: see analyst-role.ts.)
