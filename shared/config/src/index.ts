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

/** A date as the harvests take it. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD expected');
const optionalUrl = z.string().url().optional();

/** The source modules (shared/sources), by the name `claims harvest` and HARVEST_SOURCES use. */
export const SOURCE_NAMES = ['arxiv-oai', 'arxiv-search', 'hf-daily', 'openalex'] as const;
const SOURCE_NAME = `(?:${SOURCE_NAMES.join('|')})`;

/**
 * Following new papers (shared/sources, services/harvester). Nothing is
 * harvested unless HARVEST_SOURCES names a source: offline by default.
 */
const HARVEST_CONFIG = {
  /** Sources the harvester service runs on its schedule, comma-separated (SOURCE_NAMES); unset: none. */
  HARVEST_SOURCES: z
    .string()
    .regex(new RegExp(String.raw`^\s*${SOURCE_NAME}(\s*,\s*${SOURCE_NAME})*\s*$`), `a comma-separated list of ${SOURCE_NAMES.join(', ')} expected`)
    .optional(),
  /** The operator's e-mail address, sent to every source in the User-Agent (and OpenAlex's mailto): sources ask for one. */
  HARVEST_CONTACT: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'an e-mail address expected').optional(),
  /** Time between two scheduled harvests of a source. */
  HARVEST_EVERY_MS: z.coerce.number().int().min(1000).default(6 * 3600_000),
  /** The first harvest of a source starts this day (default: yesterday). */
  HARVEST_SINCE: day.optional(),
  /** Overrides every source's own minimum interval between requests (arXiv asks for 3000 ms): for tests against a local server. */
  HARVEST_MIN_INTERVAL_MS: z.coerce.number().int().nonnegative().optional(),
  /** Attempts after the first for a failed request; and the first backoff, doubled at each. */
  HARVEST_RETRIES: intFrom(4),
  HARVEST_BACKOFF_MS: intFrom(2000),
  HARVEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** What to harvest: the arXiv OAI set, the arXiv search query, OpenAlex filter terms. */
  ARXIV_OAI_SET: z.string().min(1).optional(),
  ARXIV_SEARCH_QUERY: z.string().min(1).optional(),
  OPENALEX_FILTER: z.string().min(1).optional(),
  /** Base URLs, for a mirror or a test's local server (default: each source's published one). */
  ARXIV_OAI_URL: optionalUrl,
  ARXIV_SEARCH_URL: optionalUrl,
  HF_PAPERS_URL: optionalUrl,
  OPENALEX_URL: optionalUrl,
};

/** Alerts on saved searches (shared/alerts, run by the harvester service). */
const ALERT_CONFIG = {
  /** How often new claims are matched against the saved searches with a webhook. */
  ALERT_CHECK_MS: z.coerce.number().int().min(100).default(60_000),
  /** Shared secret of the webhooks' HMAC-SHA256 signature (X-Claimflow-Signature); unset: deliveries are not signed. */
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** Attempts per webhook delivery before it is dead-lettered, and the first backoff (doubled at each). */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  /** smtp://user:password@host:port (smtps:// for TLS) for the daily digest; unset: no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL expected').optional(),
  DIGEST_FROM: z.string().min(3).default('claimflow <claimflow@localhost>'),
  /** When the digest goes out (cron, UTC). */
  DIGEST_CRON: z.string().min(9).default('0 7 * * *'),
  /** Where the API is reachable from outside, for the links in webhooks and digests. */
  PUBLIC_URL: z.string().url().default('http://localhost:8080'),
};

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
  /**
   * Bytes of record text per ingest job: a chunk is cut at CHUNK_SIZE records
   * or at this many bytes, whichever comes first, so a chunk of long abstracts
   * stays small enough for a worker under its heap cap (README, "Size limits").
   */
  CHUNK_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(512 * 1024),
  /**
   * Attempts a job gets for a failure that is not an outage (an outage of the
   * store or Redis spends none: the stage waits for it to come back).
   */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** First retry delay in ms; each next one doubles (with jitter). */
  JOB_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  /** While the store or Redis is unreachable, a stage tries again at most this often (ms; it starts at 500 and doubles). */
  OUTAGE_RETRY_MAX_MS: z.coerce.number().int().min(100).default(10_000),
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
  ...HARVEST_CONFIG,
  ...ALERT_CONFIG,
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
