-- Paper metadata as typed columns (issue 21): the input fields url, doi,
-- arxiv_id, published (or date, or year), venue, authors and categories (JSONL
-- keys, CSV columns) stay in papers.metadata as given, and are read from there
-- into generated columns, so every writer, every stored paper and `claims
-- reprocess` agree without code. Filters: year, venue, category.
SET LOCAL statement_timeout = 0;

-- One trimmed text field; null when missing, blank or not a string or number.
CREATE FUNCTION meta_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(j) IN ('string', 'number') THEN nullif(btrim(j #>> '{}'), '') END
$$;

-- A list: a JSON array of strings, or one string split at `sep` (a regular expression;
-- \x3b is a semicolon, which the migration runner would take for the statement's end).
CREATE FUNCTION meta_list(j jsonb, sep text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(j)
    WHEN 'array' THEN ARRAY(SELECT btrim(x) FROM jsonb_array_elements_text(j) AS x WHERE btrim(x) <> '')
    WHEN 'string' THEN ARRAY(SELECT btrim(x) FROM regexp_split_to_table(j #>> '{}', sep) AS x WHERE btrim(x) <> '')
    ELSE '{}'::text[] END
$$;

-- The ISO date prefix of a publication date ("2021-03-04", "2021-03", "2021"), from published, date or year.
CREATE FUNCTION meta_published(m jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substring(coalesce(meta_text(m -> 'published'), meta_text(m -> 'date'), meta_text(m -> 'year')) FROM '^(\d{4}(?:-\d{2}(?:-\d{2})?)?)')
$$;

ALTER TABLE papers
  ADD COLUMN url text GENERATED ALWAYS AS (meta_text(metadata -> 'url')) STORED,
  ADD COLUMN doi text GENERATED ALWAYS AS (meta_text(metadata -> 'doi')) STORED,
  -- harvested papers name it as the sources package does (arxivId); input files as the contract's columns do (arxiv_id)
  ADD COLUMN arxiv_id text GENERATED ALWAYS AS (meta_text(coalesce(metadata -> 'arxiv_id', metadata -> 'arxivId'))) STORED,
  ADD COLUMN published text GENERATED ALWAYS AS (meta_published(metadata)) STORED,
  ADD COLUMN year int GENERATED ALWAYS AS (substring(meta_published(metadata) FROM 1 FOR 4)::int) STORED,
  ADD COLUMN venue text GENERATED ALWAYS AS (meta_text(metadata -> 'venue')) STORED,
  -- "A. Smith; B. Jones", "A. Smith, B. Jones and C. Wu", or a JSON array
  ADD COLUMN authors text[] GENERATED ALWAYS AS (meta_list(metadata -> 'authors', '\s*\x3b\s*|\s*,\s*|\s+and\s+')) STORED,
  -- "cs.LG cs.CV", "cs.LG, cs.CV", or a JSON array
  ADD COLUMN categories text[] GENERATED ALWAYS AS (meta_list(metadata -> 'categories', '[\s,\x3b]+')) STORED;

CREATE INDEX papers_year_idx ON papers (year) WHERE year IS NOT NULL;
CREATE INDEX papers_venue_idx ON papers (lower(venue)) WHERE venue IS NOT NULL;
CREATE INDEX papers_categories_idx ON papers USING gin (categories);
-- (The analyst role reads new tables and columns through its default privileges: see analyst-role.ts.)
