export { installErrorHandler, sendError } from './error-handler.ts';
export { installRequestLog } from './request-log.ts';
export { installSecurityHeaders } from './security-headers.ts';
export { installRouteGuard, principalOf, customerOf, type Principal, type RouteGuardDeps, type RouteEntry } from './route-guard.ts';
export { installWebApp } from './web-app.ts';
export { earlyErrorOptions } from './early-errors.ts';
export { installInputHygiene } from './input-hygiene.ts';
export { installCompression } from './compression.ts';
