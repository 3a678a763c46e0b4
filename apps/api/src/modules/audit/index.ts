/**
 * The audit trail (DESIGN.md invariant 6): typed events per module, an append-only hash-chained log with an
 * RFC 9162 Merkle tree and Ed25519-signed checkpoints, group commit for reads, in-transaction appends for
 * changes, the verifier, the auditor's search and export, and each customer's view of who accessed their data.
 */
export {
  defineAuditEvent,
  createAuditEventRegistry,
  AUDIT_EVENTS,
  SYSTEM_ACTOR,
  type AuditEventDefinition,
  type AuditEventInput,
  type AuditActor,
  type AuditEventRegistry,
} from './audit-events.ts';
export { createAuditLog, type AuditLog, type AuditLogOptions } from './audit-log.ts';
export { createAuditRepo, type AuditRepo } from './audit-repo.ts';
export { createAuditService, type AuditService } from './audit-service.ts';
export { auditRoutes, actorOf, type AuditRouteDeps } from './audit-routes.ts';
export { openAuditSigningKey } from './audit-signing-key.ts';
export { fixAuditOrigin } from './audit-origin.ts';
export { createAuditWitnesses, type AuditWitnesses } from './audit-witnesses.ts';
export { witnessRound, EMPTY_WITNESS_STATE, type WitnessState, type WitnessRound, type WitnessFetch } from './audit-witness-client.ts';
export { EvidenceError, evidenceSource, loadEvidence, parseEvidence, type EvidenceSource } from './audit-evidence.ts';
export {
  cosignCheckpoint,
  cosignerVkey,
  findCosignature,
  noteBody,
  parseCosignerVkey,
  publicKeyFromVkey,
  verifyConsistency,
  checkpointVerifier,
  createFileSigningKey,
  type AuditSigningKey,
  type Cosigner,
} from './integrity/index.ts';
// C2SP signed notes, for other signed records that follow the checkpoints' format (retention certificates).
export { signNote, openNote, formatVkey, noteKeyId, rawEd25519PublicKey } from './integrity/signed-note.ts';

import type { AuditLog } from './audit-log.ts';
/** What other modules need from the log: append now (group commit) or inside their own transaction. */
export type AuditPort = Pick<AuditLog, 'append' | 'appendInTransaction'>;
