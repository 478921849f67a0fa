-- A read-only role for analysts who query the store from psql.
-- The postgres image runs this once, with psql, when it creates the database.
-- Its password comes from ANALYST_PASSWORD if set; without one the role can
-- only log in where pg_hba trusts it (e.g. local development).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analyst') THEN
    CREATE ROLE analyst LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

\getenv analyst_password ANALYST_PASSWORD
\if :{?analyst_password}
ALTER ROLE analyst PASSWORD :'analyst_password';
\endif

-- Read-only by default, and no runaway query can hold the server.
ALTER ROLE analyst SET default_transaction_read_only = on;
ALTER ROLE analyst SET statement_timeout = '60s';

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO analyst', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst;
-- Tables and views the migrations create later (as the owner running this script).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO analyst;
