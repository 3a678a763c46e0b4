import type { FastifyInstance } from 'fastify';

/**
 * One line per request: id, method, route pattern (never the raw URL, whose path or query may carry
 * identifiers), status and duration. Bodies and query strings are never logged.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
