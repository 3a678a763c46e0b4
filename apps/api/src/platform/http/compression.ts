import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses the JSON of public API routes (brotli or gzip, from 1 KB): listing searches, teasers, regions, market
 * figures — what an anonymous visitor on a slow network waits for. Routes behind a session stay uncompressed: their
 * answers can carry secrets (CSRF token, TOTP secret, recovery codes, revealed fields) next to text the caller chose,
 * the pattern BREACH-style length attacks need. Static files are sent precompressed from the build (see web-app.ts);
 * request bodies are never decompressed. Register before any route.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.compress !== undefined) return;
    const isApi = route.url.startsWith('/api/');
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!isApi || permission !== 'public' || route.url.startsWith('/api/auth/')) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
  });
}
