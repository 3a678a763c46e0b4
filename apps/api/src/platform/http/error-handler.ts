import { ERROR_CODES, errorMessage, pickLocale, type ErrorBody, type ErrorCode } from '@sealbridge/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';

/** Fastify's own error codes that are the client's fault, mapped onto our closed enum. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: Record<string, unknown>): FastifyReply {
  const body: ErrorBody = {
    code,
    message: errorMessage(code, pickLocale(request.headers['accept-language'])),
    requestId: String(request.id),
    ...(details ? { details } : {}),
  };
  // Error bodies bypass the response schemas on purpose: their shape is fixed here.
  return reply.code(ERROR_CODES[code].status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** The one error handler: every failure becomes {code, message, requestId, details}. */
export function installErrorHandler(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      if (ERROR_CODES[error.code].status >= 500) logger.error({ err: error, reqId: request.id }, 'request failed');
      return sendError(request, reply, error.code, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        location: error.validationContext ?? 'body',
        message: v.message ?? 'invalid',
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', { issues });
    }
    if (isResponseSerializationError(error)) {
      logger.error({ err: error, reqId: request.id, route: request.routeOptions.url }, 'response did not match its schema');
      return sendError(request, reply, 'INTERNAL');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'BAD_REQUEST');
    }
    logger.error({ err: error, reqId: request.id, route: request.routeOptions.url }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
