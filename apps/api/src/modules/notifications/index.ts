/**
 * Notifications: in-app notices for every step of the deal path, with e-mail / SMS copies through the delivery port
 * per each person's channel choices. Kinds and texts are a registry in contracts (`NOTIFICATION_KINDS`); notices carry
 * listing codes, buyer aliases, stages and dates only.
 */
export type { NotificationsPort, NotifyInput } from './notifications-port.ts';
export { createNotificationsRepo, type NotificationsRepo } from './notifications-repo.ts';
export { createNotificationsService, type NotificationsService } from './notifications-service.ts';
export { notificationsRoutes } from './notifications-routes.ts';
export { NOTIFICATIONS_AUDIT_EVENTS } from './notifications-audit-events.ts';
