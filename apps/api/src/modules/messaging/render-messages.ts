import { MASKED_KINDS, type TMessageSegment, type TMessageView, type ThreadRole } from '@sealbridge/contracts';
import type { Principal } from '../../platform/http/index.ts';
import type { ActiveGrant } from '../disclosure/index.ts';
import { countKinds, maskedSegments, originalSegments, ownSegments, type MaskedSpan } from './message-masking.ts';
import type { MessageRow, ReadRow } from './messaging-repo.ts';
import type { MessagingContext, ThreadAccess } from './thread-access.ts';
import { LANE_MEMBERS, maskingReason, readsOriginal } from './thread-rules.ts';

const TABLE = 'thread_messages';

/** The note the sender sees: which kinds others see masked, and why; null when nothing is masked for anyone. */
export function maskingNote(
  row: Pick<MessageRow, 'lane' | 'sender_role'>,
  spans: readonly MaskedSpan[],
  l3Active: boolean,
): TMessageView['masking'] {
  const reason = maskingReason(row.lane, row.sender_role, l3Active);
  if (!reason || spans.length === 0) return null;
  const counts = countKinds(spans);
  return { reason, kinds: MASKED_KINDS.filter((k) => counts[k]).map((kind) => ({ kind, count: counts[kind] ?? 0 })) };
}

/** The sender's own view of a message whose text is at hand (just sent, or opened as their own). */
export function ownView(
  row: MessageRow,
  original: string,
  l3Active: boolean,
  documentIds: readonly string[],
  readBy: ThreadRole[],
): TMessageView {
  const { segments, spans } = ownSegments(original);
  const masking = maskingNote(row, spans, l3Active);
  return {
    id: row.id,
    lane: row.lane,
    sender: { role: row.sender_role, self: true },
    sentAt: row.created_at,
    rendering: 'original',
    // With nothing masked for the other party, the text is shown plainly (the broker still reads it masked).
    segments: masking ? segments : originalSegments(original),
    attachments: documentIds.map((documentId) => ({ documentId })),
    masking,
    readBy,
  };
}

/** Roles of the lane's other members whose read cursor has passed the message. */
function readersOf(access: ThreadAccess, row: MessageRow, reads: readonly ReadRow[]): ThreadRole[] {
  const ids: Record<ThreadRole, string | null> = {
    buyer: access.thread.buyer_account_id,
    seller: access.parties.sellerAccountId,
    broker: access.parties.brokerAccountId,
  };
  return LANE_MEMBERS[row.lane].filter((role) => {
    if (role === row.sender_role) return false;
    const id = ids[role];
    return id !== null && reads.some((r) => r.account_id === id && r.lane === row.lane && r.last_read_message_id >= row.id);
  });
}

/**
 * Opens each message for this reader through the vault, choosing the field by the rules: the sender's own original
 * (own data, not an audited access), the other party's original under an active L3 (`thread_messages.body`), or the
 * masked rendering (`thread_messages.masked_body`) — each a `vault.reveal` for `deal_execution`, audited before
 * the vault decrypts. Opened in parallel, so the audit log commits them as one group.
 */
export async function renderMessages(
  ctx: MessagingContext,
  access: ThreadAccess,
  principal: Principal,
  rows: readonly MessageRow[],
  l3Grant: ActiveGrant | null,
  requestId?: string,
): Promise<TMessageView[]> {
  const l3Active = l3Grant !== null;
  const attachments = await ctx.repo.attachmentsOf(rows.map((r) => r.id));
  const reads = rows.some((r) => r.sender_account_id === principal.accountId) ? await ctx.repo.readsOf(access.thread.id) : [];
  const actor = { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId };
  return Promise.all(
    rows.map(async (row): Promise<TMessageView> => {
      const docs = attachments.filter((a) => a.message_id === row.id).map((a) => a.document_id);
      const self = row.sender_account_id === principal.accountId;
      const original = self || readsOriginal(row.lane, row.sender_role, access.role, l3Active);
      const field = original ? 'body' : 'masked_body';
      // The other party's original: provided to them under the buyer's L3 grant (both sides' consents naming each
      // other; PIPL Art. 23), audited with the grant. Their masked rendering: the platform carrying out the sender's
      // own act of sending. A broker's read: an ordinary staff reveal (registry role, training gate).
      const how =
        self || principal.kind === 'staff'
          ? {}
          : original && l3Grant
            ? {
                recipient: {
                  grantId: l3Grant.grantId,
                  alias: access.role === 'buyer' ? l3Grant.buyerAlias : 'seller',
                  listingCode: access.thread.listing_code,
                  ndaSignatureId: null,
                },
              }
            : { forSubject: true };
      const opened = await ctx.vault.reveal({
        actor,
        own: self,
        ...how,
        subjectId: row.subject_id,
        table: TABLE,
        recordId: row.id,
        row: row as unknown as Record<string, unknown>,
        fields: [field],
        purpose: 'deal_execution',
        ...(requestId ? { requestId } : {}),
      });
      const view = opened[field];
      const text = view && view.state === 'revealed' ? view.value : null;
      if (text === null) {
        return {
          id: row.id,
          lane: row.lane,
          sender: { role: row.sender_role, self },
          sentAt: row.created_at,
          rendering: 'erased',
          segments: [],
          attachments: docs.map((documentId) => ({ documentId })),
          masking: null,
          readBy: [],
        };
      }
      if (self) return ownView(row, text, l3Active, docs, readersOf(access, row, reads));
      const segments: TMessageSegment[] = original ? originalSegments(text) : maskedSegments(text);
      return {
        id: row.id,
        lane: row.lane,
        sender: { role: row.sender_role, self: false },
        sentAt: row.created_at,
        rendering: original ? 'original' : 'masked',
        segments,
        attachments: docs.map((documentId) => ({ documentId })),
        masking: null,
        readBy: [],
        // Beside a message that asks for a photo of a seal or licence, its recipients see the tip (issue 19 item 6).
        ...(row.asks_seal_photo === 1 ? { tip: 'tip.seal-photo' as const } : {}),
      };
    }),
  );
}
