import { ZNotificationList, ZNotificationSettings } from '@sealbridge/contracts';
import type { TNotificationSettings } from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** My in-app notices and which of them also come by e-mail or text message. */
export const notificationsApi = {
  list: (signal?: AbortSignal) => apiRequest('/api/me/notifications', (v) => ZNotificationList.parse(v), { signal }),
  markRead: (ids?: string[]) => apiRequest('/api/me/notifications/read', noContent, { method: 'POST', body: ids ? { ids } : {} }),
  settings: (signal?: AbortSignal) => apiRequest('/api/me/notification-settings', (v) => ZNotificationSettings.parse(v), { signal }),
  saveSettings: (body: TNotificationSettings) =>
    apiRequest('/api/me/notification-settings', (v) => ZNotificationSettings.parse(v), { method: 'PUT', body }),
};
