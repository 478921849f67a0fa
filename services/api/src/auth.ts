import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * An onRequest hook requiring `Authorization: Bearer <token>`. The digests
 * are compared in constant time (equal length whatever the input), so the
 * response time tells nothing about the token. Runs before the body is read.
 */
export function requireBearer(token: string | undefined, what: string) {
  const expected = token ? digest(token) : null;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!expected) throw new HttpError(403, `${what} is disabled: the server has no API_TOKEN`);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, `${what} needs the header Authorization: Bearer $API_TOKEN`);
    }
  };
}
