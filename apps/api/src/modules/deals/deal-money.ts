import type { TDealView, ZMoneyEventRequest, ZMoneyRequest, ZPledgeRequest } from '@sealbridge/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { DealContext, Loaded } from './deal-context.ts';
import { toCents } from './deal-rules.ts';

type Money = z.output<typeof ZMoneyRequest>;
type MoneyEvent = z.output<typeof ZMoneyEventRequest>;
type Pledge = z.output<typeof ZPledgeRequest>;

const refuse = (why: string): never => {
  throw new AppError('DEAL_MONEY_RULE', why);
};

/**
 * Money milestones, recorded and never moved: deposit, instalments, the 资金共管 account, the final payment, and a
 * holdback for hidden debts with its claims window; plus the equity pledge back to the seller until the final
 * payment. Only the broker records them, while the deal is open or after its closing (instalments go on), never
 * once it is cancelled.
 */
export function createDealMoney(ctx: DealContext) {
  async function brokerDeal(principal: Principal, id: string, requestId?: string): Promise<Loaded> {
    const loaded = await ctx.load(principal, id, requestId);
    ctx.requireSide(loaded, ['broker']);
    if (loaded.deal.status === 'cancelled') throw new AppError('CONFLICT', 'deal cancelled');
    return loaded;
  }

  async function record(
    principal: Principal,
    loaded: Loaded,
    work: (tx: Parameters<Parameters<DealContext['repo']['transaction']>[0]>[0]) => Promise<void>,
    audit: { type: string; data: Record<string, unknown> },
    requestId?: string,
  ) {
    await ctx.repo.transaction(async (tx, trx) => {
      await work(tx);
      await tx.update(loaded.deal.id, { updated_at: ctx.now().toISOString() });
      await ctx.audit.appendInTransaction(trx, {
        type: audit.type,
        actor: ctx.actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { dealId: loaded.deal.id, ...audit.data },
      });
    });
    return ctx.reload(loaded);
  }

  return {
    async add(principal: Principal, id: string, input: Money, requestId?: string): Promise<TDealView> {
      const loaded = await brokerDeal(principal, id, requestId);
      ctx.guard([{ field: 'note', text: input.note }]);
      if ((input.kind === 'holdback') !== (input.claimsWindowEndsOn !== null)) {
        throw new AppError('VALIDATION_FAILED', 'a holdback, and only a holdback, has a claims window', { fields: ['claimsWindowEndsOn'] });
      }
      const existing = await ctx.repo.moneyOf(loaded.deal.id);
      if ((input.kind === 'final_payment' || input.kind === 'deposit') && existing.some((m) => m.kind === input.kind))
        refuse(`only one ${input.kind}`);
      const row = {
        id: newId(),
        deal_id: loaded.deal.id,
        kind: input.kind,
        amount_cents: toCents(input.amountWan),
        due_on: input.dueOn,
        paid_on: null,
        released_on: null,
        claims_window_ends_on: input.claimsWindowEndsOn,
        note: input.note,
        created_at: ctx.now().toISOString(),
      };
      return record(
        principal,
        loaded,
        (tx) => tx.insertMoney(row).then(() => undefined),
        { type: 'deals.money_recorded', data: { milestoneId: row.id, kind: row.kind, amountCents: row.amount_cents } },
        requestId,
      );
    },

    /** Paid (once), then — for the co-managed account and the holdback — released; a holdback only after its window. */
    async event(principal: Principal, id: string, milestoneId: string, input: MoneyEvent, requestId?: string): Promise<TDealView> {
      const loaded = await brokerDeal(principal, id, requestId);
      const m = (await ctx.repo.moneyOf(loaded.deal.id)).find((x) => x.id === milestoneId);
      if (!m) throw new AppError('NOT_FOUND');
      ctx.requirePast('on', input.on);
      if (input.action === 'paid') {
        if (m.paid_on) refuse('already paid');
      } else {
        if (m.kind !== 'escrow' && m.kind !== 'holdback') refuse('only escrow and holdback are released');
        if (!m.paid_on || m.released_on) refuse('release needs a payment, once');
        if (m.kind === 'holdback' && m.claims_window_ends_on && input.on < m.claims_window_ends_on) refuse('claims window still open');
      }
      const columns = input.action === 'paid' ? { paid_on: input.on } : { released_on: input.on };
      return record(
        principal,
        loaded,
        (tx) => tx.updateMoney(m.id, columns).then(() => undefined),
        { type: 'deals.money_event_recorded', data: { milestoneId: m.id, action: input.action, on: input.on } },
        requestId,
      );
    },

    /** The equity pledge back to the seller: registered once, released only after the final payment is recorded paid. */
    async pledge(principal: Principal, id: string, input: Pledge, requestId?: string): Promise<TDealView> {
      const loaded = await brokerDeal(principal, id, requestId);
      const { deal } = loaded;
      ctx.requirePast('on', input.on);
      if (input.action === 'registered') {
        if (deal.pledge_registered_on) refuse('pledge already registered');
      } else {
        if (!deal.pledge_registered_on || deal.pledge_released_on) refuse('no registered pledge to release');
        const final = (await ctx.repo.moneyOf(deal.id)).find((m) => m.kind === 'final_payment');
        if (!final?.paid_on) refuse('final payment not recorded');
      }
      const columns = input.action === 'registered' ? { pledge_registered_on: input.on } : { pledge_released_on: input.on };
      return record(
        principal,
        loaded,
        (tx) => tx.update(deal.id, columns).then(() => undefined),
        { type: 'deals.pledge_recorded', data: { action: input.action, on: input.on } },
        requestId,
      );
    },
  };
}
