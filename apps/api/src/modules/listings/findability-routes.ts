import type { FastifyInstance } from 'fastify';
import type { ListingsService } from './listings-service.ts';

/** Most URLs one sitemap file may hold (sitemaps.org). */
const SITEMAP_LIMIT = 50_000;
const PAGE_SIZE = 100;

const escapeXml = (value: string): string =>
  value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/**
 * What search engines may read: robots.txt (the public pages yes; accounts, the console and the API no) and a
 * sitemap of the public pages and of every published listing's teaser page — the same codes anyone can page
 * through on /listings, nothing more.
 */
export function findabilityRoutes(service: ListingsService, options: { publicUrl: string }) {
  const origin = new URL(options.publicUrl).origin;
  return async function register(app: FastifyInstance) {
    app.get('/robots.txt', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600');
      return [
        'User-agent: *',
        'Allow: /',
        'Disallow: /account/',
        'Disallow: /console/',
        'Disallow: /security/',
        'Disallow: /api/',
        '',
        `Sitemap: ${origin}/sitemap.xml`,
        '',
      ].join('\n');
    });

    app.get('/sitemap.xml', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const urls: { loc: string; lastmod?: string }[] = [
        { loc: '/' },
        { loc: '/listings' },
        { loc: '/privacy' },
        { loc: '/privacy/transparency' },
      ];
      for (let page = 1; urls.length < SITEMAP_LIMIT; page += 1) {
        const { items, total } = await service.listTeasers(page, PAGE_SIZE);
        for (const item of items) urls.push({ loc: `/listings/${encodeURIComponent(item.code)}`, lastmod: item.publishedAt.slice(0, 10) });
        if (items.length < PAGE_SIZE || page * PAGE_SIZE >= total) break;
      }
      reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600');
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...urls
          .slice(0, SITEMAP_LIMIT)
          .map(
            (u) => `  <url><loc>${escapeXml(origin + u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>`,
          ),
        '</urlset>',
        '',
      ].join('\n');
    });
  };
}
