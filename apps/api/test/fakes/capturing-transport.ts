import type { DeliveryTransport, RenderedMessage } from '../../src/modules/delivery/index.ts';

/**
 * Delivery transports for both channels that keep what they are handed in memory, standing in for SMTP and an SMS
 * provider: tests read the one-time code a person would have received.
 */
export function createCapturingTransports() {
  const messages: RenderedMessage[] = [];
  const transports: DeliveryTransport[] = (['mobile', 'email'] as const).map((channel) => ({
    name: 'capture',
    channel,
    deliver: async (message: RenderedMessage) => {
      messages.push(message);
    },
  }));
  return {
    transports,
    messages,
    /** The last message sent to a normalized address (E.164 mobile, lower-case e-mail). */
    lastTo(address: string): RenderedMessage | undefined {
      return messages.filter((m) => m.to === address).at(-1);
    },
    codeFor(address: string): string {
      const code = this.lastTo(address)?.params['code'];
      if (typeof code !== 'string') throw new Error('no code was sent to that address');
      return code;
    },
  };
}

/** A transport that refuses every message with a provider error that echoes the address (which must not be logged). */
export function createRefusingTransport(channel: 'mobile' | 'email'): DeliveryTransport {
  return {
    name: 'refusing',
    channel,
    deliver: async (message) => {
      throw Object.assign(new Error(`550 5.1.1 <${message.to}>: Recipient address rejected`), { code: 'EENVELOPE' });
    },
  };
}
