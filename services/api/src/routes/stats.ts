import { StatsCache } from '@claimflow/analyst';
import { ApiError, Stats, StatsQuery } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const statsRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  // Per filter, until the next write commits: a reload of the page costs one trivial query.
  const cache = new StatsCache(store.sql);
  app.get('/api/stats', {
    schema: {
      summary: 'Counts by kind and unit, factor distributions, quality deltas by metric, top papers, claims per batch',
      description: 'Takes the claim filter of /api/claims (without sort and paging).',
      tags: ['stats'],
      querystring: StatsQuery,
      response: { 200: Stats, 400: ApiError },
    },
    handler: (req) => cache.get(req.query),
  });
};
