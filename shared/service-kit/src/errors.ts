import type { Logger } from '@claimflow/logger';
import { explainStoreError, withoutEmbeddedAdvice } from '@claimflow/store';

/** A problem with what the user asked for (a missing file, an unknown format): reported in one line. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A command line that cannot run (an unknown option, a bad value): one line, the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Errors whose message already says what is wrong and what to do. */
const KNOWN = new Set(['ConfigError', 'UnreachableError', 'StoreUnavailableError', 'InputError', 'UsageError']);

export function isUsageError(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === 'UsageError' || Boolean(e?.code?.startsWith('ERR_PARSE_ARGS'));
}

/**
 * One line for an error an operator can act on, or null for one that is a bug
 * (which keeps its stack). A taken port, a store that refuses or times out,
 * a folder that cannot be written: each says what to change.
 */
export function explainError(err: unknown, env: { DATABASE_URL?: string; STATEMENT_TIMEOUT_MS?: number } = {}): string | null {
  const e = err as NodeJS.ErrnoException & { port?: number; address?: string; syscall?: string };
  if (!e || typeof e !== 'object') return null;
  if (KNOWN.has(e.name) || isUsageError(e)) return oneLine(e.message);
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE') {
    return `port ${e.port} on ${e.address ?? 'all interfaces'} is already in use by another process: stop it, or choose another port (PORT or --port for the API, HEALTH_PORT or --health-port for a worker).`;
  }
  if (e.syscall === 'listen' && e.code === 'EACCES') {
    return `not allowed to listen on port ${e.port}: ports below 1024 need privileges; choose a port of 1024 or more.`;
  }
  if (e.code === 'ERR_SOCKET_BAD_PORT') return `${oneLine(e.message)}: a port is a number from 0 to 65535.`;
  if ((e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') && e.path) {
    return `cannot write ${e.path} (${e.code}): give this user (uid ${process.getuid?.() ?? '?'}) write access to it, or choose another folder.`;
  }
  const timeout = env.STATEMENT_TIMEOUT_MS ?? (Number(process.env.STATEMENT_TIMEOUT_MS) || 5000);
  const store = explainStoreError(err, env.DATABASE_URL || process.env.DATABASE_URL, timeout);
  return store;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Known failures (config, unreachable services, a taken port) are one line; anything else keeps its stack.
 * A service (a worker, the API) shares its store with other processes, so the embedded store is no advice for it.
 */
export function exitWithError(err: unknown, log?: Logger, opts: { service?: boolean } = {}): never {
  const explained = explainError(err);
  const known = explained && opts.service ? withoutEmbeddedAdvice(explained) : explained;
  log?.fatal({ err: known ?? err }, 'cannot start');
  process.stderr.write(`claims: ${known ?? ((err as Error)?.stack ?? String(err))}\n`);
  process.exit(isUsageError(err) ? 2 : 1);
}
