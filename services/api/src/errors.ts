import { BadQueryError } from '@claimflow/analyst';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error whose message is for the client, with its status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/**
 * One error shape for every route ({statusCode, error, message}). A bad
 * parameter is a 400 naming it; only a fault of ours is a 500, and its
 * details go to the log, not to the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (statusCode: number, message: string) =>
      reply.code(statusCode).send({ statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', message });

    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const message = err.validation
        .map((v) => `${v.instancePath.slice(1).replaceAll('/', '.') || where}: ${v.message}`)
        .join('; ');
      return send(400, message);
    }
    if (err instanceof BadQueryError) return send(400, err.message);
    if (err instanceof HttpError) return send(err.statusCode, err.message);
    const pgCode = (err as { code?: unknown }).code;
    // query_canceled: the statement timeout (STATEMENT_TIMEOUT_MS) stopped it.
    if (pgCode === '57014') return send(503, 'the query took too long and was cancelled; narrow the filter');
    // Class 22 (data exception): a value the database would not take, e.g. a forged cursor.
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) return send(400, `invalid parameter value (${err.message})`);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return send(err.statusCode, err.message);
    req.log.error({ err }, 'request failed');
    return send(500, 'internal error; see the server log');
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}
