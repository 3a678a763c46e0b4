import { AppError } from '../../../platform/errors/index.ts';

/**
 * Why an integrity operation failed. Messages never carry record contents or key material: only identifiers
 * (sequence numbers, sizes, key names, file paths), so they are safe to log and to show an auditor.
 */
export type AuditIntegrityReason =
  | 'record_not_encodable'
  | 'note_malformed'
  | 'checkpoint_malformed'
  | 'signature_invalid'
  | 'no_trusted_signature'
  | 'vkey_malformed'
  | 'key_invalid'
  | 'key_file_insecure'
  | 'key_file_malformed'
  | 'key_file_io'
  | 'frontier_invalid';

/**
 * The one error type of the integrity core. It is an AppError (code INTERNAL) so the HTTP error handler needs no
 * special case: a client learns nothing about keys or notes. `reason` is for logs, the CLI and tests.
 */
export class AuditIntegrityError extends AppError {
  readonly reason: AuditIntegrityReason;
  constructor(reason: AuditIntegrityReason, message: string) {
    super('INTERNAL', message);
    this.name = 'AuditIntegrityError';
    this.reason = reason;
  }
}

export function isAuditIntegrityError(error: unknown): error is AuditIntegrityError {
  return error instanceof AuditIntegrityError;
}
