import type { DealSide, DealStage, NotificationKind, TDealView } from '@sealbridge/contracts';
import { chinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { ListingsDealLock } from '../listings/index.ts';
import type { NotificationsPort, NotifyInput } from '../notifications/index.ts';
import type { Vault } from '../vault/index.ts';
import { toDealView } from './deal-view.ts';
import type { DealRow, DealsRepo } from './deals-repo.ts';

/**
 * What deals ask the disclosure module: a structural slice of its `DisclosureAccess` port (modules/disclosure has
 * no index.ts yet; once it has, this becomes `Pick<DisclosureAccess, 'activeGrant' | 'partiesOf' | 'buyerAlias'>`).
 */
export type DealGrants = {
  /** The buyer's grant at a level if every precondition holds now; null otherwise (never why). */
  activeGrant(listingId: string, buyerAccountId: string, level: 'L1'): Promise<{ grantId: string } | null>;
  /** The listing's seller and adviser; null when there is no such listing. */
  partiesOf(listingId: string): Promise<{ sellerAccountId: string; brokerAccountId: string | null } | null>;
  /** The buyer's pseudonym on a listing: the only way the seller is told who the buyer is. */
  buyerAlias(listingId: string, buyerAccountId: string): string;
  /** The buyer account behind a grant (the adviser starts a deal from it); never shown to the sell side. */
  buyerOfGrant(grantId: string): Promise<string | null>;
};

export type DealsDeps = {
  repo: DealsRepo;
  audit: AuditPort;
  /** Seal photos and evidence; open them only through an audited reveal. The deals module never decrypts itself. */
  vault: Pick<Vault, 'createSubject' | 'findSubject' | 'sealFields' | 'reveal'>;
  /** Who may start a deal (L1), who the seller and the adviser are, and the buyer's per-listing alias. */
  access: DealGrants;
  /** The listings module's exclusivity lock and status. */
  listings: Pick<ListingsDealLock, 'listingForDeal' | 'listingIdsAdvisedBy' | 'lock' | 'end'>;
  calendar: WorkingDayCalendar;
  notifications: NotificationsPort;
  logger: Pick<Logger, 'warn'>;
  now?: () => Date;
};

export type DealContext = ReturnType<typeof createDealContext>;
export type Loaded = { deal: DealRow; side: DealSide };

/** What every deal operation shares: loading a deal as one of its sides, the text guard, events, notices, the view. */
export function createDealContext(deps: DealsDeps) {
  const now = deps.now ?? (() => new Date());
  const actorOf = (p: Pick<Principal, 'accountId' | 'roles' | 'sessionId'>): AuditActor & { accountId: string } => ({
    accountId: p.accountId,
    role: p.roles.join(',') || null,
    sessionId: p.sessionId,
  });

  /** A customer's side of a deal from the deal itself; a broker's from the listing's adviser now (reassignments follow). */
  function customerSide(deal: DealRow, principal: Principal): DealSide | null {
    if (principal.kind !== 'customer') return null;
    if (deal.seller_account_id === principal.accountId) return 'seller';
    if (deal.buyer_account_id === principal.accountId) return 'buyer';
    return null;
  }

  async function sideOf(deal: DealRow, principal: Principal): Promise<DealSide | null> {
    if (principal.kind === 'customer') return customerSide(deal, principal);
    if (!principal.roles.includes('broker')) return null;
    const adviser = (await deps.access.partiesOf(deal.listing_id))?.brokerAccountId ?? null;
    if (adviser !== principal.accountId) return null;
    // The stored broker (who hears of the parties' steps) follows a reassignment the first time the new one opens it.
    if (deal.broker_account_id !== adviser) {
      await deps.repo.update(deal.id, { broker_account_id: adviser });
      deal.broker_account_id = adviser;
    }
    return 'broker';
  }

  return {
    ...deps,
    now,
    actorOf,
    customerSide,
    today: () => chinaDay(now()),

    /**
     * The deal as one of its three sides, or NOT_FOUND (a stranger learns nothing, not even that it exists). A staff
     * member probing another broker's deal is on the audit trail.
     */
    async load(principal: Principal, id: string, requestId?: string): Promise<Loaded> {
      const deal = await deps.repo.findById(id);
      const side = deal ? await sideOf(deal, principal) : null;
      if (!deal || !side) {
        if (deal && principal.kind === 'staff') {
          await deps.audit.append({
            type: 'deals.access_refused',
            actor: actorOf(principal),
            decision: 'denied',
            requestId: requestId ?? null,
            data: { dealId: id },
          });
        }
        throw new AppError('NOT_FOUND');
      }
      return { deal, side };
    },

    requireSide(loaded: Loaded, allowed: readonly DealSide[]) {
      if (!allowed.includes(loaded.side)) throw new AppError('FORBIDDEN', `the ${loaded.side} cannot do this`);
    },

    requireOpen(deal: DealRow) {
      if (deal.status !== 'open') throw new AppError('CONFLICT', `deal is ${deal.status}`);
    },

    /** A date the caller says something happened on: not after today in Beijing. */
    requirePast(field: string, day: string) {
      if (day > chinaDay(now())) throw new AppError('VALIDATION_FAILED', `${field} is in the future`, { fields: [field] });
    },

    /** Free text stored in plaintext (notes, remarks) must carry no identifier, however written; says where, never what. */
    guard(texts: readonly { field: string; text: string }[]) {
      assertNoIdentifiers(texts, { now: now() });
    },

    event(
      deal: DealRow,
      principal: Principal | null,
      side: DealSide,
      action: string,
      extra: { from?: string | null; to?: string | null; note?: string } = {},
    ) {
      return {
        id: newId(),
        deal_id: deal.id,
        at: now().toISOString(),
        actor_account_id: principal?.accountId ?? null,
        side,
        action,
        from_stage: extra.from ?? null,
        to_stage: extra.to ?? null,
        note: extra.note ?? '',
      };
    },

    /** Notices after the change has committed: a failed notice is logged, never un-does the change. */
    async notify(inputs: readonly NotifyInput[]) {
      if (inputs.length === 0) return;
      await deps.notifications.notifyMany(inputs).catch((error: unknown) => deps.logger.warn({ err: error }, 'deal notice not delivered'));
    },

    /** The notice of entering a stage (one kind per stage, so each language names it in its own words). */
    stageKind(stage: DealStage): NotificationKind {
      return `deal_stage_${stage}` as NotificationKind;
    },

    /** Links each side's notice to its own page of the deal. */
    linkFor(side: DealSide, dealId: string) {
      return side === 'broker' ? `/console/deals/${dealId}` : `/account/deals/${dealId}`;
    },

    async view(loaded: Loaded): Promise<TDealView> {
      const { deal, side } = loaded;
      const [marks, custody, money, events] = await Promise.all([
        deps.repo.marksOf(deal.id),
        deps.repo.custodyOf(deal.id),
        deps.repo.moneyOf(deal.id),
        deps.repo.eventsOf(deal.id),
      ]);
      return toDealView(
        deal,
        { marks, custody, money, events },
        { side, buyerAlias: deps.access.buyerAlias(deal.listing_id, deal.buyer_account_id), calendar: deps.calendar, now: now() },
      );
    },

    /** Reloads a deal after a change, for the response. */
    async reload(loaded: Loaded): Promise<TDealView> {
      const deal = await deps.repo.findById(loaded.deal.id);
      if (!deal) throw new AppError('NOT_FOUND');
      return this.view({ deal, side: loaded.side });
    },
  };
}
