import { MASKED_KINDS, type MaskedKind, type TMaskingFlag } from '@sealbridge/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { KindCounts } from './message-masking.ts';
import type { FlagRow, MessagingRepo } from './messaging-repo.ts';
import { accessOf, actorOf, announce, livePartiesOf, type MessagingContext, type ThreadAccess } from './thread-access.ts';

/** Identifiers sent to the other party before L3, within a day, by one party in one thread, that raise a flag. */
export const FLAG_RULE = { identifiers: 3, windowMs: 24 * 3600_000 };

export type FlagOutcome = { flagId: string; created: boolean; attempts: number };

const kindsList = (counts: KindCounts) =>
  MASKED_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((kind) => ({ kind, count: counts[kind] ?? 0 }));

/**
 * After a contact attempt is stored (same transaction): counts the party's masked identifiers since the later of a
 * day ago and the broker's last acknowledgement, and opens — or updates — the one open flag once they reach the
 * rule. The flag and its audit record hold kinds and counts, never the values.
 */
export async function evaluateFlag(
  ctx: MessagingContext,
  tx: MessagingRepo,
  trx: Transaction<Database>,
  access: ThreadAccess,
  principal: Principal,
  at: Date,
  requestId?: string,
): Promise<FlagOutcome | null> {
  const threadId = access.thread.id;
  const acknowledged = await tx.lastAcknowledgedAt(threadId, principal.accountId);
  const dayAgo = new Date(at.getTime() - FLAG_RULE.windowMs).toISOString();
  const since = acknowledged && acknowledged > dayAgo ? acknowledged : dayAgo;
  const counts: KindCounts = {};
  let attempts = 0;
  let firstAt = at.toISOString();
  for (const row of await tx.attemptsSince(threadId, principal.accountId, since)) {
    if (row.created_at < firstAt) firstAt = row.created_at;
    for (const [kind, n] of Object.entries(JSON.parse(row.masked_kinds ?? '{}') as Record<string, number>)) {
      counts[kind as MaskedKind] = (counts[kind as MaskedKind] ?? 0) + n;
      attempts += n;
    }
  }
  if (attempts < FLAG_RULE.identifiers) return null;
  const existing = async (): Promise<FlagOutcome | null> => {
    const open = await tx.openFlagOf(threadId, principal.accountId);
    if (!open) return null;
    await tx.updateFlagCounts(open.id, attempts, JSON.stringify(counts), at.toISOString());
    return { flagId: open.id, created: false, attempts };
  };
  const updated = await existing();
  if (updated) return updated;
  const flagId = newId();
  const inserted = await tx.insertFlag({
    id: flagId,
    thread_id: threadId,
    account_id: principal.accountId,
    party_role: access.role,
    attempts,
    kinds: JSON.stringify(counts),
    first_at: firstAt,
    last_at: at.toISOString(),
    status: 'open',
    acknowledged_by: null,
    acknowledged_at: null,
  });
  // A racing send of the same party opened it first.
  if (!inserted) return existing();
  await ctx.audit.appendInTransaction(trx, {
    type: 'messaging.contact_attempts_flagged',
    actor: actorOf(principal),
    decision: 'allowed',
    requestId: requestId ?? null,
    data: { threadId, flagId, partyRole: access.role, attempts, kinds: counts },
  });
  return { flagId, created: true, attempts };
}

/** Tells the broker about a new flag (console queue, live event, notice). */
export async function announceFlag(ctx: MessagingContext, access: ThreadAccess, outcome: FlagOutcome): Promise<void> {
  const broker = access.parties.brokerAccountId;
  if (!outcome.created || !broker) return;
  await announce(ctx, { id: newId(), type: 'flag', to: [broker], threadId: access.thread.id });
  await ctx.notifications
    .notify({
      accountId: broker,
      kind: 'messages_contact_attempts',
      params: { code: access.thread.listing_code, alias: access.buyerAlias, count: outcome.attempts },
      link: '/console/messages',
    })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'flag notice not sent'));
}

function flagView(row: FlagRow, access: ThreadAccess): TMaskingFlag {
  return {
    id: row.id,
    threadId: row.thread_id,
    listingCode: access.thread.listing_code,
    buyerAlias: access.buyerAlias,
    partyRole: row.party_role,
    attempts: row.attempts,
    kinds: kindsList(JSON.parse(row.kinds) as KindCounts),
    firstAt: row.first_at,
    lastAt: row.last_at,
    status: row.status,
  };
}

/** The threads a broker serves now (stored index, confirmed against the live parties). */
export async function brokerThreads(ctx: MessagingContext, principal: Principal): Promise<Map<string, ThreadAccess>> {
  const out = new Map<string, ThreadAccess>();
  for (const thread of await ctx.repo.threadsOf(principal.accountId, 500)) {
    if (thread.broker_account_id !== principal.accountId) continue;
    const parties = await livePartiesOf(ctx, thread);
    const access = parties ? accessOf(ctx, thread, parties, principal.accountId) : null;
    if (access?.role === 'broker') out.set(thread.id, access);
  }
  return out;
}

export async function listFlags(
  ctx: MessagingContext,
  principal: Principal,
  status: FlagRow['status'],
): Promise<{ items: TMaskingFlag[] }> {
  const threads = await brokerThreads(ctx, principal);
  const rows = await ctx.repo.flagsOfThreads([...threads.keys()], status);
  return {
    items: rows.flatMap((r) => {
      const access = threads.get(r.thread_id);
      return access ? [flagView(r, access)] : [];
    }),
  };
}

/** The broker marks a flag handled; later attempts count from this moment. Only the thread's broker may. */
export async function acknowledgeFlag(
  ctx: MessagingContext,
  principal: Principal,
  flagId: string,
  requestId?: string,
): Promise<TMaskingFlag> {
  const flag = await ctx.repo.findFlag(flagId);
  const thread = flag ? await ctx.repo.findThread(flag.thread_id) : undefined;
  const parties = thread ? await livePartiesOf(ctx, thread) : null;
  const access = thread && parties ? accessOf(ctx, thread, parties, principal.accountId) : null;
  if (!flag || !access || access.role !== 'broker') throw new AppError('NOT_FOUND');
  const at = ctx.now().toISOString();
  await ctx.repo.transaction(async (tx, trx) => {
    if (!(await tx.acknowledgeFlag(flagId, principal.accountId, at))) throw new AppError('CONFLICT', 'flag already handled');
    await ctx.audit.appendInTransaction(trx, {
      type: 'messaging.flag_acknowledged',
      actor: actorOf(principal),
      decision: 'allowed',
      requestId: requestId ?? null,
      data: { threadId: access.thread.id, flagId },
    });
  });
  const updated = await ctx.repo.findFlag(flagId);
  return flagView(updated ?? flag, access);
}
