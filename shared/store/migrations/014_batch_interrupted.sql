-- A batch whose `claims run` was stopped by a signal before it was done: it
-- will not finish by itself, and `claims status` says so instead of "running".
ALTER TABLE batches ADD COLUMN interrupted_at timestamptz;
