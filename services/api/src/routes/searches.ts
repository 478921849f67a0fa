import { atomFeed, deleteSearch, feedPath, getSearch, listSearches, recentMatches, saveSearch, SearchExistsError } from '@claimflow/analyst';
import { ApiError, NoQuery, SavedSearchView, SaveSearchBody, SearchName, SearchNameParams, type SavedSearch } from '@claimflow/schemas';
import type { Store } from '@claimflow/store';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireBearer } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { HttpError } from '../errors.js';

/** Entries a feed holds: the newest matches; a reader polling it sees each once (stable ids). */
const FEED_ENTRIES = 50;

const view = (s: SavedSearch): SavedSearchView => ({
  name: s.name,
  filter: s.filter,
  createdAt: s.createdAt,
  feed: feedPath(s.name),
  webhook: s.webhookUrl != null,
  digest: s.email != null,
});
/** Where this API is, as the client reached it: the feed's links point back here. */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * Saved searches: any filter GET /api/claims takes, under a name. Reading
 * them is open like the other read routes (without where their alerts go);
 * saving and deleting need the API_TOKEN, as adding a batch does.
 */
export const searchesRoutes: FastifyPluginAsyncZod<Pick<ApiDeps, 'store' | 'config'>> = async (app, { store, config }) => {
  const writes = requireBearer(config.API_TOKEN, 'saving or deleting a search');

  app.get('/api/searches', {
    schema: { summary: 'Every saved search', tags: ['searches'], querystring: NoQuery, response: { 200: z.object({ searches: z.array(SavedSearchView) }), 400: ApiError } },
    handler: async () => ({ searches: (await listSearches(store.sql)).map(view) }),
  });

  app.get('/api/searches/:name', {
    schema: { summary: 'One saved search', tags: ['searches'], params: SearchNameParams, querystring: NoQuery, response: { 200: SavedSearchView, 400: ApiError, 404: ApiError } },
    handler: async (req) => view(await found(store, req.params.name)),
  });

  app.post('/api/searches', {
    schema: {
      summary: 'Save a claim filter under a name; new claims matching it go to its feed, webhook and digest',
      tags: ['searches'],
      body: SaveSearchBody,
      querystring: NoQuery,
      response: { 201: SavedSearchView, 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError },
    },
    onRequest: writes,
    handler: async (req, reply) => {
      try {
        const saved = await saveSearch(store.sql, req.body);
        return reply.code(201).header('location', `/api/searches/${encodeURIComponent(saved.name)}`).send(view(saved));
      } catch (err) {
        if (err instanceof SearchExistsError) throw new HttpError(409, err.message);
        throw err;
      }
    },
  });

  app.delete('/api/searches/:name', {
    schema: { summary: 'Delete a saved search (its alerts stop)', tags: ['searches'], params: SearchNameParams, querystring: NoQuery, response: { 204: z.null(), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } },
    onRequest: writes,
    handler: async (req, reply) => {
      if (!(await deleteSearch(store.sql, req.params.name))) throw new HttpError(404, `no saved search named "${req.params.name}"`);
      return reply.code(204).send(null);
    },
  });

  app.get('/feeds/:file', {
    schema: {
      summary: "A saved search's new claims as an Atom 1.0 feed",
      tags: ['searches'],
      params: z.object({ file: z.string().regex(/\.atom$/, 'a feed is NAME.atom').transform((f) => f.slice(0, -'.atom'.length)).pipe(SearchName) }).strict(),
      querystring: NoQuery,
      produces: ['application/atom+xml'],
      response: { 200: z.string().describe('Atom 1.0 (RFC 4287)'), 400: ApiError, 404: ApiError },
    },
    handler: async (req, reply) => {
      const search = await found(store, req.params.file);
      const claims = await recentMatches(store.sql, search, FEED_ENTRIES);
      return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(search, claims, baseUrl(req)));
    },
  });
};

async function found(store: Store, name: string): Promise<SavedSearch> {
  const search = await getSearch(store.sql, name);
  if (!search) throw new HttpError(404, `no saved search named "${name}": GET /api/searches lists them`);
  return search;
}
