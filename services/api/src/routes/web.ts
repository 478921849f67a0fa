import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** The web page built by Vite (dist/web), at /. Before a build, / says how to make one. */
export const webRoutes: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply.code(404).type('text/plain').send(`The web page is not built (no ${root}/index.html): run npm run build.`),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: 'index.html' });
};
