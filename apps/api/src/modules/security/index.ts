/**
 * Security monitoring over the audit trail (issue 18): detection rules evaluated as records are appended (and
 * replayable over history), alerts to the security officers, incidents with the CAC clocks, containment, the
 * blast radius computed from the trail, notice drafts and the dashboard. Reads the audit log; never changes it.
 */
export { type MonitoredEvent, monitoredEventOf } from './security-events.ts';
export { createDetectionEngine, type Detection, type DetectionEngine, type RuleContext } from './security-rules.ts';
export { DEFAULT_THRESHOLDS, learnThresholds, thresholdFor, isOffHours, type Thresholds } from './security-thresholds.ts';
export { createSecurityService, type SecurityService, type SecurityDeps } from './security-service.ts';
export { type ContainmentPort } from './security-incidents.ts';
export { securityRoutes } from './security-routes.ts';
export { SECURITY_AUDIT_EVENTS } from './security-audit-events.ts';
export { gradeOf, reportDueAt, followUpDueAt, clockOf } from './incident-clock.ts';
