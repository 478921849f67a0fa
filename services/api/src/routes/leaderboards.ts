import {
  baselineBoard, baselineBoardTable, baselinesTable, boardsCache, boardsTable, claimFacets, facetsTable, leaderboard, leaderboardTable, listBaselines,
  tableCsv, type ViewTable,
} from '@claimflow/analyst';
import {
  ApiError, BaselineBoard, BaselineList, BaselineParams, BaselineQuery, BoardList, Facets, FilterOnlyQuery, Leaderboard, LeaderboardParams,
  LeaderboardQuery, LeaderboardsQuery,
} from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../errors.js';

const CSV = 'text/csv; charset=utf-8';

interface ViewRoute<R> {
  path: string;
  summary: string;
  description?: string;
  querystring: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType<R>;
  compute: (req: { query: any; params: any }) => Promise<R>;
  table: (r: R) => ViewTable;
  /** The download's file name, without extension. */
  file: (req: { params: any }) => string;
  /** A reason the view holds nothing to download (an unknown metric): 404 for the downloads, never an empty 200. */
  missing?: (r: R, req: { params: any }) => string | null;
}

const fileName = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'view';

/** A view at its path, and the same route with .csv and .json for download (a link on the page). */
function viewRoutes<R>(app: FastifyInstance, v: ViewRoute<R>): void {
  const base = { tags: ['analysis'], querystring: v.querystring, ...(v.params ? { params: v.params } : {}) };
  app.get(v.path, { schema: { ...base, summary: v.summary, description: v.description, response: { 200: v.response, 400: ApiError } } }, (req) => v.compute(req as never));
  for (const format of ['csv', 'json'] as const) {
    app.get(`${v.path}.${format}`, {
      schema: {
        ...base,
        summary: `${v.summary}, as a ${format.toUpperCase()} download`,
        produces: [format === 'csv' ? 'text/csv' : 'application/json'],
        response: { 200: format === 'csv' ? z.string().describe('CSV with a header row') : v.response, 400: ApiError, 404: ApiError },
      },
      handler: async (req, reply) => {
        const result = await v.compute(req as never);
        const missing = v.missing?.(result, req as never);
        if (missing) throw new HttpError(404, missing);
        reply.header('content-disposition', `attachment; filename="${fileName(v.file(req as never))}.${format}"`);
        if (format === 'json') return result;
        return reply.type(CSV).send(tableCsv(v.table(result)));
      },
    });
  }
}

/** What analysts compare: facets of any filter, leaderboards of comparable claims, rankings against a baseline; each also as CSV and JSON. */
export const leaderboardsRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  const boards = boardsCache(store.sql);
  viewRoutes(app, {
    path: '/api/facets',
    summary: 'Counts of matching claims by kind, unit, metricKey, settingKey, baselineKey, qualifier and batch',
    description: 'Takes the filter of /api/claims (without sort and paging). Each facet is counted without its own filter.',
    querystring: FilterOnlyQuery,
    response: Facets,
    compute: (req) => claimFacets(store.sql, req.query),
    table: facetsTable,
    file: () => 'facets',
  });

  viewRoutes(app, {
    path: '/api/leaderboards',
    summary: 'Every leaderboard: canonical metric × kind × unit × dataset (× hardware for machine-measured metrics, × baseline for deltas), with how many papers each holds',
    description: 'Takes the filter of /api/claims (without sort and paging), minConfidence (boards default to 0.5), includeLowConfidence and minPapers. setting, hardware or baseline null: the claims that state none. The SQL view leaderboard_entries holds the same boards.',
    querystring: LeaderboardsQuery,
    response: BoardList,
    compute: (req) => boards.get(req.query),
    table: boardsTable,
    file: () => 'leaderboards',
  });

  viewRoutes(app, {
    path: '/api/leaderboards/:metric',
    summary: 'Papers ranked by their best claim on a comparable board, in its direction (higher accuracy, lower latency first)',
    description: 'One row per paper with the value and its qualifier, metric as written, setting, baseline, paper (title, year, links), confidence and evidence. Without setting, hardware, unit or kind: the board with the most papers; the others are listed as siblings. Deltas without baseline: every baseline\'s gains, listed and not ranked.',
    params: LeaderboardParams,
    querystring: LeaderboardQuery,
    response: Leaderboard,
    compute: (req) => leaderboard(store.sql, req.params.metric, req.query),
    table: leaderboardTable,
    file: (req) => `leaderboard-${req.params.metric}`,
    missing: (lb, req) => (lb.board ? null : `no leaderboard for metric "${req.params.metric}" with these parameters; GET /api/leaderboards lists them`),
  });

  viewRoutes(app, {
    path: '/api/baselines',
    summary: 'Canonical baselines, with how many claims and papers compare against each',
    querystring: FilterOnlyQuery,
    response: BaselineList,
    compute: (req) => listBaselines(store.sql, req.query),
    table: baselinesTable,
    file: () => 'baselines',
  });

  viewRoutes(app, {
    path: '/api/baselines/:key',
    summary: 'Every claim over one canonical baseline, ranked within each kind and unit',
    params: BaselineParams,
    querystring: BaselineQuery,
    response: BaselineBoard,
    compute: (req) => baselineBoard(store.sql, req.params.key, req.query),
    table: baselineBoardTable,
    file: (req) => `baseline-${req.params.key}`,
    missing: (b, req) => (b.groups.length ? null : `no claim compares against baseline "${req.params.key}"; GET /api/baselines lists them`),
  });
};
