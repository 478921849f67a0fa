import { loadConfig, type Config } from '@claimflow/config';
import { createLogger } from '@claimflow/logger';
import { createContext, type ServiceContext } from '@claimflow/service-kit';

/**
 * The context a command runs in. Commands print for people on stdout, so
 * service logs stay at warn unless LOG_LEVEL asks for more.
 */
export async function cliContext(name: string, overrides: Partial<Config> = {}): Promise<ServiceContext> {
  const config = { ...loadConfig(), ...overrides };
  if (!process.env.LOG_LEVEL) config.LOG_LEVEL = 'warn';
  return createContext(config, createLogger(name, config.LOG_LEVEL));
}

export function describeStore(config: Config): string {
  return config.DATABASE_URL
    ? `PostgreSQL ${config.DATABASE_URL.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')}`
    : `embedded PGlite in ${config.DATA_DIR}`;
}
