/** System: liveness, readiness and instance metadata. */
export { systemRoutes, checkReadiness, type SystemDeps } from './system-routes.ts';
