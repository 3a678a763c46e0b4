/**
 * Advisers (顾问): every customer gets an assigned broker automatically at their first listing or first inquiry (rules by
 * province / industry, then the lightest load); admins reassign, which ends the old assignment.
 */
export { createAdvisersRepo, type AdvisersRepo } from './advisers-repo.ts';
export { createAdvisersService, type AdvisersService, type AdviserHint } from './advisers-service.ts';
export { advisersRoutes } from './advisers-routes.ts';
export { ADVISERS_AUDIT_EVENTS } from './advisers-audit-events.ts';
