/**
 * Deals (issue 13): the pipeline from a buyer's inquiry (L1) through letter of intent / deposit (exclusivity lock),
 * due diligence, agreement, tax filing, 工商 / 税务 / 银行 changes and the handover, to the closing and after it —
 * checklists with owners and working-day due dates, the custody ledger, money milestones, the PIPL Art. 22 task and
 * the seller's release from the legal representative's seat.
 */
export { createDealsRepo, type DealsRepo } from './deals-repo.ts';
export { createDealsService, type DealsService, type DealsDeps, type DealGrants } from './deals-service.ts';
export { dealsRoutes } from './deals-routes.ts';
export { DEALS_AUDIT_EVENTS } from './deals-audit-events.ts';
