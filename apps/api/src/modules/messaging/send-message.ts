import type { MessageLane, TMessageView } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { announceFlag, evaluateFlag, type FlagOutcome } from './contact-flags.ts';
import { cleanInput, countKinds, maskedText, maskSpans } from './message-masking.ts';
import type { MessageRow } from './messaging-repo.ts';
import { ownView } from './render-messages.ts';
import { asksForSealPhoto } from './seal-photo-ask.ts';
import {
  accessThread,
  actorOf,
  announce,
  membersOf,
  partySubject,
  refuse,
  type MessagingContext,
  type ThreadAccess,
} from './thread-access.ts';
import { isContactAttempt, LANE_MEMBERS, mayWrite, roleIn } from './thread-rules.ts';

export type SendInput = { lane: MessageLane; text: string; attachments: readonly string[] };

/** No second "new messages" notice for a thread until the party has read it, or a day has passed. */
const NOTICE_QUIET_MS = 24 * 3600_000;

/**
 * Sends a message. Checks the lane against the live grants (L1 for `parties`), seals the original and its masked
 * rendering under the sender's subject in this thread, stores both with the audit record in one transaction, counts
 * a contact attempt toward a flag, then tells the instances (ids only) and sends one notice per unread stretch to
 * members who have no live stream open.
 */
export async function sendMessage(
  ctx: MessagingContext,
  principal: Principal,
  threadId: string,
  input: SendInput,
  requestId?: string,
): Promise<TMessageView> {
  const access = await accessThread(ctx, principal, threadId, requestId);
  const { lane } = input;
  if (!LANE_MEMBERS[lane].includes(access.role)) return refuse(ctx, principal, threadId, 'not_in_lane', lane, requestId);
  if (!mayWrite(access.role, lane, lane === 'parties' ? await access.grant('L1') : true))
    return refuse(ctx, principal, threadId, 'lane_closed', lane, requestId);
  const text = cleanInput(input.text).normalize('NFC').trim();
  if (text === '') throw new AppError('VALIDATION_FAILED', 'empty message', { fields: ['text'] });

  const spans = maskSpans(text);
  const kinds = countKinds(spans);
  const l3Active = lane === 'parties' && access.role !== 'broker' ? await access.grant('L3') : false;
  const attempt = isContactAttempt(lane, access.role, l3Active, spans.length);
  const subject = await partySubject(ctx, access, principal.accountId);
  const at = ctx.now();
  const id = newId(at.getTime());
  const sealed = await ctx.vault.sealFields(subject, 'thread_messages', id, { body: text, masked_body: maskedText(text, spans) });
  const row: MessageRow = {
    id,
    thread_id: threadId,
    lane,
    sender_account_id: principal.accountId,
    sender_role: access.role,
    subject_id: subject.subjectId,
    body_ct: sealed['body_ct'] ?? null,
    masked_body_ct: sealed['masked_body_ct'] ?? null,
    masked_kinds: spans.length > 0 ? JSON.stringify(kinds) : null,
    contact_attempt: attempt ? 1 : 0,
    created_at: at.toISOString(),
    // Checked on the plaintext in memory; only the yes / no is kept, so the recipients see a tip beside it.
    asks_seal_photo: asksForSealPhoto(text) ? 1 : 0,
  };
  const flag = await ctx.repo.transaction(async (tx, trx): Promise<FlagOutcome | null> => {
    await tx.insertMessage(row);
    await tx.insertAttachments(id, input.attachments);
    await ctx.audit.appendInTransaction(trx, {
      type: 'messaging.message_sent',
      actor: actorOf(principal),
      decision: 'allowed',
      subjectId: subject.subjectId,
      fields: ['thread_messages.body', 'thread_messages.masked_body'],
      requestId: requestId ?? null,
      data: { threadId, messageId: id, lane, senderRole: access.role, masked: kinds, attachments: input.attachments.length },
    });
    return attempt ? evaluateFlag(ctx, tx, trx, access, principal, at, requestId) : null;
  });

  await announce(ctx, { id, type: 'message', to: membersOf(access, lane), threadId, lane, messageId: id });
  if (flag) await announceFlag(ctx, access, flag);
  await noticeOffline(ctx, access, lane, principal.accountId, at);
  return ownView(row, text, l3Active, input.attachments, []);
}

/**
 * One in-app notice (with its e-mail / SMS copy per the person's choices) per thread while its messages stay unread:
 * members with a live stream open anywhere see the message arrive and get none. Best effort: the message is sent.
 */
async function noticeOffline(ctx: MessagingContext, access: ThreadAccess, lane: MessageLane, senderId: string, at: Date): Promise<void> {
  try {
    const reads = await ctx.repo.readsOf(access.thread.id);
    const key = { listingId: access.thread.listing_id, buyerAccountId: access.thread.buyer_account_id };
    for (const accountId of membersOf(access, lane)) {
      if (accountId === senderId || (await ctx.presence.online(accountId))) continue;
      const role = roleIn(key, access.parties, accountId);
      if (!role) continue;
      const lastRead = reads.filter((r) => r.account_id === accountId).reduce((max, r) => (r.read_at > max ? r.read_at : max), '');
      const quietUntil = new Date(at.getTime() - NOTICE_QUIET_MS).toISOString();
      if (!(await ctx.repo.claimNotice(access.thread.id, accountId, role, at.toISOString(), lastRead > quietUntil ? lastRead : quietUntil)))
        continue;
      const link = role === 'broker' ? `/console/messages?thread=${access.thread.id}` : `/account/messages/${access.thread.id}`;
      await ctx.notifications.notify({
        accountId,
        kind: 'messages_new',
        params: { code: access.thread.listing_code, alias: access.buyerAlias },
        link,
      });
    }
  } catch (error) {
    ctx.logger.warn({ err: error, threadId: access.thread.id }, 'message notice not sent');
  }
}
