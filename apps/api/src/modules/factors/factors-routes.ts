import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, isAppError } from '../../platform/errors/index.ts';
import type { FactorsActor } from './factor-proofs.ts';
import {
  ZAuthenticationOptions,
  ZConfirmTotpRequest,
  ZEnrolledFactorResponse,
  ZFactorParams,
  ZFactorsListResponse,
  ZRecoveryCodesResponse,
  ZRegistrationOptions,
  ZRegistrationVerifyRequest,
  ZStartTotpResponse,
  ZStepUpRequest,
  ZStepUpResponse,
} from './factors-schemas.ts';
import type { FactorsService } from './factors-service.ts';
import type { RotatedSession } from './factors-types.ts';

function actorOf(principal: unknown): FactorsActor {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  return principal as FactorsActor;
}

/** Second-factor attempts refused by the per-account limit carry Retry-After, like the HTTP rate limits. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = isAppError(error) && error.code === 'RATE_LIMITED' ? error.details?.['retryAfterSeconds'] : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  }
}

/** Hands a rotated session to the browser (identity's cookies) and keeps it out of the response body. */
function withSession<T extends { session?: RotatedSession }>(
  reply: FastifyReply,
  setSession: ((reply: FastifyReply, session: RotatedSession) => void) | undefined,
  result: T,
): Omit<T, 'session'> {
  const { session, ...rest } = result;
  if (session) setSession?.(reply, session);
  return rest;
}

/**
 * The caller's own factors and step-up. Every route is `authenticated`: one acts only on one's own account. A sign-in
 * that proves its second factor here gets a new session token; `setSession` writes it as cookies.
 */
export function factorsRoutes(
  service: FactorsService,
  options: { setSession?: (reply: FastifyReply, session: RotatedSession) => void } = {},
) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { permission: 'authenticated' as const };
    // A staff member without a factor may only enrol one; a sign-in waiting for its second factor may only prove it.
    const enrolment = { permission: 'authenticated' as const, stages: ['enrol_factor' as const] };
    const secondStep = { permission: 'authenticated' as const, stages: ['second_factor' as const] };
    const tags = ['factors'];

    r.get('/api/me/factors', {
      config: enrolment,
      schema: { tags, summary: 'My second factors and whether one is required', response: { 200: ZFactorsListResponse } },
      handler: async (request) => service.listFactors(actorOf(request.principal).accountId),
    });

    r.post('/api/me/factors/totp', {
      config: enrolment,
      schema: {
        tags,
        summary: 'Start a TOTP enrolment (secret shown once; needs a recent step-up)',
        response: { 200: ZStartTotpResponse },
      },
      handler: async (request) => service.startTotpEnrolment(actorOf(request.principal), String(request.id)),
    });

    r.post('/api/me/factors/totp/confirm', {
      config: enrolment,
      schema: {
        tags,
        summary: 'Confirm a TOTP enrolment with a first code',
        body: ZConfirmTotpRequest,
        response: { 200: ZEnrolledFactorResponse },
      },
      handler: async (request, reply) =>
        withSession(
          reply,
          options.setSession,
          await withRetryAfter(reply, () =>
            service.confirmTotp(actorOf(request.principal), request.body.factorId, request.body.code, String(request.id)),
          ),
        ),
    });

    r.delete('/api/me/factors/:id', {
      config,
      schema: {
        tags,
        summary: 'Remove one of my factors (needs a recent step-up; staff keep at least one)',
        params: ZFactorParams,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.removeFactor(actorOf(request.principal), request.params.id, String(request.id));
        return reply.code(204).send(null);
      },
    });

    r.post('/api/me/factors/recovery-codes', {
      config,
      schema: {
        tags,
        summary: 'Replace my recovery codes (the old ones stop working; needs a recent step-up)',
        response: { 200: ZRecoveryCodesResponse },
      },
      handler: async (request) => service.regenerateRecoveryCodes(actorOf(request.principal), String(request.id)),
    });

    r.post('/api/me/factors/webauthn/register/options', {
      config: enrolment,
      schema: { tags, summary: 'Options to create a passkey (needs a recent step-up)', response: { 200: ZRegistrationOptions } },
      handler: async (request) => service.webauthnRegistrationOptions(actorOf(request.principal)),
    });

    r.post('/api/me/factors/webauthn/register/verify', {
      config: enrolment,
      schema: {
        tags,
        summary: 'Register the passkey just created',
        body: ZRegistrationVerifyRequest,
        response: { 200: ZEnrolledFactorResponse },
      },
      handler: async (request, reply) =>
        withSession(
          reply,
          options.setSession,
          await service.verifyWebauthnRegistration(actorOf(request.principal), request.body.response, String(request.id)),
        ),
    });

    r.post('/api/auth/step-up/webauthn/options', {
      config: secondStep,
      schema: { tags, summary: 'Options to re-authenticate with one of my passkeys', response: { 200: ZAuthenticationOptions } },
      handler: async (request) => service.webauthnAuthenticationOptions(actorOf(request.principal)),
    });

    r.post('/api/auth/step-up', {
      config: secondStep,
      schema: {
        tags,
        summary: 'Re-authenticate this session with a second factor (opens a 5-minute window)',
        body: ZStepUpRequest,
        response: { 200: ZStepUpResponse },
      },
      handler: async (request, reply) =>
        withSession(
          reply,
          options.setSession,
          await withRetryAfter(reply, () => service.stepUp(actorOf(request.principal), request.body, String(request.id))),
        ),
    });
  };
}
