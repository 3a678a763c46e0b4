import { randomBytes, type KeyObject } from 'node:crypto';
import { open, seal } from './aead-seal.ts';
import type { RootKeys } from './key-derivation.ts';
import { secretKey } from './key-derivation.ts';
import { KEY_BYTES } from './root-key-provider.ts';
import { fromText, parseSealed, PAYLOAD_KIND, toText } from './sealed-format.ts';
import { DecryptionError, VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * Lifecycle of a key-encryption key, as in Tink's keyset rotation:
 *   pending  — added and known to every instance, not yet used to wrap (gives other instances time to load it);
 *   current  — wraps new DEKs (exactly one once the ring is bootstrapped);
 *   retired  — only unwraps DEKs not yet re-wrapped; removable once no DEK row references it.
 */
export type KekStatus = 'pending' | 'current' | 'retired';

/**
 * One row of the `vault_kek` table. `wrapped` is the KEK sealed under the root-derived wrap key (kind 0x11,
 * header key id = root-key fingerprint, AAD context = kekId), as base64url text.
 */
export type KekRecord = {
  kekId: string;
  version: number;
  status: KekStatus;
  wrapped: string;
  createdAt: string;
};

/** An unwrapped KEK. */
export type Kek = { id: string; key: KeyObject };

export function kekIdForVersion(version: number): string {
  return `kek-v${version}`;
}

/**
 * Generates a new random KEK, wraps it under the root and appends it as `pending`. Pure: returns the new ring
 * and the record to INSERT; the caller persists it. The plaintext KEK is zeroed before returning.
 */
export function addKek(ring: readonly KekRecord[], root: RootKeys, now: Date = new Date()): { ring: KekRecord[]; added: KekRecord } {
  const version = ring.reduce((max, kek) => Math.max(max, kek.version), 0) + 1;
  const kekId = kekIdForVersion(version);
  const raw = randomBytes(KEY_BYTES);
  try {
    const wrapped = toText(seal(root.kekWrapKey, root.fingerprint, PAYLOAD_KIND.kek, [kekId], raw));
    const added: KekRecord = { kekId, version, status: 'pending', wrapped, createdAt: now.toISOString() };
    return { ring: [...ring, added], added };
  } finally {
    raw.fill(0);
  }
}

/**
 * Makes a pending KEK current and retires the previous current one. Returns the new ring; the caller UPDATEs the
 * (at most two) changed rows in one transaction. Promote only after every instance has reloaded the ring.
 */
export function promoteKek(ring: readonly KekRecord[], kekId: string): KekRecord[] {
  const target = ring.find((kek) => kek.kekId === kekId);
  if (!target) throw new VaultCryptoError('KEY_NOT_FOUND', `KEK ${kekId} is not in the key ring`);
  if (target.status !== 'pending') {
    throw new VaultCryptoError('KEK_STATE_INVALID', `KEK ${kekId} is ${target.status}; only a pending KEK can be promoted`);
  }
  return ring.map((kek) => {
    if (kek.kekId === kekId) return { ...kek, status: 'current' };
    if (kek.status === 'current') return { ...kek, status: 'retired' };
    return kek;
  });
}

/** First start: a ring holding kek-v1 as current. */
export function bootstrapKekRing(root: RootKeys, now: Date = new Date()): KekRecord[] {
  const { ring, added } = addKek([], root, now);
  return promoteKek(ring, added.kekId);
}

/**
 * Drops a retired KEK from the ring. Call only after `SELECT count(*) FROM vault_data_key WHERE kek_id = ?` is 0:
 * a DEK still wrapped by it would become unreadable, i.e. silently erased.
 */
export function removeKek(ring: readonly KekRecord[], kekId: string): KekRecord[] {
  const target = ring.find((kek) => kek.kekId === kekId);
  if (!target) throw new VaultCryptoError('KEY_NOT_FOUND', `KEK ${kekId} is not in the key ring`);
  if (target.status !== 'retired') {
    throw new VaultCryptoError('KEK_STATE_INVALID', `KEK ${kekId} is ${target.status}; only a retired KEK can be removed`);
  }
  return ring.filter((kek) => kek.kekId !== kekId);
}

export function currentKekRecord(ring: readonly KekRecord[]): KekRecord {
  const current = ring.filter((kek) => kek.status === 'current');
  if (current.length !== 1 || !current[0]) {
    throw new VaultCryptoError('NO_CURRENT_KEK', `the key ring must have exactly one current KEK, found ${current.length}`);
  }
  return current[0];
}

/**
 * Unwraps a KEK. A KEK sealed under another root key is reported as ROOT_KEY_MISMATCH with both fingerprints,
 * which is what an operator needs when the wrong key file or ROOT_KEY was deployed.
 */
export function unwrapKek(record: KekRecord, root: RootKeys): Kek {
  const blob = fromText(record.wrapped);
  const sealedBy = parseSealed(blob).keyId;
  if (sealedBy !== root.fingerprint) {
    throw new DecryptionError(
      'ROOT_KEY_MISMATCH',
      `KEK ${record.kekId} was wrapped by root key ${sealedBy} but the configured root key is ${root.fingerprint}; ` +
        'deploy the matching key file or ROOT_KEY',
    );
  }
  const raw = open(root.kekWrapKey, blob, {
    kind: PAYLOAD_KIND.kek,
    keyId: root.fingerprint,
    context: [record.kekId],
    what: `KEK ${record.kekId}`,
  });
  return { id: record.kekId, key: secretKey(raw) };
}
