import { z } from 'zod';
import { NOTIFICATION_TOPICS } from '@sealbridge/contracts';
import { defineAuditEvent } from '../audit/index.ts';

export const NOTIFICATIONS_AUDIT_EVENTS = [
  defineAuditEvent(
    'notifications.settings_changed',
    'update',
    'A person changed which notices they also receive by e-mail or text message',
    z.object({ topics: z.array(z.enum(NOTIFICATION_TOPICS)) }),
  ),
];
