/**
 * Identity: accounts, customer registration with a one-time code, password log-in (by log-in name, mobile or
 * e-mail) with progressive lockout, and server-side sessions. Issue 5 adds factors, step-up and staff lifecycle.
 */
export { createIdentityRepo } from './identity-repo.ts';
export { createIdentityService, hashToken, type IdentityService, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from './identity-service.ts';
export { identityRoutes } from './identity-routes.ts';
export { hashPassword, verifyPassword, ARGON2_PARAMS } from './password-hashing.ts';
export { IDENTITY_AUDIT_EVENTS } from './identity-audit-events.ts';
export { assessPassword, commonPasswords, MIN_STRENGTH_SCORE, type PasswordAssessment } from './password-policy.ts';
export {
  createMemoryAttemptLimiter,
  createRedisAttemptLimiter,
  type AttemptLimiter,
  type LimitRule,
  type RedisEval,
} from './attempt-limiter.ts';
export { createLoginThrottleRepo } from './login-throttle-repo.ts';
export { createLoginThrottle, lockSecondsAfter, LOCKOUT, type LoginThrottle } from './login-throttle.ts';
export { createContactDirectory, normalizeContact, parseLoginName, type ContactDirectory } from './contact-directory.ts';
export { createRegistrationRepo } from './registration-repo.ts';
export {
  createRegistrationService,
  type RegistrationService,
  CODE_TTL_SECONDS,
  CODE_MAX_ATTEMPTS,
  SEND_LIMITS,
} from './registration-service.ts';
export { registrationRoutes } from './registration-routes.ts';
export { createRedisSessionCache, SESSION_CACHE_TTL_MS, type RedisKeyValue, type SessionCache } from './session-cache.ts';
export { deviceLabel, type DeviceLabel } from './device-label.ts';
export { DEVICE_COOKIE, sessionCookies } from './session-cookies.ts';
