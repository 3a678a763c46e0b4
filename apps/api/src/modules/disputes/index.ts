/**
 * Disputes and mediation (issue 19): cases between the parties of a listing or with the center, evidence by
 * reference under the parties' own access rules, mediation sessions, outcome or referral, clocks; audited.
 */
export { createDisputesRepo, type DisputesRepo } from './disputes-repo.ts';
export { createDisputesService, type DisputesService } from './disputes-service.ts';
export { disputesRoutes } from './disputes-routes.ts';
export { DISPUTES_AUDIT_EVENTS } from './disputes-audit-events.ts';
