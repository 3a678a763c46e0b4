import { CSRF_COOKIE, SESSION_COOKIE } from '@sealbridge/contracts';
import type { FastifyReply } from 'fastify';
import { isAppError } from '../../platform/errors/index.ts';

/** The session cookie (HttpOnly) and the CSRF cookie the web app reads and echoes, both SameSite=Lax. */
export function sessionCookies(options: { secureCookies: boolean }) {
  const base = { path: '/', sameSite: 'lax' as const, secure: options.secureCookies };
  return {
    set(reply: FastifyReply, session: { token: string; csrfToken: string; expiresAt: Date }) {
      reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true, expires: session.expiresAt });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false, expires: session.expiresAt });
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
