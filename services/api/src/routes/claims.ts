import { Readable } from 'node:stream';
import { exportChunks, iterateClaims, queryClaims } from '@claimflow/analyst';
import { ApiError, ClaimExportQuery, ClaimPage, ClaimQuery } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const EXPORT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' } as const;

/**
 * Streams an export. The first chunk is awaited before the headers go out,
 * so a query that fails at once is still an ordinary error response; after
 * that, rows flow page by page as the client reads them (backpressure), and
 * a client that hangs up stops the paging.
 */
async function streamExport(reply: FastifyReply, store: Store, query: ClaimExportQuery, format: keyof typeof EXPORT_TYPES) {
  const chunks = exportChunks(iterateClaims(store.sql, query), format);
  const first = await chunks.next();
  async function* rest() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  return reply
    .type(EXPORT_TYPES[format])
    .header('content-disposition', `attachment; filename="claims.${format}"`)
    .send(Readable.from(rest()));
}

export const claimsRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get('/api/claims', {
    schema: {
      summary: 'Claims matching a filter, one page at a time',
      description: 'Keyset pagination: pass nextCursor as cursor (with the same filter and sort) for the next page.',
      tags: ['claims'],
      querystring: ClaimQuery,
      response: { 200: ClaimPage, 400: ApiError },
    },
    handler: (req) => queryClaims(store.sql, req.query),
  });

  for (const format of ['csv', 'jsonl'] as const) {
    app.get(`/api/claims.${format}`, {
      schema: {
        summary: `Every claim matching a filter, streamed as ${format.toUpperCase()}`,
        description: 'Constant memory for any result size; `limit` optionally caps the number of claims.',
        tags: ['claims'],
        querystring: ClaimExportQuery,
        produces: [EXPORT_TYPES[format].split(';')[0]],
        response: {
          200: z.string().describe(format === 'csv' ? `CSV with a header row (${EXPORT_TYPES.csv}), one claim per line` : `one ClaimView JSON object per line (${EXPORT_TYPES.jsonl})`),
          400: ApiError,
        },
      },
      handler: (req, reply) => streamExport(reply, store, req.query, format),
    });
  }
};
