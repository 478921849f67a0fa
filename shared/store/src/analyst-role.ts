import type { Sql } from './sql.js';

/** A PostgreSQL role name this command creates: lower case, digits and underscores, as unquoted SQL names are. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AnalystRoleOptions {
  name: string;
  /** From the environment (ANALYST_PASSWORD); null: no password, the role logs in only where pg_hba trusts it. */
  password: string | null;
  /** The role's own statement_timeout: an analyst's query may run longer than a service's, never forever. */
  statementTimeoutMs: number;
}

/**
 * Creates (or updates) a read-only login role for analysts' SQL: SELECT on
 * every table and view, now and as later migrations create them, read-only
 * transactions, and its own statement timeout. Names and the password reach
 * SQL quoted by PostgreSQL's format() (%I, %L), never spliced in here.
 */
export async function ensureAnalystRole(sql: Sql, opts: AnalystRoleOptions): Promise<'created' | 'updated'> {
  if (sql.kind !== 'postgres') throw new Error('an analyst role needs PostgreSQL (set DATABASE_URL); the embedded store has no roles');
  if (!ROLE_NAME.test(opts.name)) throw new Error(`--analyst-role: "${opts.name}" is not a role name (lower-case letters, digits and _, starting with a letter or _)`);
  if (!Number.isInteger(opts.statementTimeoutMs) || opts.statementTimeoutMs < 1) throw new Error('the analyst statement timeout must be a positive number of milliseconds');
  return sql.transaction(async (tx) => {
    const exec = async (template: string, ...args: (string | number)[]) => {
      const placeholders = args.map((_, i) => `$${i + 1}::text`).join(', ');
      const [{ q }] = await tx.query<{ q: string }>(`SELECT format('${template}'${args.length ? `, ${placeholders}` : ''}) AS q`, args.map(String));
      await tx.query(q);
    };
    const [exists] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1', [opts.name]);
    if (!exists.n) await exec('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', opts.name);
    if (opts.password != null) await exec('ALTER ROLE %I PASSWORD %L', opts.name, opts.password);
    await exec('ALTER ROLE %I SET default_transaction_read_only = on', opts.name);
    await exec('ALTER ROLE %I SET statement_timeout = %L', opts.name, `${opts.statementTimeoutMs}ms`);
    const [{ db }] = await tx.query<{ db: string }>('SELECT current_database() AS db');
    await exec('GRANT CONNECT ON DATABASE %I TO %I', db, opts.name);
    await exec('GRANT USAGE ON SCHEMA public TO %I', opts.name);
    await exec('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', opts.name);
    // Tables and views that later migrations create, as the role running them (this one).
    await exec('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO %I', opts.name);
    return exists.n ? 'updated' : 'created';
  });
}

/**
 * The role's password and timeout, from the environment only (a password
 * never goes on a command line or into a file): ANALYST_PASSWORD (at least 8
 * characters; unset: none) and ANALYST_STATEMENT_TIMEOUT_MS (default 60000).
 */
export function analystRoleEnv(env: NodeJS.ProcessEnv): Pick<AnalystRoleOptions, 'password' | 'statementTimeoutMs'> {
  const password = env.ANALYST_PASSWORD || null; // empty, as compose passes an unset variable: no password
  if (password != null && password.length < 8) throw new Error('ANALYST_PASSWORD: must be at least 8 characters');
  const raw = env.ANALYST_STATEMENT_TIMEOUT_MS?.trim();
  const statementTimeoutMs = raw ? Number(raw) : 60_000;
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 1) throw new Error(`ANALYST_STATEMENT_TIMEOUT_MS: must be a positive integer of milliseconds (got ${JSON.stringify(raw)})`);
  return { password, statementTimeoutMs };
}

/**
 * PostgreSQL lets any role SET its own statement_timeout (a user-context
 * setting: no grant or role option forbids it; only an extension loaded into
 * the server could). So the limit is also enforced from outside: this cancels
 * every statement of `role` that has run longer than the statement_timeout
 * set on the role (`ALTER ROLE ... SET`, as ensureAnalystRole does), whatever
 * the session set for itself. The API runs it every few seconds when
 * ANALYST_ROLE is set; the connecting user must be a superuser or a member of
 * pg_signal_backend. Returns the pids it cancelled.
 */
export async function cancelOverdueAnalystQueries(sql: Sql, role: string): Promise<number[]> {
  if (sql.kind !== 'postgres') return [];
  const rows = await sql.query<{ pid: number }>(
    `WITH limit_ AS (
       SELECT split_part(c, '=', 2) AS timeout
       FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole CROSS JOIN LATERAL unnest(s.setconfig) AS c
       WHERE r.rolname = $1 AND s.setdatabase = 0 AND c LIKE 'statement_timeout=%'),
     overdue AS MATERIALIZED (
       SELECT a.pid FROM pg_stat_activity a, limit_ l
       WHERE a.usename = $1 AND a.state = 'active' AND a.pid <> pg_backend_pid()
         AND l.timeout ~ '^[0-9]+ms$' AND l.timeout <> '0ms'
         AND clock_timestamp() - a.query_start > replace(l.timeout, 'ms', ' milliseconds')::interval)
     -- Chosen first, signalled after: the cancel runs only on the rows chosen.
     SELECT pid FROM overdue WHERE pg_cancel_backend(pid)`,
    [role],
  );
  return rows.map((r) => r.pid);
}
