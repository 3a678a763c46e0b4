import type { Logger } from '../../platform/logger/index.ts';
import type { PubSub } from '../../platform/pubsub/index.ts';
import type { MessageBus, MessagingEvent } from './messaging-ports.ts';

export const MESSAGING_CHANNEL = 'sealbridge:messaging';

/** Events over the instances' pub/sub: every instance (the publisher too) hands them to its own streams. */
export function createMessageBus(pubsub: PubSub, logger: Logger): MessageBus {
  return {
    async publish(event) {
      await pubsub.publish(MESSAGING_CHANNEL, JSON.stringify(event));
    },
    async subscribe(handler) {
      await pubsub.subscribe(MESSAGING_CHANNEL, (message) => {
        let event: MessagingEvent;
        try {
          event = JSON.parse(message) as MessagingEvent;
        } catch {
          logger.warn('malformed messaging event dropped');
          return;
        }
        handler(event);
      });
    },
  };
}
