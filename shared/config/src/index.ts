import { z } from 'zod';

/**
 * Every environment variable the services read, in one place. The compose
 * file is checked against `CONFIG_ENV_VARS` by a test, so a variable set there
 * that no code reads fails CI.
 */
const intFrom = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
/** `host:port,host:port`: the Redis sentinels or cluster nodes to start from. */
const hostPorts = z.string().regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'host:port,host:port,… expected');
/** A TCP port; 0 lets the OS choose (or, for HEALTH_PORT, turns it off). */
const portFrom = (fallback: number) => z.coerce.number().int().min(0).max(65535, 'a port is a number from 0 to 65535').default(fallback);

export const ConfigSchema = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /**
   * Redis beyond one node (see @claimflow/queues' connection.ts): sentinels
   * or cluster nodes; REDIS_URL then gives only the user, password, database
   * and `rediss://` (TLS) of the data nodes.
   */
  REDIS_SENTINELS: hostPorts.optional(),
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  REDIS_CLUSTER_NODES: hostPorts.optional(),
  /** Unset: the embedded PGlite store in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** BullMQ key prefix, so two pipelines can share one Redis; `{claimflow}` (one hash tag) keeps a queue in one slot of a cluster. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]*(\{[A-Za-z0-9_.-]+\})?[A-Za-z0-9_.-]*$/, 'letters, digits, _ . - and at most one {hash tag} only')
    .default('claimflow'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Port of a worker's health endpoint (/healthz, /readyz); 0 turns it off. */
  HEALTH_PORT: portFrom(0),
  /** Port the API listens on. */
  PORT: portFrom(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Jobs a worker processes at once. */
  CONCURRENCY: intFrom(2),
  /**
   * How long a worker's lock on a job lasts; a job whose worker died is
   * handed to another after about this long.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * Threads the extract worker extracts on; 0: its own thread. A separate
   * extractor process gains nothing from one (scale by processes); `claims
   * run`, where every stage and the embedded store share one thread, uses 1.
   */
  EXTRACT_THREADS: z.coerce.number().int().min(0).max(16).default(0),
  /** Records per ingest job: the unit of work that flows through the queues. */
  CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  /** Ingest waits while the extract queue holds more jobs than this. */
  MAX_QUEUE_DEPTH: intFrom(200),
  /** Bearer token for POST /api/batches; unset disables it. */
  API_TOKEN: z.string().min(1).optional(),
  /** Token for the queue dashboard; unset disables it. */
  ADMIN_TOKEN: z.string().min(1).optional(),
  /** Folder the ingest service watches for new files; unset: no inbox. */
  INBOX_DIR: z.string().optional(),
  /** Seconds a SQL statement may run before it is cancelled. */
  STATEMENT_TIMEOUT_MS: intFrom(5000),
  /** The read-only analyst role of `claims migrate --analyst-role NAME` (checked there: 8+ characters; unset, no password). */
  ANALYST_PASSWORD: z.string().optional(),
  /** That role's own statement timeout, in ms (checked there; default 60000). */
  ANALYST_STATEMENT_TIMEOUT_MS: z.string().optional(),
  /** The analyst role whose statements the API cancels once they outlast the role's statement_timeout (a session can SET its own); unset: none. */
  ANALYST_ROLE: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a role name (lower-case letters, digits and _)').optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_ENV_VARS = Object.keys(ConfigSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; a bad variable is named in the error. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    CONFIG_ENV_VARS.map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${issues}`);
  }
  return parsed.data;
}
