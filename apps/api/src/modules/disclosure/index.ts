/**
 * Disclosure (issue 11): from teaser to identity — inquiries, qualified buyers (verification, proof of funds), the
 * click-wrap NDA, per-buyer grants of levels L1–L3 under the seller's separate consents naming the buyer, what each
 * level opens, and the `DisclosureAccess` port that the data room, messages and deals ask on every request.
 */
export type { ActiveGrant, DisclosureAccess, ListingParties } from './disclosure-access.ts';
export { createDisclosureRepo, type DisclosureRepo } from './disclosure-repo.ts';
export { createDisclosureService, type DisclosureService, type DisclosureDeps } from './disclosure-service.ts';
export { disclosureRoutes } from './disclosure-routes.ts';
export { disclosureStaffRoutes } from './disclosure-staff-routes.ts';
export { DISCLOSURE_AUDIT_EVENTS } from './disclosure-audit-events.ts';
export { ndaSignerFrom, type NdaSigner } from './nda-signing.ts';
export { buyerAliasWith } from './disclosure-core.ts';
