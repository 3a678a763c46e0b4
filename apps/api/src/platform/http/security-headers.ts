import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects CSS-in-JS at run time; scripts stay strictly same-origin.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // A reviewer reads a proof of funds as a PDF the page made from the bytes it fetched (a blob: URL, never stored).
  "frame-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers OWASP's Secure Headers project recommends, computed once at start (not per request).
 * The CSP allows no inline script. HSTS only when the public URL is https. API responses are never cached.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const headers = securityHeaders(options);
  // /api/docs serves Swagger UI with its own hashed CSP; everything else gets ours.
  const { 'content-security-policy': csp, ...rest } = headers;
  // One hook for every fixed response header, including the request id (fewer hooks per request).
  const apiHeaders = { ...rest, 'content-security-policy': csp, 'cache-control': 'no-store' };
  const pageHeaders = { ...rest, 'content-security-policy': csp };
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    if (url.startsWith('/api/docs')) reply.headers({ ...rest, 'cache-control': 'no-store' });
    else reply.headers(url.startsWith('/api') ? apiHeaders : pageHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
}
