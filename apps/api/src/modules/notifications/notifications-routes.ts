import { ZNotificationList, ZNotificationSettings } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { NotificationsService } from './notifications-service.ts';

export function notificationsRoutes(service: NotificationsService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/me/notifications', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'My latest notices (newest first) and how many are unread',
        response: { 200: ZNotificationList },
      },
      handler: async (request) => service.list(principalOf(request.principal)),
    });
    r.post('/api/me/notifications/read', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark the given notices (or all) as read',
        body: z.object({ ids: z.array(z.string().min(1).max(64)).max(200).optional() }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.markRead(principalOf(request.principal), request.body.ids);
        return reply.code(204).send(null);
      },
    });
    r.get('/api/me/notification-settings', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Which notices I also receive by e-mail or text message',
        response: { 200: ZNotificationSettings },
      },
      handler: async (request) => service.settings(principalOf(request.principal)),
    });
    r.put('/api/me/notification-settings', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Choose e-mail and text-message copies per topic',
        body: ZNotificationSettings,
        response: { 200: ZNotificationSettings },
      },
      handler: async (request) => service.saveSettings(principalOf(request.principal), request.body, String(request.id)),
    });
  };
}
