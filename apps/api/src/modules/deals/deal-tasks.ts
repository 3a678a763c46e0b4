import {
  DEAL_CHECKLIST,
  LEGAL_REP_REMINDER_WORKING_DAYS,
  type DealStage,
  type TDealImage,
  type TDealView,
  type ZArt22Request,
  type ZChecklistMarkRequest,
} from '@sealbridge/contracts';
import type { z } from 'zod';
import { chinaDay } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { checkDealPhoto, revealDealImage } from './deal-custody.ts';
import type { DealContext } from './deal-context.ts';
import { applicableItems, dueOf, openItems } from './deal-rules.ts';

type Mark = z.output<typeof ZChecklistMarkRequest>;
type Art22 = z.output<typeof ZArt22Request>;

const REMINDER_BATCH = 500;
/** Overdue items are re-announced at most every this many working days while they stay open. */
export const OVERDUE_REMINDER_WORKING_DAYS = 2;

/** The checklists, the PIPL Art. 22 notice task, and the seller's release from the legal representative's seat. */
export function createDealTasks(ctx: DealContext) {
  return {
    /**
     * Ticks (or unticks) an item of the current stage: a party only their own items, the broker any (a phone-led
     * trade: the broker often ticks for a party). The remark is stored in plaintext, so it passes the identifier guard.
     */
    async mark(principal: Principal, id: string, itemKey: string, input: Mark, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      const { deal, side } = loaded;
      // The post-closing items are ticked after the closing; nothing is ticked on a cancelled deal.
      if (deal.status === 'cancelled') throw new AppError('CONFLICT', 'deal cancelled');
      const def = DEAL_CHECKLIST.find((i) => i.key === itemKey);
      if (!def) throw new AppError('NOT_FOUND');
      if (side !== 'broker' && def.owner !== side) throw new AppError('FORBIDDEN', "not this side's item");
      if (def.stage !== deal.stage || !applicableItems(deal, deal.stage as DealStage).some((i) => i.key === itemKey)) {
        throw new AppError('DEAL_STAGE_ORDER', 'only items of the current stage can be ticked');
      }
      ctx.guard([{ field: 'remark', text: input.remark }]);
      const at = ctx.now().toISOString();
      await ctx.repo.transaction(async (tx, trx) => {
        if (input.done) {
          await tx.upsertMark({
            deal_id: deal.id,
            item_key: itemKey,
            done_at: at,
            done_by_side: side,
            done_by_account_id: principal.accountId,
            remark: input.remark,
            document_ids: JSON.stringify(input.documentIds),
          });
        } else {
          await tx.deleteMark(deal.id, itemKey);
        }
        await tx.update(deal.id, { updated_at: at });
        await ctx.audit.appendInTransaction(trx, {
          type: 'deals.checklist_marked',
          actor: ctx.actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { dealId: deal.id, item: itemKey, done: input.done, side },
        });
      });
      return ctx.reload(loaded);
    },

    /**
     * The buyer or the broker records that the persons whose data the company holds were told the new controller's
     * name and contact (PIPL Art. 22): when, how, which groups, and the data-room document holding the notice. No
     * names are stored here; the notice itself lives in the data room.
     */
    async completeArt22(principal: Principal, id: string, input: Art22, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['buyer', 'broker']);
      const { deal } = loaded;
      ctx.requireOpen(deal);
      if (!deal.art22_opened_at || deal.art22_completed_at) throw new AppError('CONFLICT', 'no open Art. 22 task');
      ctx.requirePast('notifiedOn', input.notifiedOn);
      if (input.notifiedOn < chinaDay(new Date(deal.art22_opened_at)))
        throw new AppError('VALIDATION_FAILED', 'notice before the task opened', { fields: ['notifiedOn'] });
      const at = ctx.now().toISOString();
      await ctx.repo.transaction(async (tx, trx) => {
        await tx.update(deal.id, {
          art22_completed_at: at,
          art22_completed_by: loaded.side,
          art22_notified_on: input.notifiedOn,
          art22_channels: JSON.stringify([...new Set(input.channels)]),
          art22_groups: JSON.stringify([...new Set(input.groups)]),
          art22_document_id: input.documentId,
          updated_at: at,
        });
        await tx.insertEvent(ctx.event(deal, principal, loaded.side, 'art22_completed'));
        await ctx.audit.appendInTransaction(trx, {
          type: 'deals.art22_completed',
          actor: ctx.actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { dealId: deal.id, side: loaded.side, notifiedOn: input.notifiedOn },
        });
      });
      return ctx.reload(loaded);
    },

    /**
     * After the closing, the seller proves they are no longer the legal representative on record (a photo of the
     * new licence or the registry page), sealed under the deal's vault subject. The reminders stop with it.
     */
    async confirmLegalRep(
      principal: Principal,
      id: string,
      input: { changedOn: string; evidenceImage: string },
      requestId?: string,
    ): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['seller']);
      const { deal } = loaded;
      if (deal.status !== 'closed' || deal.legal_rep_confirmed_at) throw new AppError('CONFLICT', 'nothing to confirm');
      ctx.requirePast('changedOn', input.changedOn);
      const image = await checkDealPhoto(input.evidenceImage, 'evidenceImage');
      const subject = await ctx.vault.findSubject(deal.subject_id);
      if (!subject || subject.erased) throw new AppError('DATA_ERASED');
      const sealed = await ctx.vault.sealFields(subject, 'deals', deal.id, { legal_rep_evidence: image.base64 });
      const at = ctx.now().toISOString();
      await ctx.repo.transaction(async (tx, trx) => {
        await tx.update(deal.id, {
          legal_rep_changed_on: input.changedOn,
          legal_rep_confirmed_at: at,
          legal_rep_evidence_ct: sealed['legal_rep_evidence_ct'] ?? null,
          legal_rep_evidence_type: image.type,
          updated_at: at,
        });
        await tx.insertEvent(ctx.event(deal, principal, 'seller', 'legal_rep_confirmed'));
        await ctx.audit.appendInTransaction(trx, {
          type: 'deals.legal_rep_confirmed',
          actor: ctx.actorOf(principal),
          decision: 'allowed',
          subjectId: deal.subject_id,
          fields: ['deals.legal_rep_evidence'],
          requestId: requestId ?? null,
          data: { dealId: deal.id, changedOn: input.changedOn },
        });
      });
      return ctx.reload(loaded);
    },

    async revealLegalRepEvidence(principal: Principal, id: string, requestId?: string): Promise<TDealImage> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['seller', 'broker']);
      const { deal } = loaded;
      if (!deal.legal_rep_evidence_ct) throw new AppError('NOT_FOUND');
      const image = await revealDealImage(
        ctx,
        principal,
        loaded,
        { table: 'deals', recordId: deal.id, field: 'legal_rep_evidence', row: deal as unknown as Record<string, unknown> },
        requestId,
      );
      return { type: deal.legal_rep_evidence_type === 'png' ? 'png' : 'jpeg', image };
    },

    /**
     * The scheduled job (working days): the owners of each open deal's overdue checklist items — open items of the
     * current stage past their due date on the working-day calendar — are told how many are theirs and the earliest
     * due date, at most every `OVERDUE_REMINDER_WORKING_DAYS`; the broker hears of all of them. Returns the deals reminded.
     */
    async remindOverdueItems(): Promise<number> {
      const now = ctx.now();
      if (!ctx.calendar.isWorkingDay(now)) return 0;
      const today = chinaDay(now);
      let reminded = 0;
      let after = '';
      for (;;) {
        const page = await ctx.repo.openPage(after, REMINDER_BATCH);
        for (const deal of page) {
          if (deal.overdue_reminded_on && ctx.calendar.workingDaysBetween(deal.overdue_reminded_on, today) < OVERDUE_REMINDER_WORKING_DAYS)
            continue;
          const stage = deal.stage as DealStage;
          const open = new Set(openItems(deal, await ctx.repo.marksOf(deal.id), stage));
          const overdue = applicableItems(deal, stage).flatMap((item) => {
            const { dueOn } = dueOf(item, deal.stage_entered_at, deal.agreement_signed_on, ctx.calendar);
            return open.has(item.key) && dueOn !== null && dueOn < today ? [{ item, dueOn }] : [];
          });
          if (!overdue.length) continue;
          await ctx.repo.transaction(async (tx, trx) => {
            await tx.update(deal.id, { overdue_reminded_on: today });
            await ctx.audit.appendInTransaction(trx, {
              type: 'deals.overdue_reminded',
              actor: SYSTEM_ACTOR,
              decision: 'allowed',
              requestId: null,
              data: { dealId: deal.id, items: overdue.map((o) => o.item.key) },
            });
          });
          const sides = [
            ['broker', deal.broker_account_id],
            ['seller', deal.seller_account_id],
            ['buyer', deal.buyer_account_id],
          ] as const;
          await ctx.notify(
            sides.flatMap(([side, accountId]) => {
              const mine = overdue.filter((o) => side === 'broker' || o.item.owner === side);
              if (!accountId || !mine.length) return [];
              const due = mine.map((o) => o.dueOn).sort()[0] ?? '';
              const params = { deal: deal.code, code: deal.listing_code, count: mine.length, due };
              return [{ accountId, kind: 'deal_items_overdue' as const, params, link: ctx.linkFor(side, deal.id) }];
            }),
          );
          reminded += 1;
        }
        if (page.length < REMINDER_BATCH) break;
        after = page[page.length - 1]?.started_at ?? '';
      }
      return reminded;
    },

    /**
     * The scheduled job: every closed deal whose seller has not confirmed leaving the legal representative's seat
     * gets a reminder on a working day once `LEGAL_REP_REMINDER_WORKING_DAYS` working days have passed since the
     * last one (the first went with the closing). Returns how many were sent.
     */
    async remindLegalRepresentatives(): Promise<number> {
      const now = ctx.now();
      if (!ctx.calendar.isWorkingDay(now)) return 0;
      let sent = 0;
      for (const deal of await ctx.repo.pendingLegalRep(REMINDER_BATCH)) {
        const last = deal.legal_rep_last_reminder_at ?? deal.closed_at ?? now.toISOString();
        if (ctx.calendar.workingDaysBetween(new Date(last), now) < LEGAL_REP_REMINDER_WORKING_DAYS) continue;
        const at = now.toISOString();
        await ctx.repo.transaction(async (tx, trx) => {
          await tx.update(deal.id, { legal_rep_last_reminder_at: at });
          await ctx.audit.appendInTransaction(trx, {
            type: 'deals.legal_rep_reminded',
            actor: SYSTEM_ACTOR,
            decision: 'allowed',
            requestId: null,
            data: { dealId: deal.id },
          });
        });
        await ctx.notify([
          {
            accountId: deal.seller_account_id,
            kind: 'deal_legal_rep_reminder',
            params: { deal: deal.code, code: deal.listing_code },
            link: ctx.linkFor('seller', deal.id),
          },
        ]);
        sent += 1;
      }
      return sent;
    },
  };
}
