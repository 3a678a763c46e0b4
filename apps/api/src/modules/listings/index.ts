/** Listings: the marketplace — seller drafts, broker review, anonymized teasers, guards, the exclusivity lock, search. */
export { createListingsRepo, searchTextOf } from './listings-repo.ts';
export { createListingsService, toTeaser, toTeaserDetail, type ListingsService } from './listings-service.ts';
export { listingsRoutes } from './listings-routes.ts';
export { findabilityRoutes } from './findability-routes.ts';
export { demoListings, demoSellerListings, syntheticCreditCode } from './listings-demo.ts';
export { ageBand, capitalBand } from './listings-bands.ts';
export { LISTINGS_AUDIT_EVENTS } from './listings-audit-events.ts';
export { scanFreeText, tradeNameOf } from './listings-guard.ts';
export { resolveDistrict } from './listings-regions.ts';
export { registrySampleCount } from './listings-registry-sample.ts';
export { createCompanyReveal, type CompanyReveal } from './listings-company-reveal.ts';
export { createListingsDealLock, type ListingsDealLock, type ListingForDeal, type DealLockActor } from './listings-deal-lock.ts';
export { publicPageData } from './public-page-data.ts';
