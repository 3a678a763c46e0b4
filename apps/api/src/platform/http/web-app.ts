import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.ts';

/**
 * Serves the built web app: hashed assets cached for a year (precompressed brotli/gzip copies when the browser takes
 * them), index.html never cached, and index.html for
 * every non-API path so client-side routes survive a reload. Unknown /api paths get a JSON 404.
 */
export async function installWebApp(app: FastifyInstance, options: { distDir: string }): Promise<void> {
  const indexHtml = join(options.distDir, 'index.html');
  const built = existsSync(indexHtml);
  if (built) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      prefix: '/',
      wildcard: true,
      index: false,
      // dist/ holds a brotli and a gzip copy of every compressible file (written at build): sent as they are.
      preCompressed: true,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes(`${join(options.distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  if (built) {
    // The wildcard static route cannot serve "/" itself (index files are off so that every HTML answer
    // carries no-cache); the home page is the SPA shell like every other client route.
    app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return sendError(request, reply, 'ROUTE_NOT_FOUND');
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(request, reply, 'NOT_FOUND');
    // A missing hashed asset is a real 404: answering it with index.html would hide a broken deploy.
    if (request.url.startsWith('/assets/')) return sendError(request, reply, 'NOT_FOUND');
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
