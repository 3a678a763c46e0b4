/** Identity: accounts, password log-in and server-side sessions. Issue 5 adds factors, step-up and staff lifecycle. */
export { createIdentityRepo } from './identity-repo.ts';
export { createIdentityService, type IdentityService, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from './identity-service.ts';
export { identityRoutes } from './identity-routes.ts';
export { hashPassword, verifyPassword, ARGON2_PARAMS } from './password-hashing.ts';
export { IDENTITY_AUDIT_EVENTS } from './identity-audit-events.ts';
