/**
 * Rights requests (issue 14): typed requests per PIPL Art. 44–50 with their own workflows, identity from data
 * already held, the PRC working-day clock with reminders, escalation and extension, answers and reasoned refusals,
 * the registry-generated export (JSON + zh-CN PDF) and deletion through the vault's erasure path. See NOTES.md.
 */
export { createRightsRepo, type RightsRepo } from './rights-repo.ts';
export { createRightsService, type RightsService, type RightsDeps, IDENTITY_WINDOW_MS } from './rights-service.ts';
export { rightsRoutes } from './rights-routes.ts';
export { RIGHTS_AUDIT_EVENTS } from './rights-audit-events.ts';
export {
  DEFAULT_SLA_WORKING_DAYS,
  RETENTION_FLOORS,
  floorOf,
  clockOf,
  dueAfter,
  REMIND_AT_WORKING_DAYS,
  ESCALATE_AT_WORKING_DAYS,
  clockAlertOf,
  sweepClocks,
  type ClockSweepAdapter,
} from './rights-clock.ts';
export { buildExport, renderExportPdf } from './rights-export.ts';
