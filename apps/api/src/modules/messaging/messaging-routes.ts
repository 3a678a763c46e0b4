import {
  ZCallbackDoneRequest,
  ZCallbackList,
  ZCallbackQueueQuery,
  ZCallbackRequest,
  ZCallbackView,
  ZFlagQueueQuery,
  ZMarkReadRequest,
  ZMaskingFlag,
  ZMaskingFlagList,
  ZMessagePage,
  ZMessagesQuery,
  ZMessageView,
  ZOpenThreadRequest,
  ZSendMessageRequest,
  ZThreadList,
  ZThreadSummary,
} from '@sealbridge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { MessagingService } from './messaging-service.ts';

export type MessagingRouteDeps = {
  service: MessagingService;
  /** Whether the request's session is still signed in (asked at every heartbeat of a live stream). */
  stillSignedIn: (request: FastifyRequest) => Promise<boolean>;
};

const principalOf = (p: unknown): Principal => {
  if (!p) throw new AppError('UNAUTHENTICATED');
  return p as Principal;
};
const byId = z.object({ id: z.string().min(1).max(64) });
/** Sending: a burst is fine, a flood is not (per account, after the guard resolved it). */
const sendLimit = {
  max: 60,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => `messages:${(request.principal as Principal | undefined)?.accountId ?? request.ip}`,
};

/** The HTTP surface of messages (contracts in `packages/contracts/src/messaging.ts`). */
export function messagingRoutes(deps: MessagingRouteDeps) {
  const { service } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const participate = { permission: 'messages.participate' as const };
    const moderate = { permission: 'messages.moderate' as const };

    r.get('/api/me/threads', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: 'My message threads (buyer, seller or broker), with lanes, unread counts and whether contacts are open',
        response: { 200: ZThreadList },
      },
      handler: async (request) => service.listThreads(principalOf(request.principal)),
    });
    r.post('/api/me/threads', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: 'Open the thread of my inquiry on a listing (buyers; idempotent)',
        body: ZOpenThreadRequest,
        response: { 200: ZThreadSummary },
      },
      handler: async (request) => service.openThread(principalOf(request.principal), request.body.listingId, String(request.id)),
    });
    r.get('/api/me/threads/:id', {
      config: participate,
      schema: { tags: ['messages'], summary: 'One of my threads', params: byId, response: { 200: ZThreadSummary } },
      handler: async (request) => service.thread(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.get('/api/me/threads/:id/messages', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: "A page of one lane: my own messages as written, others' masked until L3 (each read audited)",
        params: byId,
        querystring: ZMessagesQuery,
        response: { 200: ZMessagePage },
      },
      handler: async (request) => service.messages(principalOf(request.principal), request.params.id, request.query, String(request.id)),
    });
    r.post('/api/me/threads/:id/messages', {
      config: { ...participate, rateLimit: sendLimit },
      schema: {
        tags: ['messages'],
        summary: 'Send a message (sealed by the vault; contact details masked for others until L3, and I am told why)',
        params: byId,
        body: ZSendMessageRequest,
        response: { 200: ZMessageView },
      },
      handler: async (request) => service.send(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
    r.post('/api/me/threads/:id/read', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: 'Mark a lane read up to a message (read receipts)',
        params: byId,
        body: ZMarkReadRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.markRead(
          principalOf(request.principal),
          request.params.id,
          request.body.lane,
          request.body.messageId,
          String(request.id),
        );
        return reply.code(204).send(null);
      },
    });
    r.post('/api/me/threads/:id/callbacks', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: 'Ask the broker to arrange a call instead of exchanging numbers',
        params: byId,
        body: ZCallbackRequest,
        response: { 200: ZCallbackView },
      },
      handler: async (request) =>
        service.requestCallback(principalOf(request.principal), request.params.id, request.body.window, String(request.id)),
    });

    r.get('/api/broker/messages/flags', {
      config: moderate,
      schema: {
        tags: ['messages'],
        summary: 'Parties who kept sending contact details before L3 (kinds and counts only)',
        querystring: ZFlagQueueQuery,
        response: { 200: ZMaskingFlagList },
      },
      handler: async (request) => service.flags(principalOf(request.principal), request.query.status),
    });
    r.post('/api/broker/messages/flags/:id/acknowledge', {
      config: moderate,
      schema: { tags: ['messages'], summary: 'Mark a contact-details flag handled', params: byId, response: { 200: ZMaskingFlag } },
      handler: async (request) => service.acknowledgeFlag(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.get('/api/broker/messages/callbacks', {
      config: moderate,
      schema: {
        tags: ['messages'],
        summary: 'Call-back requests in the threads of my listings',
        querystring: ZCallbackQueueQuery,
        response: { 200: ZCallbackList },
      },
      handler: async (request) => service.callbacks(principalOf(request.principal), request.query.status),
    });
    r.post('/api/broker/messages/callbacks/:id/done', {
      config: moderate,
      schema: {
        tags: ['messages'],
        summary: 'Close a call-back request with its outcome',
        params: byId,
        body: ZCallbackDoneRequest,
        response: { 200: ZCallbackView },
      },
      handler: async (request) =>
        service.completeCallback(principalOf(request.principal), request.params.id, request.body.outcome, String(request.id)),
    });

    r.get('/api/me/messages/stream', {
      config: participate,
      schema: {
        tags: ['messages'],
        summary: 'Live updates (server-sent events; ids only, never text). Send Accept: text/event-stream; reconnect with Last-Event-ID',
      },
      handler: async (request, reply) => {
        const principal = principalOf(request.principal);
        if (!String(request.headers.accept ?? '').includes('text/event-stream')) throw new AppError('NOT_ACCEPTABLE', 'event stream only');
        const header = request.headers['last-event-id'];
        const lastEventId = typeof header === 'string' && header.length <= 64 ? header : undefined;
        // The response leaves Fastify's hands: the security headers set on this request are copied over.
        reply.hijack();
        const fixed = Object.entries(reply.getHeaders()).filter(
          (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
        );
        reply.raw.writeHead(200, {
          ...Object.fromEntries(fixed),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          // One stream per connection: when the stream ends (sign-out, shutdown) the connection goes with it.
          connection: 'close',
          'x-accel-buffering': 'no',
        });
        reply.raw.flushHeaders();
        // Ending a stream also drops its socket once the last bytes are out: a peer that vanished without closing
        // would otherwise hold the server's shutdown until the socket times out.
        const socket = reply.raw.socket;
        const sink = { write: (chunk: string) => void reply.raw.write(chunk), end: () => void reply.raw.end(() => socket?.destroy()) };
        const stream = await service.stream.open(principal, sink, () => deps.stillSignedIn(request), lastEventId);
        reply.raw.on('close', () => stream.close());
        if (reply.raw.destroyed) stream.close();
      },
    });
  };
}
