import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler.ts';

/** A server-rendered public page: its <title>, meta description and the HTML that goes inside <div id="root">. */
export type PrerenderedPage = { title: string; description: string; html: string };
/** Renders the public page at a path, or null for every other path (served the plain SPA shell). */
export type Prerender = (pathname: string, query: URLSearchParams) => Promise<PrerenderedPage | null>;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const attr = (value: string): string =>
  value.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

/**
 * The entry's stylesheet (global.css and the server-rendered pages' CSS, a few KB) inlined into the shell: a phone
 * paints the page after one round trip instead of two. The CSP allows inline styles ('unsafe-inline' for antd).
 */
export function inlineStylesheets(shell: string, distDir: string): string {
  return shell.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, path: string) => {
    const file = join(distDir, path);
    return existsSync(file) ? `<style>${readFileSync(file, 'utf8').replaceAll('</', '<\\/')}</style>` : tag;
  });
}

/** index.html with a page's title, description and content in place; the marker tells the SPA it may wait. */
export function fillShell(shell: string, page: PrerenderedPage): string {
  return shell
    .replace(/<title>[^<]*<\/title>/, () => `<title>${attr(page.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"/, () => `<meta name="description" content="${attr(page.description)}"`)
    .replace('<div id="root"></div>', () => `<div id="root" data-prerendered="">${page.html}</div>`);
}

/**
 * Serves the built web app: hashed assets cached for a year (precompressed brotli/gzip copies when the browser takes
 * them), index.html never cached, and index.html for
 * every non-API path so client-side routes survive a reload. Unknown /api paths get a JSON 404.
 */
export async function installWebApp(app: FastifyInstance, options: { distDir: string; prerender?: Prerender }): Promise<void> {
  const indexHtml = join(options.distDir, 'index.html');
  const built = existsSync(indexHtml);
  let shell: string | undefined;

  /**
   * The SPA shell, with the page's content already in it for the public pages (options.prerender). The HTML is the
   * same for every visitor (public teasers only, no session data), so compressing it leaks nothing.
   */
  async function sendShell(request: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-cache');
    const url = new URL(request.url, 'http://local');
    let page: PrerenderedPage | null = null;
    if (options.prerender) {
      try {
        page = await options.prerender(url.pathname, url.searchParams);
      } catch (error) {
        request.log.warn({ err: error, path: url.pathname }, 'prerender failed; sending the plain shell');
      }
    }
    if (!page) return reply.sendFile('index.html');
    shell ??= inlineStylesheets(readFileSync(indexHtml, 'utf8'), options.distDir);
    const body = Buffer.from(fillShell(shell, page));
    reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepted)) {
      reply.header('content-encoding', 'br');
      return reply.send(await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    }
    if (/\bgzip\b/.test(accepted)) {
      reply.header('content-encoding', 'gzip');
      return reply.send(await gzipAsync(body));
    }
    return reply.send(body);
  }
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
    app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, sendShell);
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
    return sendShell(request, reply);
  });
}
