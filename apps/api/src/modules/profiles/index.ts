/** Profiles: a customer's personal data (name, contact, ID number, address), held encrypted by the vault. */
export { createProfilesRepo } from './profiles-repo.ts';
export { createProfilesService, type ProfilesService } from './profiles-service.ts';
export { profilesRoutes } from './profiles-routes.ts';
export { PROFILES_AUDIT_EVENTS } from './profiles-audit-events.ts';
