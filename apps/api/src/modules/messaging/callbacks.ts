import type { CallbackOutcome, CallbackStatus, CallbackWindow, TCallbackView } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { brokerThreads } from './contact-flags.ts';
import type { CallbackRow } from './messaging-repo.ts';
import { accessOf, accessThread, actorOf, announce, livePartiesOf, type MessagingContext, type ThreadAccess } from './thread-access.ts';

function view(row: CallbackRow, access: ThreadAccess): TCallbackView {
  return {
    id: row.id,
    threadId: row.thread_id,
    listingCode: access.thread.listing_code,
    buyerAlias: access.buyerAlias,
    requesterRole: row.requester_role,
    window: row.time_window,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.created_at,
    doneAt: row.done_at,
  };
}

/**
 * Instead of exchanging numbers, the buyer or the seller asks the broker to arrange a call. The broker calls using
 * contacts opened through the audited profile reveal (with a purpose), never through the thread. One open request
 * per party and thread; the request holds a time window from a closed list, no free text.
 */
export async function requestCallback(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  window: CallbackWindow,
  requestId?: string,
): Promise<TCallbackView> {
  const access = await accessThread(ctx, principal, threadId, requestId);
  if (access.role === 'broker') throw new AppError('FORBIDDEN', 'the broker answers call-back requests');
  const row: CallbackRow = {
    id: newId(),
    thread_id: threadId,
    requester_account_id: principal.accountId,
    requester_role: access.role,
    time_window: window,
    status: 'open',
    outcome: null,
    created_at: ctx.now().toISOString(),
    done_at: null,
    done_by: null,
  };
  await ctx.repo.transaction(async (tx, trx) => {
    if (!(await tx.insertCallback(row))) throw new AppError('CONFLICT', 'a call-back request is already open');
    await ctx.audit.appendInTransaction(trx, {
      type: 'messaging.callback_requested',
      actor: actorOf(principal),
      decision: 'allowed',
      requestId: requestId ?? null,
      data: { threadId, callbackId: row.id, requesterRole: access.role, window },
    });
  });
  const broker = access.parties.brokerAccountId;
  if (broker) {
    await announce(ctx, { id: newId(), type: 'callback', to: [broker, principal.accountId], threadId });
    await ctx.notifications
      .notify({
        accountId: broker,
        kind: 'messages_callback_requested',
        params: { code: access.thread.listing_code, alias: access.buyerAlias },
        link: '/console/messages',
      })
      .catch((error: unknown) => ctx.logger.warn({ err: error }, 'call-back notice not sent'));
  }
  return view(row, access);
}

/** The broker's queue: requests in the threads of the listings they serve now. */
export async function listCallbacks(
  ctx: MessagingContext,
  principal: Principal,
  status: CallbackStatus,
): Promise<{ items: TCallbackView[] }> {
  const threads = await brokerThreads(ctx, principal);
  const rows = await ctx.repo.callbacksOfThreads([...threads.keys()], status);
  return {
    items: rows.flatMap((r) => {
      const access = threads.get(r.thread_id);
      return access ? [view(r, access)] : [];
    }),
  };
}

/** The thread's broker closes a request with its outcome; the requester is told. */
export async function completeCallback(
  ctx: MessagingContext,
  principal: Principal,
  id: string,
  outcome: CallbackOutcome,
  requestId?: string,
): Promise<TCallbackView> {
  const row = await ctx.repo.findCallback(id);
  const thread = row ? await ctx.repo.findThread(row.thread_id) : undefined;
  const parties = thread ? await livePartiesOf(ctx, thread) : null;
  const access = thread && parties ? accessOf(ctx, thread, parties, principal.accountId) : null;
  if (!row || !access || access.role !== 'broker') throw new AppError('NOT_FOUND');
  const at = ctx.now().toISOString();
  await ctx.repo.transaction(async (tx, trx) => {
    if (!(await tx.completeCallback(id, outcome, principal.accountId, at))) throw new AppError('CONFLICT', 'request already closed');
    await ctx.audit.appendInTransaction(trx, {
      type: 'messaging.callback_done',
      actor: actorOf(principal),
      decision: 'allowed',
      requestId: requestId ?? null,
      data: { threadId: row.thread_id, callbackId: id, outcome },
    });
  });
  await announce(ctx, { id: newId(), type: 'callback', to: [row.requester_account_id, principal.accountId], threadId: row.thread_id });
  await ctx.notifications
    .notify({
      accountId: row.requester_account_id,
      kind: 'messages_callback_done',
      params: { code: access.thread.listing_code },
      link: `/account/messages/${row.thread_id}`,
    })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'call-back notice not sent'));
  return view({ ...row, status: 'done', outcome, done_at: at, done_by: principal.accountId }, access);
}
