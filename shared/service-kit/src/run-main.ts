import { loadConfig, type Config } from '@claimflow/config';
import { createLogger, type Logger } from '@claimflow/logger';
import { createContext, type ServiceContext } from './context.js';
import { exitWithError } from './errors.js';
import { runServices, type Running } from './run-service.js';

export type ServiceStarter = (ctx: ServiceContext) => Running | Promise<Running>;

/**
 * What a service's main does: read config, connect, start, and run until
 * SIGTERM. An unreachable Redis or database ends it with one line saying
 * what to start, not a stack trace.
 */
export async function runMain(name: string, starters: ServiceStarter[], overrides: Partial<Config> = {}): Promise<void> {
  let log: Logger | undefined;
  try {
    const config = { ...loadConfig(), ...overrides };
    log = createLogger(name, config.LOG_LEVEL);
    const ctx = await createContext(config, log);
    const running = [];
    for (const start of starters) running.push(await start(ctx));
    await runServices(ctx, running);
    log.info('started');
  } catch (err) {
    exitWithError(err, log, { service: true });
  }
}
