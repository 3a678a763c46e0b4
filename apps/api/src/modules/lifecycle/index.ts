/**
 * The data lifecycle (issue 14): erasure that reaches every copy a module declares (vault PERSONAL_DATA_COPIES), and
 * the backup of the data store. See NOTES.md.
 */
export { createErasureService, type ErasureService, type ErasureReport } from './erasure-service.ts';
export { recordKeyOf } from './erasure-service.ts';
export { LIFECYCLE_AUDIT_EVENTS } from './lifecycle-audit-events.ts';
