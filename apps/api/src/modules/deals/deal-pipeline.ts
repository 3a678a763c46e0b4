import { randomInt } from 'node:crypto';
import {
  ART22_DUE_WORKING_DAYS,
  CUSTODY_ITEMS,
  type DealSide,
  type DealStage,
  type NotificationKind,
  type TDealView,
} from '@sealbridge/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { ZAdvanceDealRequest, ZCancelDealRequest } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { DealContext, Loaded } from './deal-context.ts';
import { closeBlockers, LOCKED_FROM, nextStage, openItems, stageIndex, toCents } from './deal-rules.ts';
import type { DealRow, DealsRepo } from './deals-repo.ts';
import type { NotifyInput } from '../notifications/index.ts';

type Advance = z.output<typeof ZAdvanceDealRequest>;
type Cancel = z.output<typeof ZCancelDealRequest>;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newDealCode = () => `DL-${Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;

/** Starting a deal, moving it one stage on (the lock at intent, the Art. 22 task at handover, the closing), cancelling it. */
export function createDealPipeline(ctx: DealContext) {
  const accountOf = (deal: DealRow, side: DealSide) =>
    side === 'buyer' ? deal.buyer_account_id : side === 'seller' ? deal.seller_account_id : deal.broker_account_id;

  /** Notices to the sides other than the actor's (the broker hears of a party's step, the parties of the broker's). */
  const noticesTo = (deal: DealRow, sides: readonly DealSide[], kind: NotificationKind, params: Record<string, string>) =>
    sides.flatMap((side) => {
      const accountId = accountOf(deal, side);
      return accountId ? [{ accountId, kind, params, link: ctx.linkFor(side, deal.id) }] : [];
    });

  /** Checks and side effects of entering a stage, inside the advancing transaction. Returns the columns to set. */
  async function enter(
    tx: DealsRepo,
    trx: Transaction<Database>,
    loaded: Loaded,
    to: DealStage,
    input: Advance,
    principal: Principal,
    requestId: string | null,
  ) {
    const { deal } = loaded;
    const at = ctx.now().toISOString();
    const actor = ctx.actorOf(principal);
    if (to === LOCKED_FROM) {
      const intent = input.intent;
      if (!intent) throw new AppError('VALIDATION_FAILED', 'the letter of intent or deposit is required', { fields: ['intent'] });
      ctx.requirePast('intent.signedOn', intent.signedOn);
      if (intent.exclusiveUntil < intent.signedOn)
        throw new AppError('VALIDATION_FAILED', 'exclusivity ends before it starts', { fields: ['intent.exclusiveUntil'] });
      await ctx.listings.lock(trx, {
        listingId: deal.listing_id,
        dealId: deal.id,
        buyerAccountId: deal.buyer_account_id,
        kind: intent.kind,
        actor,
        requestId,
      });
      if (intent.depositWan !== undefined) {
        await tx.insertMoney({
          id: newId(),
          deal_id: deal.id,
          kind: 'deposit',
          amount_cents: toCents(intent.depositWan),
          due_on: null,
          paid_on: null,
          released_on: null,
          claims_window_ends_on: null,
          note: '',
          created_at: at,
        });
      }
      return { intent_kind: intent.kind, intent_signed_on: intent.signedOn, exclusive_until: intent.exclusiveUntil };
    }
    if (to === 'tax_filing') {
      const a = input.agreement;
      if (!a) throw new AppError('VALIDATION_FAILED', 'the signed agreement is required', { fields: ['agreement'] });
      ctx.requirePast('agreement.signedOn', a.signedOn);
      if (deal.intent_signed_on && a.signedOn < deal.intent_signed_on)
        throw new AppError('VALIDATION_FAILED', 'agreement signed before the letter of intent', { fields: ['agreement.signedOn'] });
      return {
        agreement_signed_on: a.signedOn,
        seller_kind: a.sellerKind,
        price_cents: toCents(a.priceWan),
        cost_basis_cents: a.costBasisWan === null ? null : toCents(a.costBasisWan),
      };
    }
    if (to === 'handover') {
      // The Art. 22 notice task opens with the handover and must be done before the closing (NOTES.md).
      const dueOn = ctx.calendar.addWorkingDays(ctx.today(), ART22_DUE_WORKING_DAYS);
      await ctx.audit.appendInTransaction(trx, {
        type: 'deals.art22_opened',
        actor,
        decision: 'allowed',
        requestId,
        data: { dealId: deal.id, dueOn },
      });
      return { art22_opened_at: at, art22_due_on: dueOn };
    }
    if (to === 'post_closing') {
      const [marks, custody] = await Promise.all([tx.marksOf(deal.id), tx.custodyOf(deal.id)]);
      const blockers = closeBlockers(deal, marks, custody);
      if (blockers.length) throw new AppError('DEAL_CLOSE_BLOCKED', 'deal cannot close yet', { blockers });
      await ctx.listings.end(trx, { listingId: deal.listing_id, dealId: deal.id, outcome: 'closed', actor, requestId });
      await ctx.audit.appendInTransaction(trx, {
        type: 'deals.closed',
        actor,
        decision: 'allowed',
        subjectId: deal.subject_id,
        requestId,
        data: { dealId: deal.id, listingId: deal.listing_id },
      });
      // The first reminder to leave the legal representative's seat goes with the closing notice.
      return { status: 'closed' as const, closed_at: at, legal_rep_last_reminder_at: at };
    }
    return {};
  }

  /** Whose deal this start is: the buyer themselves, or — for the adviser — the buyer behind the named grant. */
  async function startingBuyer(principal: Principal, input: { grantId?: string | undefined }): Promise<string | null> {
    if (principal.kind === 'customer') return input.grantId === undefined ? principal.accountId : null;
    return input.grantId === undefined ? null : ctx.access.buyerOfGrant(input.grantId);
  }

  return {
    /**
     * A buyer holding an active L1 grant starts a deal on a published listing, or the listing's adviser starts it
     * from that grant (the phone-led trade: the buyer agreed by phone). Idempotent: a second start returns the open
     * deal. Anyone else gets NOT_FOUND, so nothing here tells a stranger the listing exists.
     */
    async start(principal: Principal, input: { listingId: string; grantId?: string | undefined }, requestId?: string): Promise<TDealView> {
      const { listingId } = input;
      const buyerAccountId = await startingBuyer(principal, input);
      const grant = buyerAccountId ? await ctx.access.activeGrant(listingId, buyerAccountId, 'L1') : null;
      const parties = grant ? await ctx.access.partiesOf(listingId) : null;
      const listing = parties ? await ctx.listings.listingForDeal(listingId) : null;
      const byBroker = principal.kind !== 'customer';
      if (
        !buyerAccountId ||
        !grant ||
        !parties ||
        !listing ||
        parties.sellerAccountId === buyerAccountId ||
        (byBroker && (grant.grantId !== input.grantId || parties.brokerAccountId !== principal.accountId))
      )
        throw new AppError('NOT_FOUND');
      const side: DealSide = byBroker ? 'broker' : 'buyer';
      const existing = await ctx.repo.findOpen(listingId, buyerAccountId);
      if (existing) return ctx.view({ deal: existing, side });
      if (listing.status !== 'published') throw new AppError('CONFLICT', `listing is ${listing.status}`);
      const subject = await ctx.vault.createSubject('company_party');
      const at = ctx.now().toISOString();
      const deal: DealRow = {
        id: newId(),
        code: newDealCode(),
        listing_id: listingId,
        listing_code: listing.code,
        seller_account_id: parties.sellerAccountId,
        buyer_account_id: buyerAccountId,
        broker_account_id: parties.brokerAccountId,
        subject_id: subject.subjectId,
        stage: 'inquiry',
        status: 'open',
        started_at: at,
        stage_entered_at: at,
        intent_kind: null,
        intent_signed_on: null,
        exclusive_until: null,
        agreement_signed_on: null,
        seller_kind: null,
        price_cents: null,
        cost_basis_cents: null,
        pledge_registered_on: null,
        pledge_released_on: null,
        art22_opened_at: null,
        art22_due_on: null,
        art22_completed_at: null,
        art22_completed_by: null,
        art22_notified_on: null,
        art22_channels: null,
        art22_groups: null,
        art22_document_id: null,
        legal_rep_changed_on: null,
        legal_rep_confirmed_at: null,
        legal_rep_evidence_ct: null,
        legal_rep_evidence_type: null,
        legal_rep_last_reminder_at: null,
        overdue_reminded_on: null,
        closed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        updated_at: at,
      };
      // The seller's declared handover list scopes the custody ledger (all items when the listing named none).
      const inScope = new Set(listing.handover.length ? listing.handover : CUSTODY_ITEMS);
      await ctx.repo
        .transaction(async (tx, trx) => {
          await tx.insert(deal);
          await tx.insertCustody(
            CUSTODY_ITEMS.map((kind) => ({
              deal_id: deal.id,
              kind,
              applicable: inScope.has(kind) ? 1 : 0,
              photo_ct: null,
              photo_type: null,
              photo_uploaded_by: null,
              photo_uploaded_at: null,
              seller_confirmed_at: null,
              seller_confirmed_by: null,
              buyer_confirmed_at: null,
              buyer_confirmed_by: null,
              old_seal_cancelled_on: null,
              new_seal_filed_on: null,
              updated_at: at,
            })),
          );
          await tx.insertEvent(ctx.event(deal, principal, side, 'started', { to: 'inquiry' }));
          await ctx.audit.appendInTransaction(trx, {
            type: 'deals.started',
            actor: ctx.actorOf(principal),
            decision: 'allowed',
            subjectId: deal.subject_id,
            requestId: requestId ?? null,
            data: { dealId: deal.id, listingId },
          });
        })
        .catch(async (error: unknown) => {
          // A second start racing this one won the unique index: answer with that deal, as above.
          const raced = await ctx.repo.findOpen(listingId, buyerAccountId);
          if (!raced) throw error;
        });
      const stored = await ctx.repo.findOpen(listingId, buyerAccountId);
      if (!stored) throw new AppError('INTERNAL', 'deal not stored');
      if (stored.id === deal.id) {
        const buyer = ctx.access.buyerAlias(listingId, buyerAccountId);
        const params = { deal: stored.code, code: stored.listing_code };
        // The adviser's start is news to both parties; a buyer's start to the sell side (which knows them by alias).
        const notices: NotifyInput[] = (['buyer', 'seller', 'broker'] as const).flatMap((to): NotifyInput[] => {
          const accountId = to === side ? null : accountOf(stored, to);
          if (!accountId) return [];
          const link = ctx.linkFor(to, stored.id);
          return side === 'broker'
            ? [{ accountId, kind: 'deal_opened_by_broker' as const, params, link }]
            : [{ accountId, kind: 'deal_started' as const, params: { ...params, buyer }, link }];
        });
        await ctx.notify(notices);
      }
      return ctx.view({ deal: stored, side });
    },

    /**
     * The broker moves the deal exactly one stage on, from the stage they saw, once the stage's checklist is done.
     * Entering intent takes the exclusivity lock; entering handover opens the Art. 22 task; leaving handover is the
     * closing (refused while custody, seals, checklists or the Art. 22 task are open) and sells the listing.
     */
    async advance(principal: Principal, id: string, input: Advance, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['broker']);
      const { deal } = loaded;
      ctx.guard([{ field: 'note', text: input.note }]);
      const to = nextStage(deal.stage);
      if (deal.status !== 'open' || input.from !== deal.stage || !to)
        throw new AppError('DEAL_STAGE_ORDER', 'stage changed or no next stage');
      // The closing reports every blocker at once (checklist included) instead of the checklist alone.
      const open = to === 'post_closing' ? [] : openItems(deal, await ctx.repo.marksOf(deal.id), deal.stage as DealStage);
      if (open.length) throw new AppError('DEAL_CHECKLIST_OPEN', 'checklist items open', { items: open });
      // The buyer must still hold L1 when exclusivity starts (a revoked or expired grant stops the deal here). Asked
      // before the transaction: the grant lives in another module's tables.
      if (to === LOCKED_FROM && !(await ctx.access.activeGrant(deal.listing_id, deal.buyer_account_id, 'L1'))) {
        throw new AppError('DEAL_GRANT_INACTIVE', 'the buyer no longer holds an active L1 grant');
      }
      const at = ctx.now().toISOString();
      await ctx.repo.transaction(async (tx, trx) => {
        const columns = await enter(tx, trx, loaded, to, input, principal, requestId ?? null);
        if (!(await tx.updateIf(deal.id, deal, { ...columns, stage: to, stage_entered_at: at, updated_at: at })))
          throw new AppError('DEAL_STAGE_ORDER', 'moved meanwhile');
        await tx.insertEvent(ctx.event(deal, principal, 'broker', 'advanced', { from: deal.stage, to, note: input.note }));
        await ctx.audit.appendInTransaction(trx, {
          type: 'deals.stage_advanced',
          actor: ctx.actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { dealId: deal.id, from: deal.stage as DealStage, to },
        });
      });
      const after = (await ctx.repo.findById(deal.id)) ?? deal;
      const parties: DealSide[] = ['buyer', 'seller'];
      await ctx.notify([
        ...noticesTo(after, parties, to === 'post_closing' ? 'deal_closed' : ctx.stageKind(to), {
          deal: after.code,
          code: after.listing_code,
        }),
        ...(to === 'handover'
          ? noticesTo(after, ['buyer', 'broker'], 'deal_art22_task', {
              deal: after.code,
              code: after.listing_code,
              due: after.art22_due_on ?? '',
            })
          : []),
        ...(to === 'post_closing'
          ? [
              {
                accountId: after.seller_account_id,
                kind: 'deal_legal_rep_reminder' as const,
                params: { deal: after.code, code: after.listing_code },
                link: ctx.linkFor('seller', after.id),
              },
            ]
          : []),
      ]);
      return ctx.view({ deal: after, side: 'broker' });
    },

    /** The broker ends a deal before its closing; from intent on this lifts the exclusivity lock (listing back on offer). */
    async cancel(principal: Principal, id: string, input: Cancel, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['broker']);
      const { deal } = loaded;
      ctx.requireOpen(deal);
      ctx.guard([{ field: 'note', text: input.note }]);
      const at = ctx.now().toISOString();
      const actor = ctx.actorOf(principal);
      await ctx.repo.transaction(async (tx, trx) => {
        if (stageIndex(deal.stage) >= stageIndex(LOCKED_FROM))
          await ctx.listings.end(trx, {
            listingId: deal.listing_id,
            dealId: deal.id,
            outcome: 'cancelled',
            actor,
            requestId: requestId ?? null,
          });
        if (!(await tx.updateIf(deal.id, deal, { status: 'cancelled', cancelled_at: at, cancel_reason: input.reason, updated_at: at })))
          throw new AppError('DEAL_STAGE_ORDER', 'moved meanwhile');
        await tx.insertEvent(ctx.event(deal, principal, 'broker', 'cancelled', { from: deal.stage, note: input.note }));
        await ctx.audit.appendInTransaction(trx, {
          type: 'deals.cancelled',
          actor,
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { dealId: deal.id, stage: deal.stage as DealStage, reason: input.reason },
        });
      });
      const after = (await ctx.repo.findById(deal.id)) ?? deal;
      await ctx.notify(noticesTo(after, ['buyer', 'seller'], 'deal_cancelled', { deal: after.code, code: after.listing_code }));
      return ctx.view({ deal: after, side: 'broker' });
    },
  };
}
