import type { RetentionClass } from '@sealbridge/contracts';

/**
 * Where each module keeps a copy of a person's data, declared once (issue 14 item 2). Erasure (modules/lifecycle) is
 * generated from this list: it shreds the data keys of sealed copies, anonymizes or deletes plain ones, and states why
 * a copy is kept. A table holding a registered personal field, or free text a person wrote, that is not declared here
 * fails the drift test (apps/api/test/lifecycle/erasure-every-copy.test.ts).
 *
 * - `shred`: the copy is sealed under `subjectColumn`; erasure destroys each such subject's data key (crypto-shredding),
 *   so every copy — backups included — stays unreadable.
 * - `anonymize`: the row is a record others rely on (a deal's history, a question answered to a buyer); the person's
 *   plain free text in `textColumns` is replaced by `ERASED_TEXT`, the row and its facts stay.
 * - `delete`: the row only serves the person (a saved search, an alert): removed.
 * - `retain`: not the person's copy to erase (a company's registry data, a deal's own evidence, another party's
 *   words); `reason` says why and on what retention class it goes.
 */
export type PersonalDataCopy = {
  module: string;
  table: string;
  /** The column naming the person's account; absent when the copy is found by contact (`byContact`). */
  accountColumn?: string;
  /** Rows found by the person's current mobile / e-mail through the vault (the delivery outbox has no account). */
  byContact?: { mobile: string; email: string };
  action: 'shred' | 'anonymize' | 'delete' | 'retain';
  subjectColumn?: string;
  textColumns?: readonly string[];
  retention: RetentionClass;
  /** Column holding the date the retention clock starts from (item 6: the daily job). */
  clockColumn?: string;
  /** A deal-life copy: how a record reaches its deal (the `deal_end` clock and the deal / listing holds). */
  dealPath?: DealPath;
  /** A table keyed by two columns instead of `id`: the record key is `<a> || ' ' || <b>`. */
  keyColumns?: readonly [string, string];
  reason?: string;
};

/**
 * How a deal-life record reaches its deal. Column references are qualified: `t.` the copy's table, `p.` the parent
 * table `through` joins on `p.id = t.<key>`.
 * - `deal`: the record names its deal; the clock starts when that deal closed or was cancelled.
 * - `listing_buyer`: the record belongs to one buyer's interest in one listing (an inquiry, a thread, a data-room
 *   question): the clock starts when the last deal between them ended; with no deal, when the listing ended (sold or
 *   withdrawn). Running while such a deal is open, or while the listing is still on the market with no deal.
 * - `party`: the person's own record (identity verification): the later of the account's closure and the end of the
 *   last deal the account was a party to; running while the account is open or any of its deals runs.
 */
export type DealPath =
  | { via: 'deal'; deal: string }
  | { via: 'listing_buyer'; listing: string; buyer: string; through?: { table: string; key: string } }
  | { via: 'party'; account: string };

/** What replaces a person's free text in a record kept for others. */
export const ERASED_TEXT = '〔已删除〕';

export const PERSONAL_DATA_COPIES: readonly PersonalDataCopy[] = [
  {
    module: 'profiles',
    table: 'account_profiles',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'account_life',
  },
  {
    module: 'verification',
    table: 'identity_verifications',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'deal_life_plus_10y',
    dealPath: { via: 'party', account: 't.account_id' },
    clockColumn: 'submitted_at',
  },
  {
    module: 'delivery',
    table: 'delivery_outbox',
    byContact: { mobile: 'delivery_outbox.mobile', email: 'delivery_outbox.email' },
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'verification_180d',
    clockColumn: 'created_at',
  },
  {
    module: 'consent',
    table: 'privacy_tickets',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'account_life_plus_3y',
    clockColumn: 'created_at',
  },
  {
    // The request's details are sealed under the requester's profile subject; the record itself (number, kind,
    // states, dates, the officer's answer) stays as proof the request was answered.
    module: 'rights',
    table: 'rights_requests',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'account_life',
    clockColumn: 'created_at',
  },
  {
    module: 'disclosure',
    table: 'proof_of_funds',
    accountColumn: 'buyer_account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'verification_180d',
    clockColumn: 'submitted_at',
  },
  {
    module: 'disclosure',
    table: 'inquiries',
    accountColumn: 'buyer_account_id',
    action: 'anonymize',
    textColumns: ['note'],
    retention: 'deal_life_plus_3y',
    clockColumn: 'created_at',
    dealPath: { via: 'listing_buyer', listing: 't.listing_id', buyer: 't.buyer_account_id' },
  },
  {
    module: 'messaging',
    table: 'message_thread_parties',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'deal_life_plus_3y',
    clockColumn: 'created_at',
    keyColumns: ['thread_id', 'account_id'],
    dealPath: {
      via: 'listing_buyer',
      listing: 'p.listing_id',
      buyer: 'p.buyer_account_id',
      through: { table: 'message_threads', key: 'thread_id' },
    },
  },
  {
    module: 'messaging',
    table: 'thread_messages',
    accountColumn: 'sender_account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'deal_life_plus_3y',
    dealPath: {
      via: 'listing_buyer',
      listing: 'p.listing_id',
      buyer: 'p.buyer_account_id',
      through: { table: 'message_threads', key: 'thread_id' },
    },
    clockColumn: 'created_at',
  },
  {
    module: 'listings',
    table: 'listing_saved_searches',
    accountColumn: 'account_id',
    action: 'delete',
    textColumns: ['name', 'query'],
    retention: 'account_life',
  },
  { module: 'listings', table: 'listing_alerts', accountColumn: 'account_id', action: 'delete', retention: 'account_life' },
  { module: 'listings', table: 'listing_favorites', accountColumn: 'account_id', action: 'delete', retention: 'account_life' },
  {
    module: 'listings',
    table: 'listing_companies',
    action: 'retain',
    subjectColumn: 'subject_id',
    retention: 'deal_life_plus_10y',
    reason: "the company's registry data (a company_party subject per listing), not the seller's personal data",
  },
  { module: 'notifications', table: 'notifications', accountColumn: 'account_id', action: 'delete', retention: 'account_life' },
  { module: 'notifications', table: 'notification_settings', accountColumn: 'account_id', action: 'delete', retention: 'account_life' },
  {
    module: 'dataroom',
    table: 'dataroom_questions',
    accountColumn: 'asker_account_id',
    action: 'anonymize',
    textColumns: ['text'],
    retention: 'deal_life_plus_3y',
    clockColumn: 'asked_at',
    dealPath: {
      via: 'listing_buyer',
      listing: 'p.listing_id',
      buyer: 't.asker_account_id',
      through: { table: 'dataroom_rooms', key: 'room_id' },
    },
  },
  {
    module: 'deals',
    table: 'deal_events',
    accountColumn: 'actor_account_id',
    action: 'anonymize',
    textColumns: ['note'],
    retention: 'deal_life_plus_10y',
    clockColumn: 'at',
    dealPath: { via: 'deal', deal: 't.deal_id' },
  },
  {
    module: 'deals',
    table: 'deal_checklist_marks',
    accountColumn: 'done_by_account_id',
    action: 'anonymize',
    textColumns: ['remark'],
    retention: 'deal_life_plus_10y',
    clockColumn: 'done_at',
    keyColumns: ['deal_id', 'item_key'],
    dealPath: { via: 'deal', deal: 't.deal_id' },
  },
  {
    module: 'deals',
    table: 'deals',
    action: 'retain',
    subjectColumn: 'subject_id',
    retention: 'deal_life_plus_10y',
    reason: "the deal's own evidence (company_party subject): both parties rely on it for the transaction-record floor",
  },
  {
    module: 'disputes',
    table: 'disputes',
    action: 'retain',
    retention: 'deal_life_plus_10y',
    reason:
      "a dispute's case file (the claimant's summary, the mediator's outcome, identifier-guarded): both parties and an arbitrator or court rely on it",
  },
  {
    module: 'disputes',
    table: 'dispute_sessions',
    action: 'retain',
    retention: 'deal_life_plus_10y',
    reason: "the mediator's session notes (identifier-guarded): part of the dispute's case file",
  },
  {
    module: 'deals',
    table: 'deal_custody_items',
    action: 'retain',
    retention: 'deal_life_plus_10y',
    reason: "hand-over photos sealed under the deal's subject: transaction record with a 10-year floor",
  },
  {
    module: 'staff',
    table: 'staff_members',
    accountColumn: 'account_id',
    action: 'shred',
    subjectColumn: 'subject_id',
    retention: 'account_life',
  },
];
