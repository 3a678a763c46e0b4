import { CSRF_COOKIE, SESSION_COOKIE } from '@sealbridge/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../platform/errors/index.ts';
import { newToken } from '../../platform/ids/index.ts';
import type { DeviceContext } from './identity-service.ts';

/** A long-lived random id per browser (HttpOnly): a sign-in from a browser without a known one sends a notice. */
export const DEVICE_COOKIE = 'sb_device';
const DEVICE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const DEVICE_ID = /^[A-Za-z0-9_-]{20,64}$/;

/** The session cookie (HttpOnly) and the CSRF cookie the web app reads and echoes, both SameSite=Lax. */
export function sessionCookies(options: { secureCookies: boolean }) {
  const base = { path: '/', sameSite: 'lax' as const, secure: options.secureCookies };
  return {
    set(reply: FastifyReply, session: { token: string; csrfToken: string; expiresAt: Date }) {
      reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true, expires: session.expiresAt });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false, expires: session.expiresAt });
    },
    /** Keeps the browser's device id (issuing one when it has none or a malformed one). */
    device(reply: FastifyReply, deviceId: string) {
      reply.setCookie(DEVICE_COOKIE, deviceId, { ...base, httpOnly: true, maxAge: DEVICE_MAX_AGE_SECONDS });
    },
    clear(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
      reply.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false });
    },
  };
}

/** Runs `work`; a refusal that says when to come back (RATE_LIMITED, ACCOUNT_LOCKED) gets a Retry-After header. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = isAppError(error) ? error.details?.['retryAfterSeconds'] : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  }
}

/** The device a sign-in comes from: its device cookie (set now if missing) and its User-Agent. */
export function deviceContext(request: FastifyRequest, reply: FastifyReply, cookies: ReturnType<typeof sessionCookies>): DeviceContext {
  const presented = request.cookies[DEVICE_COOKIE];
  const deviceId = presented && DEVICE_ID.test(presented) ? presented : newToken();
  if (deviceId !== presented) cookies.device(reply, deviceId);
  return { deviceId, userAgent: request.headers['user-agent'] };
}
