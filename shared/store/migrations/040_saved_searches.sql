-- Saved searches (issue 20): a claim filter under a name, and how far its alerts have gone.
-- Each cursor is the (created_at, id) of the last claim handed on, as claims' keyset sorts use;
-- a new search starts at the moment it was saved, so only claims stored after it are news.
CREATE TABLE saved_searches (
  name          text PRIMARY KEY,
  filter        jsonb NOT NULL,
  webhook_url   text,
  email         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  notified_at   timestamptz NOT NULL DEFAULT now(),
  notified_id   text NOT NULL DEFAULT '',
  digested_at   timestamptz NOT NULL DEFAULT now(),
  digested_id   text NOT NULL DEFAULT ''
);
