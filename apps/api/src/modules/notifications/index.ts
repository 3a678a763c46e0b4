/**
 * The notifications port (ADR 0012). Placeholder surface until the notifications module lands on main with its own
 * index.ts (take that one when merging).
 */
export type { NotificationsPort, NotifyInput } from './notifications-port.ts';
