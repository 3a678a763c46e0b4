import { z } from 'zod';
import { ZPlainText, zQueryInt } from './text-input.ts';

/**
 * Messages (issue 13): one thread per (listing, buyer) among the buyer, the listing's seller and its broker.
 *
 * A thread has three lanes. `parties` is the three-way conversation, open to the buyer and the seller only while the
 * buyer's L1 grant is active (before it, neither may learn who the other is). `buyer_broker` and `seller_broker` are
 * each side's private line to the broker, open from the start. Messages are sealed by the vault; contact details in
 * them are masked for every reader but the sender until the buyer's L3 grant opens the parties' direct contacts — and
 * then only between the buyer and the seller (the broker reaches contacts through the audited reveal path).
 */
export const MESSAGE_LANES = ['parties', 'buyer_broker', 'seller_broker'] as const;
export type MessageLane = (typeof MESSAGE_LANES)[number];

export const THREAD_ROLES = ['buyer', 'seller', 'broker'] as const;
export type ThreadRole = (typeof THREAD_ROLES)[number];

/** Kinds of identifier the masking hides: the detector's finding types (a test keeps the two lists equal). */
export const MASKED_KINDS = ['mobile', 'landline', 'id_card', 'uscc', 'bank_card', 'email', 'wechat', 'qq'] as const;
export type MaskedKind = (typeof MASKED_KINDS)[number];

/**
 * Why what the sender wrote reaches others masked: `contacts_closed` — the parties' contacts open only with L3;
 * `broker_line` — contact details are masked in every message to or from the broker (the broker reaches contacts
 * through the audited reveal path, and arranges calls through call-back requests).
 */
export const MASKING_REASONS = ['contacts_closed', 'broker_line'] as const;
export type MaskingReason = (typeof MASKING_REASONS)[number];

/** When the requester would like the broker to call (a closed list: no free text, so nothing to guard). */
export const CALLBACK_WINDOWS = ['asap', 'morning', 'afternoon', 'evening'] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

/** The longest message, in characters. */
export const MESSAGE_MAX_CHARS = 4000;
/** Data-room documents one message may refer to. */
export const MESSAGE_MAX_ATTACHMENTS = 5;

/**
 * A message's text as a reader sees it: plain runs, `masked` runs (an identifier the reader may not see, shown by its
 * kind only) and, in the sender's own view, `withheld` runs (what the sender wrote that others see masked).
 */
export const ZMessageSegment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('masked'), kind: z.enum(MASKED_KINDS) }),
  z.object({ type: z.literal('withheld'), kind: z.enum(MASKED_KINDS), text: z.string() }),
]);
export type TMessageSegment = z.infer<typeof ZMessageSegment>;

/** A data-room document id (UUID); messages store the reference only, the data room decides who may open it. */
export const ZDocumentRef = z.uuid();

export const ZMessageView = z.object({
  id: z.string(),
  lane: z.enum(MESSAGE_LANES),
  sender: z.object({ role: z.enum(THREAD_ROLES), self: z.boolean() }),
  sentAt: z.string(),
  /** `original`: as written; `masked`: identifiers replaced by their kind; `erased`: the sealed text was destroyed. */
  rendering: z.enum(['original', 'masked', 'erased']),
  segments: z.array(ZMessageSegment),
  attachments: z.array(z.object({ documentId: z.string() })),
  /** The sender's own view: what others see masked, and why. */
  masking: z
    .object({ kinds: z.array(z.object({ kind: z.enum(MASKED_KINDS), count: z.number().int() })), reason: z.enum(MASKING_REASONS) })
    .nullable(),
  /** The sender's own view: which other participants of the lane have read it. */
  readBy: z.array(z.enum(THREAD_ROLES)),
  /** For a recipient: the education tip to show beside this message (it asks for a photo of a seal or licence). */
  tip: z.enum(['tip.seal-photo']).optional(),
});
export type TMessageView = z.infer<typeof ZMessageView>;

export const ZLaneState = z.object({
  lane: z.enum(MESSAGE_LANES),
  /** Whether the caller may read it now (the broker may always read `parties`; the buyer and seller only with L1). */
  readable: z.boolean(),
  /** Whether the caller may write to it now; `parties` waits for the buyer's L1 grant. */
  open: z.boolean(),
  unread: z.number().int(),
  lastMessageAt: z.string().nullable(),
});
export type TLaneState = z.infer<typeof ZLaneState>;

export const ZThreadSummary = z.object({
  id: z.string(),
  listingId: z.string(),
  listingCode: z.string(),
  /** The buyer's pseudonym on this listing (B-…): how the seller and the broker name the buyer. */
  buyerAlias: z.string(),
  myRole: z.enum(THREAD_ROLES),
  lanes: z.array(ZLaneState),
  /** True while the buyer's L3 grant is active: the buyer and the seller see each other's messages as written. */
  contactsOpen: z.boolean(),
  /** The caller's own call-back request still waiting for the broker, if any. */
  openCallback: z.object({ id: z.string(), window: z.enum(CALLBACK_WINDOWS), createdAt: z.string() }).nullable(),
  createdAt: z.string(),
});
export type TThreadSummary = z.infer<typeof ZThreadSummary>;

export const ZThreadList = z.object({ items: z.array(ZThreadSummary) });
export type TThreadList = z.infer<typeof ZThreadList>;

export const ZOpenThreadRequest = z.object({ listingId: z.string().min(1).max(64) });
export type TOpenThreadRequest = z.infer<typeof ZOpenThreadRequest>;

export const ZMessagesQuery = z.object({
  lane: z.enum(MESSAGE_LANES),
  /** Messages after this id (newer), for live updates; or before it (older), for scrolling back. */
  after: z.string().max(64).optional(),
  before: z.string().max(64).optional(),
  limit: zQueryInt(1, 100, 50),
});
export type TMessagesQuery = z.infer<typeof ZMessagesQuery>;

export const ZMessagePage = z.object({
  threadId: z.string(),
  lane: z.enum(MESSAGE_LANES),
  items: z.array(ZMessageView),
  hasMore: z.boolean(),
});
export type TMessagePage = z.infer<typeof ZMessagePage>;

export const ZSendMessageRequest = z.object({
  lane: z.enum(MESSAGE_LANES),
  text: ZPlainText(MESSAGE_MAX_CHARS, 1),
  attachments: z.array(ZDocumentRef).max(MESSAGE_MAX_ATTACHMENTS).default([]),
});
export type TSendMessageRequest = z.input<typeof ZSendMessageRequest>;

export const ZMarkReadRequest = z.object({ lane: z.enum(MESSAGE_LANES), messageId: z.string().min(1).max(64) });
export type TMarkReadRequest = z.infer<typeof ZMarkReadRequest>;

export const CALLBACK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_OUTCOMES = ['call_held', 'unreachable', 'declined'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const ZCallbackRequest = z.object({ window: z.enum(CALLBACK_WINDOWS) });
export type TCallbackRequest = z.infer<typeof ZCallbackRequest>;

export const ZCallbackView = z.object({
  id: z.string(),
  threadId: z.string(),
  listingCode: z.string(),
  buyerAlias: z.string(),
  requesterRole: z.enum(THREAD_ROLES),
  window: z.enum(CALLBACK_WINDOWS),
  status: z.enum(CALLBACK_STATUSES),
  outcome: z.enum(CALLBACK_OUTCOMES).nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type TCallbackView = z.infer<typeof ZCallbackView>;
export const ZCallbackList = z.object({ items: z.array(ZCallbackView) });
export const ZCallbackDoneRequest = z.object({ outcome: z.enum(CALLBACK_OUTCOMES) });
export const ZCallbackQueueQuery = z.object({ status: z.enum(CALLBACK_STATUSES).default('open') });

export const FLAG_STATUSES = ['open', 'acknowledged'] as const;
/** A party who kept writing contact details before L3: kinds and counts only, never the values. */
export const ZMaskingFlag = z.object({
  id: z.string(),
  threadId: z.string(),
  listingCode: z.string(),
  buyerAlias: z.string(),
  partyRole: z.enum(THREAD_ROLES),
  attempts: z.number().int(),
  kinds: z.array(z.object({ kind: z.enum(MASKED_KINDS), count: z.number().int() })),
  firstAt: z.string(),
  lastAt: z.string(),
  status: z.enum(FLAG_STATUSES),
});
export type TMaskingFlag = z.infer<typeof ZMaskingFlag>;
export const ZMaskingFlagList = z.object({ items: z.array(ZMaskingFlag) });
export const ZFlagQueueQuery = z.object({ status: z.enum(FLAG_STATUSES).default('open') });

/** What the live stream says: ids only — never text; the client fetches what changed. */
export const MESSAGE_STREAM_EVENTS = ['message', 'read', 'flag', 'callback', 'resync', 'signed_out'] as const;
export type MessageStreamEvent = (typeof MESSAGE_STREAM_EVENTS)[number];
export const ZMessageStreamData = z.object({
  threadId: z.string().optional(),
  lane: z.enum(MESSAGE_LANES).optional(),
  messageId: z.string().optional(),
});
export type TMessageStreamData = z.infer<typeof ZMessageStreamData>;
