import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../domain/errors.js';

/**
 * Where `npm run build` put the dashboard: beside the compiled server (dist/dashboard, when it
 * runs from dist/), or in dist/ of the checkout (when it runs from src/, as in tests and `npm run dev`).
 */
function findDashboardBuild(): string | null {
  const candidates = ['../../dashboard/', '../../../dist/dashboard/'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(`${dir}index.html`)) ?? null;
}

const NOT_BUILT = `<!doctype html><title>Vouch dashboard</title>
<p>The dashboard has not been built. Run <code>npm run build</code> (npm install does it) and start Vouch again.</p>`;

/**
 * The dashboard at /dashboard/: its built files, and index.html for every other path under it
 * (the page routes in the browser). Assets carry a content hash in their names, so they are
 * cached for good; index.html is always asked for again.
 */
export async function registerDashboardAssets(app: FastifyInstance, dir?: string): Promise<void> {
  const root = dir === undefined ? findDashboardBuild() : `${dir.replace(/\/$/, '')}/`;
  // Dashboard API paths that name nothing answer as the API does, never with the page.
  app.all('/dashboard/api/*', { schema: { hide: true } }, async () => {
    throw new AppError('not_found', { details: 'No such dashboard API route' });
  });
  // The router ignores a trailing slash, so this route answers /dashboard/ too: only the bare path moves.
  app.get('/dashboard', { schema: { hide: true } }, (request, reply) =>
    request.url.startsWith('/dashboard/') ? sendPage(reply, root) : reply.redirect('/dashboard/'),
  );
  if (!root) {
    app.get('/dashboard/*', { schema: { hide: true } }, (_request, reply) => sendPage(reply, root));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/dashboard/',
    wildcard: false,
    index: false,
    schemaHide: true,
    setHeaders: (response, path) => {
      const immutable = path.includes('/assets/');
      response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/dashboard/*', { schema: { hide: true } }, (_request, reply) => sendPage(reply, root));
}

function sendPage(reply: FastifyReply, root: string | null) {
  if (!root) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html', root, { cacheControl: false });
}
