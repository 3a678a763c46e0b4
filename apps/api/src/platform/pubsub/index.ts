export { createRedisPubSub, type PubSub } from './pubsub.ts';
