import { newBatch, produceBatch, type PipelineQueues } from '@claimflow/queues';
import { checkRecord, parseText, type Format } from '@claimflow/readers';
import {
  AddBatchJson, AddBatchQuery, ApiError, BatchAccepted, BatchDetail, BatchList, formatRejection, IdParams,
  type RawRecord, type Rejection,
  NoQuery,
} from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireBearer } from '../auth.js';
import { DEFAULT_ADD_BATCH_RATE_LIMIT, DEFAULT_BODY_LIMIT, type ApiDeps } from '../deps.js';
import { HttpError } from '../errors.js';

/** Body content types POST /api/batches reads, and the reader format of each. */
const TEXT_FORMATS: Record<string, Format> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/jsonlines': 'jsonl',
};
const MAX_REJECTIONS_LISTED = 100;

type Options = Pick<ApiDeps, 'store' | 'queues' | 'config' | 'bodyLimit' | 'addBatchRateLimit'>;

/** The records of a request body, as the readers would read them from a file. */
function recordsOf(body: unknown, contentType: string): { records: RawRecord[]; file: string; name?: string } {
  const mime = contentType.split(';')[0].trim().toLowerCase();
  const format = TEXT_FORMATS[mime];
  if (format && typeof body === 'string') return { records: parseText(body, format), file: `request.${format}` };
  if (mime === 'application/json') {
    const parsed = AddBatchJson.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `body${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
    }
    return { records: parsed.data.records.map((record, i) => ({ line: i + 1, record })), file: 'request.json', name: parsed.data.name };
  }
  throw new HttpError(415, `unsupported content-type ${mime || '(none)'}: send application/json {records: [...]}, ${Object.keys(TEXT_FORMATS).join(', ')}`);
}

export const batchesRoutes: FastifyPluginAsyncZod<Options> = async (app, opts) => {
  const { store, queues, config } = opts;
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;

  // JSONL and CSV bodies arrive as text and go to the same readers as files (only in this plugin's scope).
  app.addContentTypeParser(Object.keys(TEXT_FORMATS), { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

  app.get('/api/batches', {
    schema: { summary: 'Every batch with its progress, newest first', tags: ['batches'], querystring: NoQuery, response: { 200: BatchList, 400: ApiError } },
    handler: async () => ({ batches: await store.batches() }),
  });

  app.get('/api/batches/:id', {
    schema: {
      summary: "A batch's progress and its rejected records",
      tags: ['batches'],
      params: IdParams,
      querystring: NoQuery,
      response: { 200: BatchDetail, 400: ApiError, 404: ApiError },
    },
    handler: async (req) => {
      const batch = await store.batch(req.params.id);
      if (!batch) throw new HttpError(404, `no batch with id ${JSON.stringify(req.params.id)}`);
      const rejections: Rejection[] = await store.rejections(batch.id);
      return { ...batch, rejections };
    },
  });

  app.post('/api/batches', {
    bodyLimit,
    // Rate limit first, so guessing the token is limited too; both run before the body is read.
    onRequest: [
      app.rateLimit({ max: opts.addBatchRateLimit ?? DEFAULT_ADD_BATCH_RATE_LIMIT, timeWindow: '1 minute' }),
      requireBearer(config.API_TOKEN, 'POST /api/batches'),
    ],
    schema: {
      summary: 'Add a batch of abstracts (JSON {records: [...]}, JSONL or CSV by content-type)',
      description:
        'Needs Authorization: Bearer $API_TOKEN. Records are checked as the CLI checks them; a body with no valid record is a 400 and adds nothing. ' +
        'Otherwise the batch is queued (202) and its progress is at GET /api/batches/{id}.',
      tags: ['batches'],
      security: [{ bearer: [] }],
      querystring: AddBatchQuery,
      response: { 202: BatchAccepted, 400: ApiError, 401: ApiError, 403: ApiError, 413: ApiError, 415: ApiError, 429: ApiError, 503: ApiError },
    },
    handler: async (req, reply) => {
      if (!queues) throw new HttpError(503, 'this server has no queues to add batches to');
      const { records, file, name } = recordsOf(req.body, req.headers['content-type'] ?? '');
      if (!records.length) throw new HttpError(400, 'body: holds no record');
      const rejections = records.flatMap((r) => {
        const checked = checkRecord(r, file);
        return 'rejection' in checked ? [checked.rejection] : [];
      });
      if (rejections.length === records.length) {
        const listed = rejections.slice(0, 5).map(formatRejection).join('; ');
        throw new HttpError(400, `body: no valid record (${rejections.length} rejected): ${listed}`);
      }
      const batch = newBatch(req.query.name ?? name ?? 'api');
      // No waiting for queue room: the body limit bounds what one request adds, and a request must not hang.
      await produceBatch(queues as PipelineQueues, batch, [{ file, records }], { chunkSize: config.CHUNK_SIZE, chunkBytes: config.CHUNK_BYTES, maxQueueDepth: 0 });
      return reply.code(202).send({
        batch,
        records: records.length,
        accepted: records.length - rejections.length,
        rejected: rejections.length,
        rejections: rejections.slice(0, MAX_REJECTIONS_LISTED).map(formatRejection),
      });
    },
  });
};
