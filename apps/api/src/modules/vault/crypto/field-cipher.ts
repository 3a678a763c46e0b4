import type { KeyObject } from 'node:crypto';
import { open, seal } from './aead-seal.ts';
import { fromText, PAYLOAD_KIND, toText } from './sealed-format.ts';
import { DecryptionError, VaultCryptoError } from './vault-crypto-errors.ts';

/** An unwrapped data key: the DEK's id (written into every ciphertext header) and its imported KeyObject. */
export type DataKey = { id: string; key: KeyObject };

/**
 * Where a ciphertext lives. It is bound into the AAD, so a value copied to another table, column or record
 * fails to decrypt. For an envelope, `column` is the envelope column (e.g. "contact_sealed").
 */
export type FieldContext = { table: string; column: string; recordId: string };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** Several fields of one access class sealed together as one JSON object (one nonce, one tag, one column). */
export type EnvelopeFields = { [field: string]: JsonValue };

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
// Table and column names come from code, so a few hundred at most: remembering the ones already checked takes
// the regexes off the hot path. Capped so that a caller passing generated names cannot grow it without bound.
const checkedNames = new Set<string>();
const MAX_CHECKED_NAMES = 1024;

function isIdentifier(name: string): boolean {
  if (checkedNames.has(name)) return true;
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) return false;
  if (checkedNames.size < MAX_CHECKED_NAMES) checkedNames.add(name);
  return true;
}

function contextParts(ctx: FieldContext): readonly string[] {
  // Checked on every call because a wrong context silently produces an undecryptable value.
  if (!isIdentifier(ctx.table) || !isIdentifier(ctx.column) || typeof ctx.recordId !== 'string' || ctx.recordId.length === 0) {
    throw new VaultCryptoError('INVALID_ARGUMENT', 'field context needs snake_case table and column names and a non-empty record id');
  }
  return [ctx.table, ctx.column, ctx.recordId];
}

function describe(ctx: FieldContext): string {
  return `field ${ctx.table}.${ctx.column}`;
}

/** Encrypts one text field; returns base64url text for a TEXT column. */
export function encryptField(dataKey: DataKey, ctx: FieldContext, plaintext: string): string {
  if (typeof plaintext !== 'string') throw new VaultCryptoError('INVALID_ARGUMENT', `${describe(ctx)}: plaintext must be a string`);
  return toText(seal(dataKey.key, dataKey.id, PAYLOAD_KIND.field, contextParts(ctx), plaintext));
}

/** Decrypts what encryptField produced for the same key and context; throws DecryptionError otherwise. */
export function decryptField(dataKey: DataKey, ctx: FieldContext, ciphertext: string): string {
  const parts = contextParts(ctx);
  const bytes = open(dataKey.key, fromText(ciphertext), {
    kind: PAYLOAD_KIND.field,
    keyId: dataKey.id,
    context: parts,
    what: () => describe(ctx),
  });
  try {
    return bytes.toString('utf8');
  } finally {
    bytes.fill(0);
  }
}

/** Encrypts a JSON object of fields that are always revealed together (one access class) as one value. */
export function encryptEnvelope(dataKey: DataKey, ctx: FieldContext, fields: EnvelopeFields): string {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new VaultCryptoError('INVALID_ARGUMENT', 'an envelope must be a JSON object of fields');
  }
  return toText(seal(dataKey.key, dataKey.id, PAYLOAD_KIND.envelope, contextParts(ctx), JSON.stringify(fields)));
}

export function decryptEnvelope(dataKey: DataKey, ctx: FieldContext, ciphertext: string): EnvelopeFields {
  const parts = contextParts(ctx);
  const bytes = open(dataKey.key, fromText(ciphertext), {
    kind: PAYLOAD_KIND.envelope,
    keyId: dataKey.id,
    context: parts,
    what: () => describe(ctx),
  });
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      // Authenticated, so only our own encoder could have produced it: a bug, not an attack.
      throw new DecryptionError('CIPHERTEXT_MALFORMED', `${describe(ctx)}: envelope is not a JSON object`);
    }
    return value as EnvelopeFields;
  } finally {
    bytes.fill(0);
  }
}
