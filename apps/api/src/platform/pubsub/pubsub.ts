import type { Redis } from 'ioredis';
import type { Logger } from '../logger/index.ts';

/** Messages between the instances of a scale-out deployment (cache invalidation, revocations). Ids only. */
export type PubSub = {
  publish: (channel: string, message: string) => Promise<void>;
  subscribe: (channel: string, handler: (message: string) => void) => Promise<void>;
  close: () => Promise<void>;
};

/** Redis pub/sub: publishing uses the shared client, subscribing a duplicate (a subscribed client can do nothing else). */
export function createRedisPubSub(redis: Redis, logger: Logger): PubSub {
  let subscriber: Redis | undefined;
  const handlers = new Map<string, ((message: string) => void)[]>();
  return {
    async publish(channel, message) {
      await redis.publish(channel, message);
    },
    async subscribe(channel, handler) {
      if (!subscriber) {
        subscriber = redis.duplicate();
        subscriber.on('message', (ch: string, message: string) => {
          for (const h of handlers.get(ch) ?? []) {
            try {
              h(message);
            } catch (error) {
              logger.error({ err: error, channel: ch }, 'pub/sub handler failed');
            }
          }
        });
      }
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      await subscriber.subscribe(channel);
    },
    async close() {
      await subscriber?.quit();
    },
  };
}

/**
 * The single-process stand-in (no REDIS_URL): same contract, delivered on the next tick so a publisher never runs
 * subscribers inside its own call stack, as with Redis.
 */
export function createLocalPubSub(logger: Logger): PubSub {
  const handlers = new Map<string, ((message: string) => void)[]>();
  return {
    async publish(channel, message) {
      for (const h of handlers.get(channel) ?? []) {
        setImmediate(() => {
          try {
            h(message);
          } catch (error) {
            logger.error({ err: error, channel }, 'pub/sub handler failed');
          }
        });
      }
    },
    async subscribe(channel, handler) {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    },
    async close() {
      handlers.clear();
    },
  };
}
