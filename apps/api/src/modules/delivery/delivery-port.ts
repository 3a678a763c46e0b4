import type { ContactChannel, DeliveryTemplate } from '@sealbridge/contracts';

export type DeliveryChannel = ContactChannel;

/** A message to one person. `to` and the params are personal (a code, an address): they are sealed at rest. */
export type DeliveryMessage = {
  channel: DeliveryChannel;
  /** A normalized mobile number (E.164) or e-mail address. */
  to: string;
  template: DeliveryTemplate;
  params: Readonly<Record<string, string | number>>;
};

/** The one way modules send a notification or a code: `send` stores it in the outbox and hands it to a transport. */
export type DeliveryPort = {
  send(message: DeliveryMessage): Promise<{ id: string }>;
};

/** A message as a transport sees it: rendered text for SMTP, template and params for template-only SMS providers. */
export type RenderedMessage = DeliveryMessage & { id: string; subject: string; text: string };

/**
 * An outside transport (SMTP, an SMS provider) for one channel. `deliver` rejects when the transport refuses the
 * message; its error must not be logged as is (a provider's message may echo the address).
 */
export type DeliveryTransport = {
  name: string;
  channel: DeliveryChannel;
  deliver(message: RenderedMessage): Promise<void>;
};
