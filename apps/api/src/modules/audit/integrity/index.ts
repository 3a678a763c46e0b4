/**
 * Integrity core of the audit trail: canonical record encoding, RFC 9162 Merkle tree and proofs, a streaming
 * frontier, C2SP signed checkpoints with Ed25519, the signing key, and the one-pass verifier. Pure functions over
 * node:crypto; storage belongs to the caller. See README.md for formats and what each failure means.
 */
export { AuditIntegrityError, isAuditIntegrityError, type AuditIntegrityReason } from './audit-integrity-errors.ts';
export { canonicalJson } from './canonical-json.ts';
export {
  encodeRecord,
  GENESIS_PREV_HASH,
  RECORD_ENCODING_VERSION,
  recordLeafHash,
  recordLeafHashHex,
  type AuditRecordCore,
  type JsonValue,
} from './record-encoding.ts';
export { EMPTY_ROOT_HEX, HASH_BYTES, isHexHash, leafHash, nodeHash } from './tree-hashes.ts';
export { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree.ts';
export { verifyConsistency, verifyInclusion } from './merkle-verify.ts';
export { createFrontier, frontierCore, type MerkleFrontier } from './merkle-frontier.ts';
export {
  checkpointVerifier,
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpointNote,
  type Checkpoint,
} from './checkpoint.ts';
export {
  createFileSigningKey,
  generateSigningKeySeed,
  publicKeyFromVkey,
  SIGNING_KEY_FILE_NAME,
  signingKeyFromEnv,
  type AuditSigningKey,
} from './signing-keys.ts';
export {
  verifyAuditLog,
  type AuditFailureReason,
  type AuditLogVerifier,
  type StoredAuditRow,
  type StoredCheckpoint,
  type VerifyResult,
} from './verify-audit-log.ts';
export { consistencyProofRanges, type LeafRange } from './consistency-ranges.ts';
export {
  cosignatureKeyId,
  cosignCheckpoint,
  cosignerVkey,
  findCosignature,
  noteBody,
  parseCosignerVkey,
  type Cosignature,
  type CosignatureVerifier,
  type Cosigner,
} from './cosignature.ts';
