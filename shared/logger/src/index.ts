import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * JSON logs on stderr (stdout belongs to command output such as `claims
 * extract`). Secrets never reach a log line: tokens and URLs with passwords
 * are redacted by path.
 */
export function createLogger(service: string, level: LoggerOptions['level'] = process.env.LOG_LEVEL || 'info'): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      redact: { paths: ['token', 'authorization', 'headers.authorization', 'config.API_TOKEN', 'config.ADMIN_TOKEN', 'config.DATABASE_URL'], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
