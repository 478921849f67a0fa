import { paperDetail } from '@claimflow/analyst';
import { ApiError, IdParams, NoQuery, PaperDetail } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../errors.js';

export const papersRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get('/api/papers/:id', {
    schema: {
      summary: 'A paper: title, abstract, and its claims with their spans in the abstract',
      tags: ['papers'],
      params: IdParams,
      querystring: NoQuery,
      response: { 200: PaperDetail, 400: ApiError, 404: ApiError },
    },
    handler: async (req) => {
      const paper = await paperDetail(store.sql, req.params.id);
      if (!paper) throw new HttpError(404, `no paper with id ${JSON.stringify(req.params.id)}`);
      return paper;
    },
  });
};
