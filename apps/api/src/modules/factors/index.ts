/**
 * Second factors (issue 5, item 3) and step-up re-authentication (item 4): TOTP with single-use codes, recovery
 * codes, WebAuthn passkeys, the per-account attempt limit, and `requireRecentStepUp` for other modules to guard
 * sensitive actions (revealing fields, changing contact data or factors). See NOTES.md for the invariants.
 */
export { createFactorsRepo, type FactorsRepo } from './factors-repo.ts';
export { createFactorsService, type FactorsService } from './factors-service.ts';
export { factorsRoutes } from './factors-routes.ts';
export { FACTORS_AUDIT_EVENTS } from './factors-audit-events.ts';
export { type FactorsErrorCode } from './factors-errors.ts';
export { factorRequirement, STEP_UP_WINDOW_MS, ATTEMPT_LIMIT, ATTEMPT_WINDOW_MS, type FactorRequirement } from './factors-policy.ts';
export { relyingPartyFrom, type RelyingParty } from './webauthn-ceremonies.ts';
export type { FactorsTables } from './factors-tables.ts';
export type { FactorProof, FactorsActor, SecretBox } from './factor-proofs.ts';
export type { AccountDirectory, FactorsAuditPort, FactorsServiceDeps, FactorView } from './factors-types.ts';
