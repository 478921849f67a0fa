-- Versions of a paper (issue 19): the same id with different text is the
-- paper's next version. `papers` and `claims` hold the current version, so
-- every query serves it unchanged; each earlier version is kept here whole,
-- with its claims as they were (one JSON object per claim, the columns of
-- claims that readers use), readable by `claims history ID` and
-- /api/papers/:id?version=N.
ALTER TABLE papers ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE paper_versions (
  paper_id          text NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version           integer NOT NULL,
  title             text NOT NULL,
  abstract          text NOT NULL,
  metadata          jsonb NOT NULL,
  extractor_version text NOT NULL,
  -- When this version was stored (first, or last re-read), and when a later one replaced it.
  stored_at         timestamptz NOT NULL,
  replaced_at       timestamptz NOT NULL DEFAULT now(),
  claims            jsonb NOT NULL,
  PRIMARY KEY (paper_id, version)
);

-- What each record of a batch was to the store: a new paper, the stored
-- paper unchanged, or an update (a new version). A batch's summary counts them.
ALTER TABLE batch_records ADD COLUMN outcome text CHECK (outcome IN ('new', 'unchanged', 'updated'));
