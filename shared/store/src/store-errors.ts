import { StoreUnavailableError } from './sql.js';

const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Where a DATABASE_URL points, without its password: `host:port/db as user`. */
function target(url: string): { server: string; database: string; user: string } {
  try {
    const u = new URL(url);
    return { server: `${u.hostname}:${u.port || 5432}`, database: decodeURIComponent(u.pathname.slice(1)) || 'postgres', user: decodeURIComponent(u.username) || 'postgres' };
  } catch {
    return { server: redact(url), database: '?', user: '?' };
  }
}

/**
 * Advice that fits a one-process command (`claims run`, `claims query`), not
 * a service sharing the store with others (a worker, the API):
 * `withoutEmbeddedAdvice` takes it out of a service's message.
 */
const EMBEDDED_ADVICE = ', or unset DATABASE_URL to use the embedded store';
export const withoutEmbeddedAdvice = (message: string) => message.split(EMBEDDED_ADVICE).join('').replace('Start it, fix DATABASE_URL', 'Start it or fix DATABASE_URL');

/**
 * One line saying what a PostgreSQL error means and what to do, from its
 * SQLSTATE or socket error code; null for an error that is not about the
 * store being reachable or usable (a bug, a bad query). The server's own
 * words are kept: they name the database or role.
 */
export function explainStoreError(err: unknown, url?: string, statementTimeoutMs?: number): string | null {
  const e = err as { code?: string; message?: string; errors?: { code?: string; message?: string }[] };
  // A host name with two addresses (localhost) fails as an AggregateError of both.
  const code = e?.code ?? e?.errors?.[0]?.code;
  const msg = e?.message || e?.errors?.[0]?.message || String(err);
  const where = url ? target(url) : null;
  switch (code) {
    case '3D000':
      return `PostgreSQL at ${where?.server ?? 'DATABASE_URL'} answers, but ${msg}: create it (createdb ${where?.database ?? 'NAME'}) or fix the database name in DATABASE_URL.`;
    case '28000':
      return `PostgreSQL at ${where?.server ?? 'DATABASE_URL'} refused the connection: ${msg}. Create the role or fix the user in DATABASE_URL.`;
    case '28P01':
      return `PostgreSQL at ${where?.server ?? 'DATABASE_URL'} refused the password: ${msg}. Fix the password in DATABASE_URL (user:password@host).`;
    case '57014':
      return `a store query ran longer than STATEMENT_TIMEOUT_MS${statementTimeoutMs ? ` (${statementTimeoutMs} ms)` : ''} and was cancelled: the database is busy or locked; raise STATEMENT_TIMEOUT_MS or narrow the query.`;
    case '53300':
      return `PostgreSQL has no free connection (${msg}): stop some clients or raise max_connections.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return `PostgreSQL is not answering at ${url ? redact(url) : 'DATABASE_URL'} (${msg}). Start it, fix DATABASE_URL${EMBEDDED_ADVICE}.`;
  }
  if (/does not support SSL|SSL/i.test(msg) && url) {
    return `PostgreSQL at ${target(url).server}: ${msg}. Set sslmode in DATABASE_URL to match the server (sslmode=require for TLS, none for a plain local server).`;
  }
  if (/Connection terminated|timeout expired/i.test(msg)) {
    return `PostgreSQL is not answering at ${url ? redact(url) : 'DATABASE_URL'} (${msg}). Start it, fix DATABASE_URL${EMBEDDED_ADVICE}.`;
  }
  return null;
}

/** The error a failed connection becomes: one line, still a StoreUnavailableError. */
export function storeConnectError(err: unknown, url: string): StoreUnavailableError {
  return new StoreUnavailableError(
    explainStoreError(err, url) ??
      `PostgreSQL at ${redact(url)} cannot be used (${(err as Error).message}). Fix DATABASE_URL${EMBEDDED_ADVICE}.`,
  );
}
