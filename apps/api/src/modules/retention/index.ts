/**
 * Retention (issue 14 item 6): the schedule applied by a daily job through the erasure service, legal holds, dry runs
 * and signed destruction certificates. See NOTES.md and ADR 0018.
 */
export { createRetentionService, RETENTION_JOB_ACTOR, ruleName, type RetentionService } from './retention-service.ts';
export { createRetentionRepo, type RetentionRepo } from './retention-repo.ts';
export { retentionRoutes } from './retention-routes.ts';
export { RETENTION_AUDIT_EVENTS } from './retention-audit-events.ts';
export { certificateSignerFrom, type CertificateSigner } from './certificate-signing.ts';
