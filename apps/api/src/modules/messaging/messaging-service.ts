import type { CallbackOutcome, CallbackStatus, CallbackWindow, MessageLane, TMessagesQuery } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { Actor } from '../vault/index.ts';
import { completeCallback, listCallbacks, requestCallback } from './callbacks.ts';
import { acknowledgeFlag, listFlags } from './contact-flags.ts';
import { createStreamHub, type StreamSink } from './message-stream.ts';
import { sendMessage, type SendInput } from './send-message.ts';
import type { MessagingContext } from './thread-access.ts';
import { eventsSince, listThreads, markRead, openThread, readMessages, threadSummary } from './threads.ts';

export type MessagingServiceDeps = Omit<MessagingContext, 'now'> & { now?: () => Date; heartbeatMs?: number };

/**
 * Messages (issue 13): threads per (listing, buyer), sealed messages with contact masking until L3, read receipts,
 * flags and call-back requests for the broker, and the live stream. Each operation lives in its own file; this
 * factory binds them to one context.
 */
export function createMessagingService(deps: MessagingServiceDeps) {
  const ctx: MessagingContext = { ...deps, now: deps.now ?? (() => new Date()) };
  const hub = createStreamHub({
    bus: deps.bus,
    presence: deps.presence,
    logger: deps.logger,
    ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}),
  });
  return {
    openThread: (p: Principal, listingId: string, requestId?: string) => openThread(ctx, p, listingId, requestId),
    listThreads: (p: Principal) => listThreads(ctx, p),
    thread: (p: Principal, threadId: string, requestId?: string) => threadSummary(ctx, p, threadId, requestId),
    messages: (p: Principal, threadId: string, query: TMessagesQuery, requestId?: string) =>
      readMessages(ctx, p, threadId, query, requestId),
    send: (p: Principal, threadId: string, input: SendInput, requestId?: string) => sendMessage(ctx, p, threadId, input, requestId),
    markRead: (p: Principal, threadId: string, lane: MessageLane, messageId: string, requestId?: string) =>
      markRead(ctx, p, threadId, lane, messageId, requestId),
    requestCallback: (p: Principal, threadId: string, window: CallbackWindow, requestId?: string) =>
      requestCallback(ctx, p, threadId, window, requestId),
    callbacks: (p: Principal, status: CallbackStatus) => listCallbacks(ctx, p, status),
    completeCallback: (p: Principal, id: string, outcome: CallbackOutcome, requestId?: string) =>
      completeCallback(ctx, p, id, outcome, requestId),
    flags: (p: Principal, status: 'open' | 'acknowledged') => listFlags(ctx, p, status),
    acknowledgeFlag: (p: Principal, id: string, requestId?: string) => acknowledgeFlag(ctx, p, id, requestId),

    /** The live stream of one signed-in account (the route adapts the HTTP response into a sink). */
    stream: {
      start: () => hub.start(),
      open: (p: Principal, sink: StreamSink, stillSignedIn: () => Promise<boolean>, lastEventId?: string) =>
        hub.open({
          accountId: p.accountId,
          sink,
          stillSignedIn,
          ...(lastEventId ? { replay: () => eventsSince(ctx, p, lastEventId) } : {}),
        }),
      size: () => hub.size(),
      closeAll: () => hub.closeAll(),
    },

    /** The vault subjects of an account's own words in every thread (its access log shows who read them). */
    subjectsOfAccount: (accountId: string) => deps.repo.subjectsOfAccount(accountId),

    /**
     * Crypto-shreds a thread (every party's subject in it): each message becomes unreadable, backups included. For the
     * retention job at the end of `deal_life_plus_3y`, and for erasure decided by the privacy officer.
     */
    async eraseThread(threadId: string, actor: Actor, reason: string, requestId?: string): Promise<boolean> {
      const thread = await deps.repo.findThread(threadId);
      if (!thread) throw new AppError('NOT_FOUND');
      if (thread.erased_at) return false;
      const subjects = (await deps.repo.partiesOfThread(threadId)).map((p) => p.subject_id).filter((s): s is string => s !== null);
      for (const subjectId of subjects) await deps.vault.eraseSubject(subjectId, actor, reason, requestId);
      await deps.repo.transaction(async (tx, trx) => {
        await tx.markErased(threadId, ctx.now().toISOString());
        await deps.audit.appendInTransaction(trx, {
          type: 'messaging.thread_erased',
          actor: { accountId: actor.accountId, role: actor.roles.join(',') || null, sessionId: actor.sessionId ?? null },
          decision: 'allowed',
          purpose: 'rights_request',
          requestId: requestId ?? null,
          data: { threadId, subjects: subjects.length },
        });
      });
      return true;
    },
  };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
