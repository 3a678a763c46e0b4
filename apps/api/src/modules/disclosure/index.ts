/**
 * The disclosure port (ADR 0012) for modules on the deal path. Placeholder surface until the disclosure module
 * lands on main with its own index.ts (take that one when merging).
 */
export type { ActiveGrant, DisclosureAccess, ListingParties } from './disclosure-access.ts';
