import type { GrantLevel, MessageLane, ThreadRole } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { ActiveGrant, DisclosureAccess, ListingParties } from '../disclosure/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import type { Subject, Vault } from '../vault/index.ts';
import type { InquiryCheck, MessageBus, MessagingEvent, Presence } from './messaging-ports.ts';
import type { MessagingRepo, ThreadRow } from './messaging-repo.ts';
import { laneAccounts, roleIn } from './thread-rules.ts';

/** What every messaging operation may use: the narrowest capabilities that work. */
export type MessagingContext = {
  repo: MessagingRepo;
  /** Seal, and open through `reveal` only (own, for the party served, or a broker's masked read). Never maskFields. */
  vault: Pick<Vault, 'createSubject' | 'findSubject' | 'sealFields' | 'reveal' | 'eraseSubject'>;
  audit: AuditPort;
  disclosure: Pick<DisclosureAccess, 'activeGrant' | 'partiesOf' | 'buyerAlias'>;
  inquiries: InquiryCheck;
  notifications: NotificationsPort;
  bus: MessageBus;
  presence: Presence;
  logger: Logger;
  now: () => Date;
};

/** A participant's access to one thread, decided from the live parties; grants are read on demand, never cached. */
export type ThreadAccess = {
  thread: ThreadRow;
  parties: ListingParties;
  role: ThreadRole;
  buyerAlias: string;
  /** The buyer's grant at this level if it is active right now: asked of the disclosure port, once per request. */
  activeGrant: (level: GrantLevel) => Promise<ActiveGrant | null>;
  /** Whether that grant is active. */
  grant: (level: GrantLevel) => Promise<boolean>;
};

export const actorOf = (p: Principal): AuditActor => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });

/** Records a refused access and throws the answer that tells nothing about whether the thread exists. */
export async function refuse(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  reason: 'not_participant' | 'lane_closed' | 'not_in_lane',
  lane: MessageLane | null,
  requestId?: string,
): Promise<never> {
  await ctx.audit.append({
    type: 'messaging.access_refused',
    actor: actorOf(principal),
    decision: 'denied',
    requestId: requestId ?? null,
    data: { threadId, reason, lane },
  });
  if (reason === 'lane_closed') throw new AppError('LANE_CLOSED', "the parties lane opens with the buyer's L1 grant");
  if (reason === 'not_in_lane') throw new AppError('FORBIDDEN', 'not a member of this lane');
  throw new AppError('NOT_FOUND');
}

/** The access of a participant whose thread and parties are already loaded; null for anyone else. */
export function accessOf(ctx: MessagingContext, thread: ThreadRow, parties: ListingParties, accountId: string): ThreadAccess | null {
  const key = { listingId: thread.listing_id, buyerAccountId: thread.buyer_account_id };
  const role = roleIn(key, parties, accountId);
  if (!role || thread.erased_at) return null;
  const asked = new Map<GrantLevel, Promise<ActiveGrant | null>>();
  const activeGrant = (level: GrantLevel) => {
    let answer = asked.get(level);
    if (!answer) {
      answer = ctx.disclosure.activeGrant(thread.listing_id, thread.buyer_account_id, level);
      asked.set(level, answer);
    }
    return answer;
  };
  return {
    thread,
    parties,
    role,
    buyerAlias: ctx.disclosure.buyerAlias(thread.listing_id, thread.buyer_account_id),
    activeGrant,
    grant: async (level) => (await activeGrant(level)) !== null,
  };
}

/** The live parties of a thread's listing; the stored seller / broker columns follow them. */
export async function livePartiesOf(ctx: MessagingContext, thread: ThreadRow): Promise<ListingParties | null> {
  const parties = await ctx.disclosure.partiesOf(thread.listing_id);
  if (parties && (parties.sellerAccountId !== thread.seller_account_id || parties.brokerAccountId !== thread.broker_account_id)) {
    await ctx.repo.refreshParties(thread.id, parties.sellerAccountId, parties.brokerAccountId);
  }
  return parties;
}

/**
 * A participant's access to a thread, or NOT_FOUND — the same answer whether the thread does not exist or the caller
 * is not in it (a refusal of an existing thread is on the audit trail).
 */
export async function accessThread(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  requestId?: string,
): Promise<ThreadAccess> {
  const thread = await ctx.repo.findThread(threadId);
  const parties = thread ? await livePartiesOf(ctx, thread) : null;
  const access = thread && parties ? accessOf(ctx, thread, parties, principal.accountId) : null;
  if (!access) return refuse(ctx, principal, threadId, 'not_participant', null, requestId);
  return access;
}

/** The vault subject a participant's words in this thread are sealed under, created with their first message. */
export async function partySubject(ctx: MessagingContext, access: ThreadAccess, accountId: string): Promise<Subject> {
  const existing = await ctx.repo.findParty(access.thread.id, accountId);
  const found = existing?.subject_id ? await ctx.vault.findSubject(existing.subject_id) : undefined;
  if (found) {
    if (found.erased) throw new AppError('NOT_FOUND', 'thread erased');
    return { subjectId: found.subjectId, dekId: found.dekId };
  }
  const role = access.role;
  const created = await ctx.vault.createSubject(role === 'broker' ? 'staff' : 'customer');
  await ctx.repo.ensureParty({
    thread_id: access.thread.id,
    account_id: accountId,
    role,
    subject_id: null,
    created_at: ctx.now().toISOString(),
    notified_at: null,
  });
  if (await ctx.repo.setPartySubject(access.thread.id, accountId, created.subjectId)) return created;
  // A racing first message set it first: use that one (the key just made stays unused, which is harmless).
  const winner = await ctx.repo.findParty(access.thread.id, accountId);
  const subject = winner?.subject_id ? await ctx.vault.findSubject(winner.subject_id) : undefined;
  if (!subject || subject.erased) throw new AppError('CONFLICT', 'party subject unavailable');
  return { subjectId: subject.subjectId, dekId: subject.dekId };
}

/** The account ids of a lane's members now. */
export function membersOf(access: ThreadAccess, lane: MessageLane): string[] {
  return laneAccounts(lane, { listingId: access.thread.listing_id, buyerAccountId: access.thread.buyer_account_id }, access.parties);
}

/** Tells the instances; a lost event only delays a screen until its next fetch, so failures are logged, not thrown. */
export async function announce(ctx: MessagingContext, event: MessagingEvent): Promise<void> {
  await ctx.bus
    .publish(event)
    .catch((error: unknown) => ctx.logger.warn({ err: error, type: event.type }, 'messaging event not published'));
}
