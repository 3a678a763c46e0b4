import type { Socket } from 'node:net';
import { ERROR_CODES, errorMessage, type ErrorBody, type ErrorCode } from '@sealbridge/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../ids/index.ts';
import { sendError } from './error-handler.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Errors raised before any hook or route runs — a header block too large for Node's parser (431), a request line
 * too long (414), a malformed request or URL (400), a param beyond the router's limit (414), a client too slow
 * (408) — answered in the app's error format ({code, message, requestId}) with the same security headers as every
 * other answer (ASVS 13.4 / 3.4: no framework default pages). Fastify's defaults send bare JSON without them.
 */
export function earlyErrorOptions(options: { https: boolean }) {
  const headers = { ...securityHeaders(options), 'cache-control': 'no-store' };

  /** Node has not parsed the request: write the whole response on the socket, then close it. */
  function clientErrorHandler(
    error: Error & { code?: string; rawPacket?: { toString(encoding: 'latin1'): string } },
    socket: Socket,
  ): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    let code: ErrorCode = 'BAD_REQUEST';
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') code = 'REQUEST_TIMEOUT';
    else if (error.code === 'HPE_HEADER_OVERFLOW') {
      // Node counts the request line and the headers together: when the packet starts with a request line that is
      // itself over 4 KiB (or never ends), the URL is what overflowed.
      const raw = error.rawPacket?.toString('latin1') ?? '';
      const firstLine = raw.split('\r\n', 1)[0] ?? '';
      code = /^[A-Z]{3,8} \S/.test(raw) && firstLine.length > 4096 ? 'URI_TOO_LONG' : 'HEADERS_TOO_LARGE';
    } else if (error.code === 'HPE_URI_TOO_LONG') code = 'URI_TOO_LONG';
    const requestId = newId();
    const body: ErrorBody = { code, message: errorMessage(code, 'zh-CN'), requestId };
    const text = JSON.stringify(body);
    const status = ERROR_CODES[code].status;
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(text)}`,
      `x-request-id: ${requestId}`,
      'connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    if (socket.writable) socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
    else socket.destroy();
  }

  /** Router-level errors: there is a request and a reply, but no hook has run yet. */
  function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    const code: ErrorCode =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : error.code === 'FST_ERR_BAD_URL' ? 'BAD_REQUEST' : 'INTERNAL';
    void sendError(request, reply, code);
  }

  return { clientErrorHandler, frameworkErrors };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};
