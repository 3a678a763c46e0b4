/**
 * Real-name verification (实名认证, issue 5 item 7): customers submit name, resident ID number and ID card images
 * with separate consent; everything is sealed by the vault; under-18s are refused before anything is stored; a
 * provider port decides (working implementation: manual review by the assigned broker with a checklist).
 */
export { createVerificationRepo, type VerificationRepo } from './verification-repo.ts';
export { createVerificationService, type VerificationService } from './verification-service.ts';
export { createManualBrokerReviewProvider, type VerificationProvider, type VerificationOutcome } from './verification-provider.ts';
export { verificationRoutes } from './verification-routes.ts';
export { VERIFICATION_AUDIT_EVENTS } from './verification-audit-events.ts';
