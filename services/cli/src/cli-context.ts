import { ConfigSchema, loadConfig, type Config } from '@claimflow/config';
import { createLogger } from '@claimflow/logger';
import { createContext, UsageError, type ServiceContext } from '@claimflow/service-kit';

/**
 * The context a command runs in. Commands print for people on stdout, so
 * service logs stay at warn unless LOG_LEVEL asks for more.
 */
export async function cliContext(name: string, overrides: Partial<Config> = {}, opts: { readOnlyStore?: boolean } = {}): Promise<ServiceContext> {
  const config = { ...loadConfig(), ...overrides };
  if (!process.env.LOG_LEVEL) config.LOG_LEVEL = 'warn';
  return createContext(config, createLogger(name, config.LOG_LEVEL), opts);
}

/** `--prefix P`: look at another pipeline's queues (a running `claims run` prints its prefix). */
export function prefixOverride(prefix: string | undefined): Partial<Config> {
  if (prefix == null) return {};
  const parsed = ConfigSchema.shape.QUEUE_PREFIX.safeParse(prefix);
  if (!parsed.success) throw new UsageError(`--prefix: ${parsed.error.issues[0].message}`);
  return { QUEUE_PREFIX: parsed.data };
}

export function describeStore(config: Config): string {
  return config.DATABASE_URL
    ? `PostgreSQL ${config.DATABASE_URL.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')}`
    : `embedded PGlite in ${config.DATA_DIR}`;
}
