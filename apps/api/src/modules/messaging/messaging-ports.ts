import type { MessageLane } from '@sealbridge/contracts';

/**
 * Whether a buyer has an inquiry on a listing — the condition for opening a thread. The disclosure module owns
 * inquiries; until its port answers this, services.ts implements this small port over it.
 */
export type InquiryCheck = { hasInquiry(listingId: string, buyerAccountId: string): Promise<boolean> };

/** What the live stream carries between instances: ids only, never text. `to` names the accounts to tell. */
export type MessagingEvent = {
  /** The stream event id (a message's own id for `message`, so a reconnect can replay from it). */
  id: string;
  type: 'message' | 'read' | 'flag' | 'callback';
  to: readonly string[];
  threadId: string;
  lane?: MessageLane;
  messageId?: string;
};

/** Fans events out to every instance (Redis pub/sub in scale-out, in-process otherwise). */
export type MessageBus = {
  publish(event: MessagingEvent): Promise<void>;
  subscribe(handler: (event: MessagingEvent) => void): Promise<void>;
};

/** Whether an account has a live stream open on any instance (no notice is sent to someone watching). */
export type Presence = {
  online(accountId: string): Promise<boolean>;
  /** This instance holds a stream of the account; refreshed at each heartbeat, forgotten after `ttlMs`. */
  mark(accountId: string, ttlMs: number): Promise<void>;
  /** This instance holds no stream of the account any more. */
  clear(accountId: string): Promise<void>;
};
