import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger/index.ts';

/**
 * One line per request: id, method, route pattern (never the raw URL, whose path or query may carry
 * identifiers), status and duration. Bodies and query strings are never logged.
 */
export function installRequestLog(app: FastifyInstance, logger: Logger): void {
  app.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
}
