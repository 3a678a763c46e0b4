import { ZAccountResponse, ZLoginRequest } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { IdentityService } from './identity-service.ts';
import { sessionCookies, withRetryAfter } from './session-cookies.ts';

export function identityRoutes(service: IdentityService, options: { secureCookies: boolean }) {
  const cookies = sessionCookies(options);

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/auth/login', {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a log-in name, or the mobile number or e-mail registered, and a password',
        body: ZLoginRequest,
        response: { 200: ZAccountResponse },
      },
      handler: async (request, reply) => {
        const session = await withRetryAfter(reply, () => service.login(request.body.loginName, request.body.password, String(request.id)));
        cookies.set(reply, session);
        return { account: session.account };
      },
    });

    r.post('/api/auth/logout', {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        await service.logout(request.principal, String(request.id));
        cookies.clear(reply);
        return reply.code(204).send(null);
      },
    });

    r.get('/api/auth/me', {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: ZAccountResponse } },
      handler: async (request) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        return { account: await service.getAccount(request.principal) };
      },
    });
  };
}
