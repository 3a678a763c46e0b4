import type { NotificationKind } from '@sealbridge/contracts';

export type NotifyInput = {
  accountId: string;
  kind: NotificationKind;
  /** Listing codes, buyer aliases, stage names, dates — never personal data (the service refuses identifiers). */
  params: Readonly<Record<string, string | number>>;
  /** An in-app path the notice links to (`/account/...` or `/console/...`). */
  link?: string;
};

/**
 * The one way a module tells a person something happened: an in-app notice, plus an e-mail / SMS copy through the
 * delivery port when the person's channel choices for the kind's topic say so. Best effort for the copies: a
 * failed e-mail never fails the caller's operation; the in-app notice is written in the caller's flow.
 */
export type NotificationsPort = {
  notify(input: NotifyInput): Promise<void>;
  notifyMany(inputs: readonly NotifyInput[]): Promise<void>;
};
