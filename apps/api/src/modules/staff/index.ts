/**
 * Staff lifecycle (issue 5): staff administration and offboarding, the confidentiality agreement and training that
 * gate every staff reveal (createRevealGate, wired into the vault), access review campaigns, and break-glass.
 */
export { createStaffRepo, type StaffRepo } from './staff-repo.ts';
export { createStaffService, type StaffService } from './staff-service.ts';
export { createRevealGate, isCleared } from './staff-gate.ts';
export { staffRoutes } from './staff-routes.ts';
export { STAFF_AUDIT_EVENTS } from './staff-audit-events.ts';
export type { StaffDeps } from './staff-types.ts';
