/**
 * Third parties (issue 17): the vendor registry, the one sharing gateway every outbound transfer of personal data
 * passes (delivery transports included, via `gatedDeliveryTransports`), the cross-border ledger, impact assessments
 * and the obligations map. See NOTES.md.
 */
export { createVendorsRepo, type VendorsRepo } from './vendors-repo.ts';
export { createVendorsService, type VendorsService } from './vendors-service.ts';
export { vendorsRoutes } from './vendors-routes.ts';
export { VENDORS_AUDIT_EVENTS } from './vendors-audit-events.ts';
export { gatedDeliveryTransports, gateTransport } from './gated-delivery.ts';
export type { SharingGateway, TransferRequest } from './sharing-gateway.ts';
export type { ConfiguredProvider } from './vendors-registry.ts';
export type { ObligationProbes } from './obligations.ts';
export { CROSS_BORDER_THRESHOLDS, requiredMechanism } from './crossborder.ts';
