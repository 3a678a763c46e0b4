/**
 * Messages (issue 13): threads per (listing, buyer) among the buyer, the listing's seller and its broker; messages
 * sealed by the vault under a subject per participant and thread; contact details masked for everyone but the sender
 * until the buyer's L3 grant, checked on every send and read; flags and call-back requests for the broker; live
 * updates over server-sent events fed by the instances' pub/sub.
 */
export { createMessagingRepo, type MessagingRepo } from './messaging-repo.ts';
export { createMessagingService, type MessagingService, type MessagingServiceDeps } from './messaging-service.ts';
export { messagingRoutes } from './messaging-routes.ts';
export { MESSAGING_AUDIT_EVENTS } from './messaging-audit-events.ts';
export { createMessageBus } from './message-bus.ts';
export { createMemoryPresence, createRedisPresence } from './presence.ts';
export { maskSpans } from './message-masking.ts';
export type { InquiryCheck, MessageBus, MessagingEvent, Presence } from './messaging-ports.ts';
