/** Listings: published teasers and market stats. Issue 6 adds the seller flow, guards and search. */
export { createListingsRepo } from './listings-repo.ts';
export { createListingsService, toTeaser, type ListingsService } from './listings-service.ts';
export { listingsRoutes } from './listings-routes.ts';
export { demoListings } from './listings-demo.ts';
export { ageBand, capitalBand } from './listings-bands.ts';
