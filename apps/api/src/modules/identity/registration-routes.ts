import {
  ZAccountResponse,
  ZPasswordResetCompleteRequest,
  ZRegisterCompleteRequest,
  ZRegisterStartRequest,
  ZRegisterStartResponse,
} from '@sealbridge/contracts';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RegistrationService } from './registration-service.ts';
import { deviceContext, sessionCookies, withRetryAfter } from './session-cookies.ts';

/** Public registration routes; per-client limits here, per-address limits and code attempts in the service. */
export function registrationRoutes(service: RegistrationService, options: { secureCookies: boolean }) {
  const cookies = sessionCookies(options);
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/auth/register/start', {
      config: { permission: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time registration code to a mobile number or e-mail address (same answer whether or not it is registered)',
        body: ZRegisterStartRequest,
        response: { 202: ZRegisterStartResponse },
      },
      handler: async (request, reply) => {
        const sent = await withRetryAfter(reply, () =>
          service.start(request.body, { clientIp: request.ip, requestId: String(request.id) }),
        );
        return reply.code(202).send(sent);
      },
    });

    r.post('/api/auth/register/complete', {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create a customer account with the code, a password and roles, and sign in',
        body: ZRegisterCompleteRequest,
        response: { 201: ZAccountResponse },
      },
      handler: async (request, reply) => {
        const device = deviceContext(request, reply, cookies);
        const session = await withRetryAfter(reply, () => service.complete(request.body, { requestId: String(request.id), device }));
        cookies.set(reply, session);
        return reply.code(201).send({ account: session.account, stage: session.stage, secondFactor: null });
      },
    });

    r.post('/api/auth/password-reset/start', {
      config: { permission: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a password reset code to a registered mobile number or e-mail address (same answer for any address)',
        body: ZRegisterStartRequest,
        response: { 202: ZRegisterStartResponse },
      },
      handler: async (request, reply) => {
        const sent = await withRetryAfter(reply, () =>
          service.startReset(request.body, { clientIp: request.ip, requestId: String(request.id) }),
        );
        return reply.code(202).send(sent);
      },
    });

    r.post('/api/auth/password-reset/complete', {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the code; every session of the account ends and the second factor is still asked at sign-in',
        body: ZPasswordResetCompleteRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await withRetryAfter(reply, () => service.completeReset(request.body, { requestId: String(request.id) }));
        return reply.code(204).send(null);
      },
    });
  };
}
