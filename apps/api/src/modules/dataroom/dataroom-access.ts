import type { DataroomLevel, DataroomRole } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { ActiveGrant, DisclosureAccess, ListingParties } from '../disclosure/index.ts';
import type { DataroomRepo, DocumentRow, RoomRow } from './dataroom-repo.ts';

export type RoomCaller = {
  principal: Principal;
  role: DataroomRole;
  parties: ListingParties;
  /** The buyer's active L2 grant, read now (never cached: a revocation or expiry is seen by the next request). */
  grant: ActiveGrant | null;
  room: RoomRow | undefined;
};

export const LEVEL_RANK: Record<DataroomLevel, number> = { none: 0, view: 1, download_watermarked: 2, original: 3 };

export const actorOf = (p: Principal): AuditActor => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });

/**
 * Who the caller is in a listing's room, decided on every request: the listing's adviser (broker) or seller from
 * `partiesOf`, otherwise a buyer only with an active L2 grant. Anyone else gets NOT_FOUND — the same answer as for
 * a listing that does not exist, because that a company is for sale is the seller's secret. Refusals are audited.
 */
export function createRoomAccess(deps: {
  repo: DataroomRepo;
  access: Pick<DisclosureAccess, 'activeGrant' | 'partiesOf'>;
  audit: AuditPort;
}) {
  async function refuseAudited(
    principal: Principal,
    listingId: string,
    reason: 'no_grant' | 'no_permission' | 'not_party',
    documentId: string | null,
    requestId?: string,
  ): Promise<never> {
    await deps.audit.append({
      type: 'dataroom.access_refused',
      actor: actorOf(principal),
      decision: 'denied',
      requestId: requestId ?? null,
      data: { listingId, reason, documentId },
    });
    throw new AppError('NOT_FOUND', 'no such data room for this caller');
  }

  /**
   * `quiet`: a lookup across rooms (the caller's room list, a leak check) asks about rooms the caller is not in by
   * design — those misses are answered the same way but not recorded as refusals.
   */
  async function caller(principal: Principal, listingId: string, requestId?: string, quiet = false): Promise<RoomCaller> {
    const refuse = quiet
      ? async (): Promise<never> => {
          throw new AppError('NOT_FOUND', 'no such data room for this caller');
        }
      : refuseAudited;
    const parties = await deps.access.partiesOf(listingId);
    if (!parties) throw new AppError('NOT_FOUND', 'no such listing');
    const room = await deps.repo.roomOfListing(listingId);
    if (principal.kind === 'staff') {
      if (principal.roles.includes('broker') && parties.brokerAccountId === principal.accountId)
        return { principal, role: 'broker', parties, grant: null, room };
      return refuse(principal, listingId, 'not_party', null, requestId);
    }
    if (parties.sellerAccountId === principal.accountId) return { principal, role: 'seller', parties, grant: null, room };
    if (!principal.roles.includes('buyer')) return refuse(principal, listingId, 'not_party', null, requestId);
    const grant = await deps.access.activeGrant(listingId, principal.accountId, 'L2');
    if (!grant || grant.level !== 'L2' || grant.listingId !== listingId || grant.buyerAccountId !== principal.accountId)
      return refuse(principal, listingId, 'no_grant', null, requestId);
    return { principal, role: 'buyer', parties, grant, room };
  }

  return {
    caller,
    refuse: refuseAudited,
    /** The seller or the adviser. */
    async manager(principal: Principal, listingId: string, requestId?: string, quiet = false): Promise<RoomCaller> {
      const c = await caller(principal, listingId, requestId, quiet);
      if (c.role === 'buyer') throw new AppError('FORBIDDEN', 'only the seller or adviser manages a data room');
      return c;
    },
    /** The listing's adviser alone: uploads, redaction, releases. */
    async broker(principal: Principal, listingId: string, requestId?: string): Promise<RoomCaller> {
      const c = await caller(principal, listingId, requestId);
      if (c.role !== 'broker') throw new AppError('FORBIDDEN', "only the listing's adviser does this");
      return c;
    },
    /** The caller's level on a document: managers see everything; a buyer only what a permission row of their grant says. */
    async levelOf(c: RoomCaller, document: DocumentRow): Promise<DataroomLevel> {
      if (c.role !== 'buyer') return 'original';
      if (!c.grant || !document.released_version_id) return 'none';
      return (await deps.repo.permission(c.grant.grantId, document.id))?.level ?? 'none';
    },
    /** Refuses (as not found, audited) a buyer without `needed` on the document. */
    async require(
      c: RoomCaller,
      document: DocumentRow | undefined,
      needed: DataroomLevel,
      requestId?: string,
    ): Promise<{ document: DocumentRow; level: DataroomLevel }> {
      if (!document) throw new AppError('NOT_FOUND', 'no such document');
      const level = await this.levelOf(c, document);
      if (level === 'none') return refuseAudited(c.principal, c.parties.listingId, 'no_permission', document.id, requestId);
      if (LEVEL_RANK[level] < LEVEL_RANK[needed]) {
        await deps.audit.append({
          type: 'dataroom.access_refused',
          actor: actorOf(c.principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: { listingId: c.parties.listingId, reason: 'no_permission', documentId: document.id },
        });
        throw new AppError('DATAROOM_NO_ACCESS', `needs ${needed}`);
      }
      return { document, level };
    },
  };
}

export type RoomAccess = ReturnType<typeof createRoomAccess>;
