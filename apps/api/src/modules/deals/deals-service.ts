import { DEAL_STATUSES, type DealStatus, type TDealList, type TDealView } from '@sealbridge/contracts';
import type { Principal } from '../../platform/http/index.ts';
import { createDealContext, type DealsDeps } from './deal-context.ts';
import { createDealCustody } from './deal-custody.ts';
import { createDealMoney } from './deal-money.ts';
import { createDealPipeline } from './deal-pipeline.ts';
import { createDealTasks } from './deal-tasks.ts';
import { toDealSummary } from './deal-view.ts';

export type { DealsDeps, DealGrants } from './deal-context.ts';
export type DealsService = ReturnType<typeof createDealsService>;

/**
 * The deal pipeline (issue 13). Every method loads the deal as one of its three sides (broker, seller, buyer) or
 * answers NOT_FOUND, checks what that side may do, does it, and writes the audit record in the same transaction;
 * notices follow the commit. One operation group per file: pipeline, custody, money, tasks.
 */
export function createDealsService(deps: DealsDeps) {
  const ctx = createDealContext(deps);
  const pipeline = createDealPipeline(ctx);
  const custody = createDealCustody(ctx);
  const money = createDealMoney(ctx);
  const tasks = createDealTasks(ctx);

  return {
    /** The deals the caller takes part in: a broker's assigned deals, a customer's as seller or buyer. */
    async list(principal: Principal, status?: DealStatus): Promise<TDealList> {
      const wanted = status && DEAL_STATUSES.includes(status) ? status : undefined;
      const broker = principal.kind === 'staff' && principal.roles.includes('broker');
      if (principal.kind === 'staff' && !broker) return { items: [] };
      const rows = broker
        ? await deps.repo.listForListings(await deps.listings.listingIdsAdvisedBy(principal.accountId), wanted)
        : await deps.repo.listForCustomer(principal.accountId, wanted);
      const marks = await deps.repo.marksOfMany(rows.map((r) => r.id));
      return {
        items: rows.flatMap((deal) => {
          const side = broker ? 'broker' : ctx.customerSide(deal, principal);
          if (!side) return [];
          const own = marks.filter((m) => m.deal_id === deal.id);
          return [
            toDealSummary(deal, own, {
              side,
              buyerAlias: deps.access.buyerAlias(deal.listing_id, deal.buyer_account_id),
              calendar: deps.calendar,
            }),
          ];
        }),
      };
    },
    async get(principal: Principal, id: string, requestId?: string): Promise<TDealView> {
      return ctx.view(await ctx.load(principal, id, requestId));
    },
    start: pipeline.start,
    advance: pipeline.advance,
    cancel: pipeline.cancel,
    mark: tasks.mark,
    completeArt22: tasks.completeArt22,
    confirmLegalRep: tasks.confirmLegalRep,
    revealLegalRepEvidence: tasks.revealLegalRepEvidence,
    remindLegalRepresentatives: tasks.remindLegalRepresentatives,
    remindOverdueItems: tasks.remindOverdueItems,
    setCustodyApplicable: custody.setApplicable,
    uploadCustodyPhoto: custody.uploadPhoto,
    confirmCustody: custody.confirm,
    recordSealCancellation: custody.recordSealCancellation,
    revealCustodyPhoto: custody.revealPhoto,
    addMoney: money.add,
    recordMoneyEvent: money.event,
    recordPledge: money.pledge,
  };
}
