import { baselineBoard, claimFacets, leaderboard, listBaselines, listBoards } from '@claimflow/analyst';
import {
  ApiError, BaselineBoard, BaselineList, BaselineParams, BaselineQuery, BoardList, Facets, FilterOnlyQuery, Leaderboard, LeaderboardParams,
  LeaderboardQuery, LeaderboardsQuery,
} from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** What analysts compare: facets of any filter, leaderboards per canonical metric, rankings against a baseline. */
export const leaderboardsRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get('/api/facets', {
    schema: {
      summary: 'Counts of matching claims by kind, unit, metricKey, settingKey, baselineKey, qualifier and batch',
      description: 'Takes the filter of /api/claims (without sort and paging). Each facet is counted without its own filter.',
      tags: ['analysis'],
      querystring: FilterOnlyQuery,
      response: { 200: Facets, 400: ApiError },
    },
    handler: (req) => claimFacets(store.sql, req.query),
  });

  app.get('/api/leaderboards', {
    schema: {
      summary: 'Every leaderboard: canonical metric × kind × unit × dataset (× hardware for machine-measured metrics, × baseline for deltas), with how many papers each holds',
      description: 'Takes the filter of /api/claims (without sort and paging), minConfidence (boards default to 0.5), includeLowConfidence and minPapers. setting, hardware or baseline null: the claims that state none. The SQL view leaderboard_entries holds the same boards.',
      tags: ['analysis'],
      querystring: LeaderboardsQuery,
      response: { 200: BoardList, 400: ApiError },
    },
    handler: (req) => listBoards(store.sql, req.query),
  });

  app.get('/api/leaderboards/:metric', {
    schema: {
      summary: 'Papers ranked by their best claim on a comparable board, in its direction (higher accuracy, lower latency first)',
      description: 'One row per paper with the value and its qualifier, metric as written, setting, baseline, paper (title, year, links), confidence and evidence. Without setting, hardware, unit or kind: the board with the most papers; the others are listed as siblings. Deltas without baseline: every baseline\'s gains, listed and not ranked.',
      tags: ['analysis'],
      params: LeaderboardParams,
      querystring: LeaderboardQuery,
      response: { 200: Leaderboard, 400: ApiError },
    },
    handler: (req) => leaderboard(store.sql, req.params.metric, req.query),
  });

  app.get('/api/baselines', {
    schema: {
      summary: 'Canonical baselines, with how many claims and papers compare against each',
      tags: ['analysis'],
      querystring: FilterOnlyQuery,
      response: { 200: BaselineList, 400: ApiError },
    },
    handler: (req) => listBaselines(store.sql, req.query),
  });

  app.get('/api/baselines/:key', {
    schema: {
      summary: 'Every claim over one canonical baseline, ranked within each kind and unit',
      tags: ['analysis'],
      params: BaselineParams,
      querystring: BaselineQuery,
      response: { 200: BaselineBoard, 400: ApiError },
    },
    handler: (req) => baselineBoard(store.sql, req.params.key, req.query),
  });
};
