import type { MaskingReason, MessageLane, ThreadRole } from '@sealbridge/contracts';
import type { ListingParties } from '../disclosure/index.ts';

/**
 * Who is in which lane, who may use it when, and who reads an original: pure rules, decided once here.
 *
 * - `parties` (buyer, seller, broker) opens to the buyer and the seller only with the buyer's active L1 grant:
 *   before it the seller may not learn who the buyer is, nor the buyer which company the seller's is. The broker
 *   may read its history at any time but writes there only while it is open (nobody else could read it).
 * - `buyer_broker` and `seller_broker` are each side's private line to the broker, open from the start.
 * - Originals cross only between the buyer and the seller, only in `parties`, only while L3 is active; every
 *   other reader gets the masked rendering — the broker always (contacts reach staff only through the audited
 *   profile reveal, never through a message).
 */
export const LANE_MEMBERS: Readonly<Record<MessageLane, readonly ThreadRole[]>> = {
  parties: ['buyer', 'seller', 'broker'],
  buyer_broker: ['buyer', 'broker'],
  seller_broker: ['seller', 'broker'],
};

export const LANES_OF: Readonly<Record<ThreadRole, readonly MessageLane[]>> = {
  buyer: ['parties', 'buyer_broker'],
  seller: ['parties', 'seller_broker'],
  broker: ['parties', 'buyer_broker', 'seller_broker'],
};

export type ThreadKey = { listingId: string; buyerAccountId: string };

/** The caller's role in a thread, from the live parties of the listing; null for anyone else. */
export function roleIn(thread: ThreadKey, parties: ListingParties, accountId: string): ThreadRole | null {
  if (accountId === thread.buyerAccountId) return 'buyer';
  if (accountId === parties.sellerAccountId) return 'seller';
  if (parties.brokerAccountId !== null && accountId === parties.brokerAccountId) return 'broker';
  return null;
}

/** The account ids of a lane's members (the broker only once assigned). */
export function laneAccounts(lane: MessageLane, thread: ThreadKey, parties: ListingParties): string[] {
  const ids: Record<ThreadRole, string | null> = {
    buyer: thread.buyerAccountId,
    seller: parties.sellerAccountId,
    broker: parties.brokerAccountId,
  };
  return LANE_MEMBERS[lane].map((r) => ids[r]).filter((id): id is string => id !== null);
}

/** May this role read the lane now? (`parties` needs L1 for the buyer and the seller.) */
export function mayRead(role: ThreadRole, lane: MessageLane, l1Active: boolean): boolean {
  if (!LANE_MEMBERS[lane].includes(role)) return false;
  return lane !== 'parties' || role === 'broker' || l1Active;
}

/** May this role write to the lane now? (`parties` needs L1 for everyone: nobody else could read it before.) */
export function mayWrite(role: ThreadRole, lane: MessageLane, l1Active: boolean): boolean {
  return LANE_MEMBERS[lane].includes(role) && (lane !== 'parties' || l1Active);
}

/** Does `reader` get the original of what `sender` wrote? Only buyer ↔ seller, in `parties`, under an active L3. */
export function readsOriginal(lane: MessageLane, sender: ThreadRole, reader: ThreadRole, l3Active: boolean): boolean {
  return lane === 'parties' && l3Active && sender !== reader && sender !== 'broker' && reader !== 'broker';
}

/** Why others see what this sender wrote masked now, or null when the other party reads it as written. */
export function maskingReason(lane: MessageLane, sender: ThreadRole, l3Active: boolean): MaskingReason | null {
  if (lane !== 'parties' || sender === 'broker') return 'broker_line';
  return l3Active ? null : 'contacts_closed';
}

/** Identifiers sent to the other party before L3: these count toward a flag for the broker. */
export function isContactAttempt(lane: MessageLane, sender: ThreadRole, l3Active: boolean, identifiers: number): boolean {
  return lane === 'parties' && sender !== 'broker' && !l3Active && identifiers > 0;
}
