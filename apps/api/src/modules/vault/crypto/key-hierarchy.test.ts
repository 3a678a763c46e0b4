import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createDataKey, rewrapDataKey, unwrapDataKey } from './data-keys.ts';
import { decryptField, encryptField, type FieldContext } from './field-cipher.ts';
import { addKek, bootstrapKekRing, currentKekRecord, promoteKek, removeKek, unwrapKek } from './kek-ring.ts';
import { deriveRootKeys } from './key-derivation.ts';
import { DecryptionError } from './vault-crypto-errors.ts';

const root = deriveRootKeys(randomBytes(32));
const ctx: FieldContext = { table: 'persons', column: 'id_number', recordId: 'p-1' };

describe('KEK ring', () => {
  it('bootstraps with kek-v1 as the only, current KEK', () => {
    const ring = bootstrapKekRing(root);
    assert.deepEqual(
      ring.map((k) => [k.kekId, k.version, k.status]),
      [['kek-v1', 1, 'current']],
    );
    assert.equal(currentKekRecord(ring).kekId, 'kek-v1');
  });

  it('adds a new KEK as pending, then promotes it to current and retires the old one', () => {
    const { ring: withV2, added } = addKek(bootstrapKekRing(root), root);
    assert.equal(added.kekId, 'kek-v2');
    assert.equal(added.status, 'pending');
    assert.equal(currentKekRecord(withV2).kekId, 'kek-v1', 'adding does not change which KEK wraps');
    const promoted = promoteKek(withV2, 'kek-v2');
    assert.deepEqual(
      promoted.map((k) => [k.kekId, k.status]),
      [
        ['kek-v1', 'retired'],
        ['kek-v2', 'current'],
      ],
    );
  });

  it('refuses to promote a KEK that is not pending and to remove one that is not retired', () => {
    const ring = bootstrapKekRing(root);
    assert.throws(() => promoteKek(ring, 'kek-v1'), { reason: 'KEK_STATE_INVALID' });
    assert.throws(() => promoteKek(ring, 'kek-v9'), { reason: 'KEY_NOT_FOUND' });
    assert.throws(() => removeKek(ring, 'kek-v1'), { reason: 'KEK_STATE_INVALID' });
  });

  it('reports a KEK wrapped under another root key as ROOT_KEY_MISMATCH with both fingerprints', () => {
    const [record] = bootstrapKekRing(root);
    assert.ok(record);
    const other = deriveRootKeys(randomBytes(32));
    assert.throws(
      () => unwrapKek(record, other),
      (error: unknown) => {
        assert.ok(error instanceof DecryptionError);
        assert.equal(error.reason, 'ROOT_KEY_MISMATCH');
        assert.ok(error.message.includes(root.fingerprint) && error.message.includes(other.fingerprint));
        return true;
      },
    );
  });

  it('refuses a wrapped KEK copied onto another KEK id', () => {
    const [v1] = bootstrapKekRing(root);
    assert.ok(v1);
    assert.throws(() => unwrapKek({ ...v1, kekId: 'kek-v2' }, root), { reason: 'AUTHENTICATION_FAILED' });
  });
});

describe('data keys', () => {
  const ring = bootstrapKekRing(root);
  const kek = unwrapKek(currentKekRecord(ring), root);

  it('wraps a DEK under the current KEK and unwraps it to a key that decrypts what the original encrypted', () => {
    const { record, dataKey } = createDataKey(kek);
    assert.equal(record.kekId, 'kek-v1');
    assert.match(record.dekId, /^dek_[A-Za-z0-9_-]{22}$/);
    const ciphertext = encryptField(dataKey, ctx, '11010119900307001X');
    assert.equal(decryptField(unwrapDataKey(record, kek), ctx, ciphertext), '11010119900307001X');
  });

  it('refuses a wrapped DEK copied onto another DEK id or claimed by another KEK', () => {
    const { record } = createDataKey(kek);
    assert.throws(() => unwrapDataKey({ ...record, dekId: 'dek_other' }, kek), { reason: 'AUTHENTICATION_FAILED' });
    assert.throws(() => unwrapDataKey({ ...record, kekId: 'kek-v2' }, kek), { reason: 'KEY_MISMATCH' });
  });

  it('refuses to unwrap with the wrong KEK', () => {
    const { record } = createDataKey(kek);
    const impostor = { id: 'kek-v1', key: unwrapKek(currentKekRecord(bootstrapKekRing(root)), root).key };
    assert.throws(() => unwrapDataKey(record, impostor), { reason: 'AUTHENTICATION_FAILED' });
  });

  it('re-wraps every DEK under a newer KEK, keeping all old ciphertexts readable, then lets the old KEK go', () => {
    const subjects = Array.from({ length: 25 }, (_, i) => {
      const { record, dataKey } = createDataKey(kek);
      const here = { ...ctx, recordId: `p-${i}` };
      return { record, here, ciphertext: encryptField(dataKey, here, `value ${i}`) };
    });
    const { ring: withV2, added } = addKek(ring, root);
    const rotated = promoteKek(withV2, added.kekId);
    const v2 = unwrapKek(currentKekRecord(rotated), root);
    const rewrapped = subjects.map((s) => ({ ...s, record: rewrapDataKey(s.record, kek, v2) }));
    const afterRemoval = removeKek(rotated, 'kek-v1');
    assert.deepEqual(
      afterRemoval.map((k) => k.kekId),
      ['kek-v2'],
    );
    const v2Again = unwrapKek(currentKekRecord(afterRemoval), root);
    rewrapped.forEach((s, i) => {
      assert.equal(s.record.kekId, 'kek-v2');
      assert.equal(s.record.dekId, subjects[i]?.record.dekId);
      assert.notEqual(s.record.wrapped, subjects[i]?.record.wrapped);
      assert.equal(decryptField(unwrapDataKey(s.record, v2Again), s.here, s.ciphertext), `value ${i}`);
      assert.throws(() => unwrapDataKey(s.record, kek), { reason: 'KEY_MISMATCH' });
    });
  });
});
