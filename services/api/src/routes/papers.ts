import { paperDetail, paperVersions } from '@claimflow/analyst';
import { ApiError, IdParams, PaperDetail, PaperQuery } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../errors.js';

export const papersRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get('/api/papers/:id', {
    schema: {
      summary: 'A paper: title, abstract, and its claims with their spans in the abstract; ?version=N for an earlier version',
      tags: ['papers'],
      params: IdParams,
      querystring: PaperQuery,
      response: { 200: PaperDetail, 400: ApiError, 404: ApiError },
    },
    handler: async (req) => {
      const paper = await paperDetail(store.sql, req.params.id, req.query.version);
      if (paper) return paper;
      const versions = req.query.version == null ? [] : await paperVersions(store.sql, req.params.id);
      if (!versions.length) throw new HttpError(404, `no paper with id ${JSON.stringify(req.params.id)}`);
      throw new HttpError(404, `paper ${JSON.stringify(req.params.id)} has no version ${req.query.version}: it has ${versions.map((v) => v.version).join(', ')}`);
    },
  });
};
