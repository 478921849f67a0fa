import { correctedGold } from '@claimflow/analyst';
import { ApiError, Correction, CorrectionInput, CorrectionList, CorrectionParams, CorrectionsQuery, UndoInput } from '@claimflow/schemas';
import { CorrectionError, type Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireBearer } from '../auth.js';
import { HttpError } from '../errors.js';

const asHttp = (err: unknown): never => {
  if (err instanceof CorrectionError) throw new HttpError(err.status, err.message);
  throw err;
};

/** Analysts' corrections: list, make (write token), undo (write token), and the corrected papers as gold lines. */
export const correctionsRoutes: FastifyPluginAsyncZod<{ store: Store; token: string | undefined }> = async (app, { store, token }) => {
  app.get('/api/corrections', {
    schema: { summary: 'Corrections made by analysts, oldest first', tags: ['corrections'], querystring: CorrectionsQuery, response: { 200: CorrectionList, 400: ApiError } },
    handler: async (req) => ({ corrections: await store.corrections(req.query) }),
  });

  app.get('/api/corrections/gold.jsonl', {
    schema: {
      summary: "Every corrected paper's claims, as they stand corrected, in the contract's gold format (one JSON object per line)",
      tags: ['corrections'],
      produces: ['application/x-ndjson'],
      response: { 200: z.string() },
    },
    handler: async (_req, reply) => {
      const lines = await correctedGold(store.sql);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="corrections-gold.jsonl"')
        .send(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    },
  });

  app.post('/api/corrections', {
    onRequest: requireBearer(token, 'correcting claims'),
    schema: {
      summary: 'Mark a claim wrong, correct its kind, value, unit, metric, baseline or setting, or add a missed claim by its span',
      description: 'Needs Authorization: Bearer $API_TOKEN. Stored apart with who, when, why and the original; applied to every read and kept across reprocessing.',
      tags: ['corrections'],
      security: [{ bearer: [] }],
      body: CorrectionInput,
      response: { 201: Correction, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError },
    },
    handler: async (req, reply) => reply.code(201).send(await store.correct(req.body as never).catch(asHttp)),
  });

  app.post('/api/corrections/:id/undo', {
    onRequest: requireBearer(token, 'undoing corrections'),
    schema: {
      summary: 'Undo a correction: its claim is as the extractor stored it again',
      tags: ['corrections'],
      security: [{ bearer: [] }],
      params: CorrectionParams,
      body: UndoInput,
      response: { 200: Correction, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError },
    },
    handler: async (req) => store.undoCorrection(req.params.id, req.body.who).catch(asHttp),
  });
};
