import { randomBytes } from 'node:crypto';
import { open, seal } from './aead-seal.ts';
import type { DataKey } from './field-cipher.ts';
import type { Kek } from './kek-ring.ts';
import { secretKey } from './key-derivation.ts';
import { KEY_BYTES } from './root-key-provider.ts';
import { assertKeyId, fromText, PAYLOAD_KIND, toText } from './sealed-format.ts';
import { DecryptionError } from './vault-crypto-errors.ts';

/**
 * One row of the `vault_data_key` table: a subject's DEK wrapped by a KEK (kind 0x10, header key id = kekId,
 * AAD context = dekId, so a wrapped DEK copied onto another row does not unwrap). `kekId` duplicates the header
 * so the re-wrap job can find rows with `WHERE kek_id <> :current`. Deleting the row is crypto-shredding.
 */
export type DekRecord = { dekId: string; kekId: string; wrapped: string };

/** A random, meaningless DEK id (no subject id inside, so ciphertext headers reveal nothing about whom). */
export function newDekId(): string {
  return `dek_${randomBytes(16).toString('base64url')}`;
}

/**
 * Generates a DEK and wraps it under `kek` (the current KEK). Returns the row to INSERT and the ready-to-use
 * DataKey, so the first fields can be encrypted without an unwrap round-trip.
 */
export function createDataKey(kek: Kek, dekId: string = newDekId()): { record: DekRecord; dataKey: DataKey } {
  assertKeyId(dekId);
  const raw = randomBytes(KEY_BYTES);
  let wrapped: string;
  try {
    wrapped = wrap(kek, dekId, raw);
  } catch (error) {
    raw.fill(0);
    throw error;
  }
  return { record: { dekId, kekId: kek.id, wrapped }, dataKey: { id: dekId, key: secretKey(raw) } }; // secretKey zeroes raw
}

/** Unwraps a DEK row with the KEK it names. */
export function unwrapDataKey(record: DekRecord, kek: Kek): DataKey {
  const raw = unwrapRaw(record, kek);
  return { id: record.dekId, key: secretKey(raw) };
}

/**
 * Re-wraps a DEK under another (newer) KEK. The plaintext DEK exists only in a local buffer that is zeroed
 * before returning; ciphertexts encrypted under the DEK are untouched, because the DEK itself does not change.
 */
export function rewrapDataKey(record: DekRecord, from: Kek, to: Kek): DekRecord {
  const raw = unwrapRaw(record, from);
  try {
    return { dekId: record.dekId, kekId: to.id, wrapped: wrap(to, record.dekId, raw) };
  } finally {
    raw.fill(0);
  }
}

function wrap(kek: Kek, dekId: string, raw: Buffer): string {
  return toText(seal(kek.key, kek.id, PAYLOAD_KIND.dataKey, [dekId], raw));
}

function unwrapRaw(record: DekRecord, kek: Kek): Buffer {
  if (record.kekId !== kek.id) {
    throw new DecryptionError('KEY_MISMATCH', `DEK ${record.dekId} is wrapped by ${record.kekId}, not ${kek.id}`);
  }
  const raw = open(kek.key, fromText(record.wrapped), {
    kind: PAYLOAD_KIND.dataKey,
    keyId: kek.id,
    context: [record.dekId],
    what: `DEK ${record.dekId}`,
  });
  if (raw.length !== KEY_BYTES) {
    raw.fill(0);
    throw new DecryptionError('CIPHERTEXT_MALFORMED', `DEK ${record.dekId} does not unwrap to ${KEY_BYTES} bytes`);
  }
  return raw;
}
