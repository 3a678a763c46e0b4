import { ZAccountResponse, ZEndOtherSessionsResponse, ZLoginRequest, ZSessionParams, ZSessionsResponse } from '@sealbridge/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { IdentityService } from './identity-service.ts';
import { deviceContext, sessionCookies, withRetryAfter } from './session-cookies.ts';

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

export function identityRoutes(service: IdentityService, options: { secureCookies: boolean }) {
  const cookies = sessionCookies(options);
  // Signing out and asking "who am I" work at every stage of a sign-in.
  const anyStage = { permission: 'authenticated' as const, stages: ['second_factor' as const, 'enrol_factor' as const] };

  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/auth/login', {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a log-in name, or the mobile number or e-mail registered, and a password',
        description:
          'An account with a second factor gets a session at stage second_factor until POST /api/auth/step-up; a staff member without one gets stage enrol_factor.',
        body: ZLoginRequest,
        response: { 200: ZAccountResponse },
      },
      handler: async (request, reply: FastifyReply) => {
        const device = deviceContext(request, reply, cookies);
        const session = await withRetryAfter(reply, () =>
          service.login(request.body.loginName, request.body.password, { requestId: String(request.id), device }),
        );
        cookies.set(reply, session);
        return { account: session.account, stage: session.stage, secondFactor: session.secondFactor };
      },
    });

    r.post('/api/auth/logout', {
      config: anyStage,
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.logout(principalOf(request), String(request.id));
        cookies.clear(reply);
        return reply.code(204).send(null);
      },
    });

    r.get('/api/auth/me', {
      config: anyStage,
      schema: { tags: ['auth'], summary: 'The signed-in account and the stage of its sign-in', response: { 200: ZAccountResponse } },
      handler: async (request) => {
        const principal = principalOf(request);
        return { account: await service.getAccount(principal), ...(await service.sessionState(principal)) };
      },
    });

    r.get('/api/me/sessions', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'My live sessions (device label, when started and last used)',
        response: { 200: ZSessionsResponse },
      },
      handler: async (request) => ({ sessions: await service.listSessions(principalOf(request)) }),
    });

    r.delete('/api/me/sessions/:id', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions (on every server at once)',
        params: ZSessionParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.endSession(principalOf(request), request.params.id, String(request.id));
        return reply.code(204).send(null);
      },
    });

    r.post('/api/me/sessions/end-others', {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'End all my sessions but this one', response: { 200: ZEndOtherSessionsResponse } },
      handler: async (request) => ({ ended: await service.endOtherSessions(principalOf(request), String(request.id)) }),
    });
  };
}
