import type { NotificationsPort, NotifyInput } from '../../src/modules/notifications/index.ts';

/** Keeps every notice it is asked to send (stands in for the notifications module until it lands on main). */
export function createRecordingNotifications() {
  const sent: NotifyInput[] = [];
  const port: NotificationsPort = {
    async notify(input) {
      sent.push(input);
    },
    async notifyMany(inputs) {
      sent.push(...inputs);
    },
  };
  return { port, sent, to: (accountId: string, kind?: string) => sent.filter((n) => n.accountId === accountId && (!kind || n.kind === kind)) };
}
