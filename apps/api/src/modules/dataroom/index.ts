/**
 * The data room (issue 12, level L2 of the disclosure path): rooms, folders, documents and versions sealed by the
 * vault behind a BlobStore, fail-closed per-grant permissions, page images with burnt-in per-viewer watermarks,
 * leak attribution, redaction, Q&A and view analytics. See NOTES.md.
 */
export { createDataroomService, type DataroomService, type DataroomServiceDeps } from './dataroom-service.ts';
export { dataroomRoutes } from './dataroom-routes.ts';
export { DATAROOM_AUDIT_EVENTS } from './dataroom-audit-events.ts';
export { createOfficeConverter, type OfficeConverter } from './office-conversion.ts';
export { createFsBlobStore } from './storage/fs-blob-store.ts';
export { createDatabaseBlobStore } from './storage/pg-blob-store.ts';
export { createS3BlobStore, type S3Settings } from './storage/s3-blob-store.ts';
export type { BlobStore } from './storage/blob-store.ts';
export type { ViewerIdentity } from './dataroom-context.ts';
