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

/**
 * The queue dashboard's guard: ADMIN_TOKEN as a bearer token, or as the
 * password of HTTP Basic auth so a browser can open the page. Unset: the
 * dashboard is off.
 */
export function requireAdmin(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!expected) throw new HttpError(404, 'the queue dashboard is disabled: the server has no ADMIN_TOKEN');
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const basic = /^Basic\s+(\S+)\s*$/i.exec(header)?.[1];
    const given = bearer ?? (basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : undefined);
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      reply.header('www-authenticate', 'Basic realm="claimflow queues"');
      throw new HttpError(401, 'the queue dashboard needs ADMIN_TOKEN (Bearer, or as the Basic auth password)');
    }
  };
}
