-- Files the ingest service took from its inbox folder, by content hash, so
-- each file is ingested once however often it is dropped in again.
CREATE TABLE inbox_files (
  sha256      text PRIMARY KEY,
  name        text NOT NULL,
  batch_id    text NOT NULL,
  status      text NOT NULL CHECK (status IN ('sending', 'sent')),
  received_at timestamptz NOT NULL DEFAULT now()
);
