/**
 * The quarterly transparency report (issue 19 item 4): counts from the database, drafted by a quarterly job or the
 * privacy officer, published and frozen; the register of authority requests. See NOTES.md and ADR 0022.
 */
export { createTransparencyService, type TransparencyService } from './transparency-service.ts';
export { createTransparencyRepo, type TransparencyRepo } from './transparency-repo.ts';
export { transparencyRoutes } from './transparency-routes.ts';
export { transparencyPageData } from './transparency-page-data.ts';
export { TRANSPARENCY_AUDIT_EVENTS } from './transparency-audit-events.ts';
export { quarterOf, quarterRange, previousQuarter } from './transparency-quarter.ts';
