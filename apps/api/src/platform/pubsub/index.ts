export { createLocalPubSub, createRedisPubSub, type PubSub } from './pubsub.ts';
