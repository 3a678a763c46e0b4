import type { TLaneState, TMessagePage, TMessagesQuery, TThreadSummary } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { LaneActivity, ThreadRow } from './messaging-repo.ts';
import { renderMessages } from './render-messages.ts';
import {
  accessOf,
  accessThread,
  actorOf,
  announce,
  livePartiesOf,
  membersOf,
  refuse,
  type MessagingContext,
  type ThreadAccess,
} from './thread-access.ts';
import { LANE_MEMBERS, LANES_OF, mayRead, mayWrite } from './thread-rules.ts';

const LIST_LIMIT = 100;

async function summaryOf(
  ctx: MessagingContext,
  access: ThreadAccess,
  activity: readonly LaneActivity[],
  principal: Principal,
): Promise<TThreadSummary> {
  const l1 = await access.grant('L1');
  const l3 = l1 ? await access.grant('L3') : false;
  const callback = access.role === 'broker' ? undefined : await ctx.repo.openCallbackOf(access.thread.id, principal.accountId);
  const lanes: TLaneState[] = LANES_OF[access.role].map((lane) => {
    const readable = mayRead(access.role, lane, l1);
    const a = readable ? activity.find((x) => x.thread_id === access.thread.id && x.lane === lane) : undefined;
    return { lane, readable, open: mayWrite(access.role, lane, l1), unread: a?.unread ?? 0, lastMessageAt: a?.last_at ?? null };
  });
  return {
    id: access.thread.id,
    listingId: access.thread.listing_id,
    listingCode: access.thread.listing_code,
    buyerAlias: access.buyerAlias,
    myRole: access.role,
    lanes,
    contactsOpen: l3,
    openCallback: callback ? { id: callback.id, window: callback.time_window, createdAt: callback.created_at } : null,
    createdAt: access.thread.created_at,
  };
}

/** The caller's threads, each confirmed against the live parties of its listing (a stale index entry is dropped). */
async function accessesOf(ctx: MessagingContext, principal: Principal): Promise<ThreadAccess[]> {
  const rows = await ctx.repo.threadsOf(principal.accountId, LIST_LIMIT);
  const found = await Promise.all(
    rows.map(async (thread) => {
      const parties = await livePartiesOf(ctx, thread);
      return parties ? accessOf(ctx, thread, parties, principal.accountId) : null;
    }),
  );
  return found.filter((a): a is ThreadAccess => a !== null);
}

/**
 * A buyer opens the thread of their inquiry on a listing (idempotent). "No such listing", "not published" and "no
 * inquiry" get the same NOT_FOUND: that a company is for sale is the seller's secret.
 */
export async function openThread(
  ctx: MessagingContext,
  principal: Principal,
  listingId: string,
  requestId?: string,
): Promise<TThreadSummary> {
  if (principal.kind !== 'customer') throw new AppError('FORBIDDEN', 'threads are opened by buyers');
  const existing = await ctx.repo.findThreadOf(listingId, principal.accountId);
  if (existing) return threadSummary(ctx, principal, existing.id, requestId);
  const parties = await ctx.disclosure.partiesOf(listingId);
  if (!parties || parties.sellerAccountId === principal.accountId || !(await ctx.inquiries.hasInquiry(listingId, principal.accountId))) {
    throw new AppError('NOT_FOUND');
  }
  const thread: ThreadRow = {
    id: newId(),
    listing_id: listingId,
    listing_code: parties.listingCode,
    buyer_account_id: principal.accountId,
    seller_account_id: parties.sellerAccountId,
    broker_account_id: parties.brokerAccountId,
    created_at: ctx.now().toISOString(),
    erased_at: null,
  };
  const created = await ctx.repo
    .transaction(async (tx, trx) => {
      await tx.insertThread(thread);
      await ctx.audit.appendInTransaction(trx, {
        type: 'messaging.thread_opened',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { threadId: thread.id, listingId },
      });
      return true;
    })
    // A racing open of the same pair won the unique index: answer with that thread.
    .catch(async (error: unknown) => {
      if (await ctx.repo.findThreadOf(listingId, principal.accountId)) return false;
      throw error;
    });
  const id = created ? thread.id : ((await ctx.repo.findThreadOf(listingId, principal.accountId))?.id ?? thread.id);
  return threadSummary(ctx, principal, id, requestId);
}

export async function listThreads(ctx: MessagingContext, principal: Principal): Promise<{ items: TThreadSummary[] }> {
  const accesses = await accessesOf(ctx, principal);
  const activity = await ctx.repo.laneActivity(
    accesses.map((a) => a.thread.id),
    principal.accountId,
  );
  const items = await Promise.all(accesses.map((a) => summaryOf(ctx, a, activity, principal)));
  const latest = (t: TThreadSummary) =>
    t.lanes.reduce((max, l) => (l.lastMessageAt && l.lastMessageAt > max ? l.lastMessageAt : max), t.createdAt);
  return { items: items.sort((a, b) => latest(b).localeCompare(latest(a))) };
}

export async function threadSummary(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  requestId?: string,
): Promise<TThreadSummary> {
  const access = await accessThread(ctx, principal, threadId, requestId);
  return summaryOf(ctx, access, await ctx.repo.laneActivity([threadId], principal.accountId), principal);
}

/** A page of one lane, each message rendered for this reader with the grants as they are at this moment. */
export async function readMessages(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  query: TMessagesQuery,
  requestId?: string,
): Promise<TMessagePage> {
  const access = await accessThread(ctx, principal, threadId, requestId);
  const { lane } = query;
  if (!LANE_MEMBERS[lane].includes(access.role)) return refuse(ctx, principal, threadId, 'not_in_lane', lane, requestId);
  if (!mayRead(access.role, lane, lane === 'parties' ? await access.grant('L1') : true))
    return refuse(ctx, principal, threadId, 'lane_closed', lane, requestId);
  const l3 = lane === 'parties' && access.role !== 'broker' ? await access.activeGrant('L3') : null;
  const page = await ctx.repo.messages(threadId, lane, {
    ...(query.after ? { after: query.after } : {}),
    ...(query.before ? { before: query.before } : {}),
    limit: query.limit,
  });
  return { threadId, lane, items: await renderMessages(ctx, access, principal, page.rows, l3, requestId), hasMore: page.hasMore };
}

/** Moves the caller's read cursor of a lane to a message (forward only) and tells the lane (read receipts). */
export async function markRead(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  lane: TMessagesQuery['lane'],
  messageId: string,
  requestId?: string,
): Promise<void> {
  const access = await accessThread(ctx, principal, threadId, requestId);
  if (!LANE_MEMBERS[lane].includes(access.role)) return refuse(ctx, principal, threadId, 'not_in_lane', lane, requestId);
  if (!mayRead(access.role, lane, lane === 'parties' ? await access.grant('L1') : true))
    return refuse(ctx, principal, threadId, 'lane_closed', lane, requestId);
  const message = await ctx.repo.findMessage(threadId, messageId);
  if (!message || message.lane !== lane) throw new AppError('NOT_FOUND');
  await ctx.repo.markRead(threadId, principal.accountId, lane, messageId, ctx.now().toISOString());
  await announce(ctx, { id: newId(), type: 'read', to: membersOf(access, lane), threadId, lane, messageId });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Replays further back than the last event id by this much: ids made in one millisecond on two instances may interleave. */
const REPLAY_SLACK_MS = 2000;
const REPLAY_MAX_AGE_MS = 24 * 3600_000;
const REPLAY_LIMIT = 100;

/**
 * What a reconnecting stream missed since its Last-Event-ID: `message` events of the lanes the caller may read now
 * (a client fetches and de-duplicates), or `resync` when the gap is too old or too long to replay.
 */
export async function eventsSince(
  ctx: MessagingContext,
  principal: Principal,
  lastEventId: string,
): Promise<{ resync: boolean; events: { id: string; threadId: string; lane: string; messageId: string }[] }> {
  if (!UUID.test(lastEventId)) return { resync: true, events: [] };
  const ms = Number.parseInt(lastEventId.slice(0, 8) + lastEventId.slice(9, 13), 16);
  if (ctx.now().getTime() - ms > REPLAY_MAX_AGE_MS) return { resync: true, events: [] };
  const from = (ms - REPLAY_SLACK_MS).toString(16).padStart(12, '0');
  const cutoff = `${from.slice(0, 8)}-${from.slice(8)}-0000-0000-000000000000`;
  const accesses = await accessesOf(ctx, principal);
  const readable = new Map<string, Set<string>>();
  for (const a of accesses) {
    const l1 = await a.grant('L1');
    readable.set(a.thread.id, new Set(LANES_OF[a.role].filter((lane) => mayRead(a.role, lane, l1))));
  }
  const rows = await ctx.repo.messagesSince([...readable.keys()], cutoff, REPLAY_LIMIT + 1);
  if (rows.length > REPLAY_LIMIT) return { resync: true, events: [] };
  return {
    resync: false,
    events: rows
      .filter((r) => readable.get(r.thread_id)?.has(r.lane))
      .map((r) => ({ id: r.id, threadId: r.thread_id, lane: r.lane, messageId: r.id })),
  };
}
