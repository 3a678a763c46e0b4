import { CSRF_COOKIE, SESSION_COOKIE, ZAccountResponse, ZLoginRequest } from '@sealbridge/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { IdentityService } from './identity-service.ts';

export function identityRoutes(service: IdentityService, options: { secureCookies: boolean }) {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: options.secureCookies };
  const clearCookies = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { ...cookieBase, httpOnly: true });
    reply.clearCookie(CSRF_COOKIE, { ...cookieBase, httpOnly: false });
  };

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/auth/login', {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in with a log-in name and password', body: ZLoginRequest, response: { 200: ZAccountResponse } },
      handler: async (request, reply) => {
        const { account, token, csrfToken, expiresAt } = await service.login(request.body.loginName, request.body.password, String(request.id));
        reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, httpOnly: true, expires: expiresAt });
        reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false, expires: expiresAt });
        return { account };
      },
    });

    r.post('/api/auth/logout', {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        if (!request.principal) throw new AppError('UNAUTHENTICATED');
        await service.logout(request.principal, String(request.id));
        clearCookies(reply);
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
