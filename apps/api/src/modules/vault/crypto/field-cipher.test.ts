import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decryptEnvelope, decryptField, encryptEnvelope, encryptField, type DataKey, type FieldContext } from './field-cipher.ts';
import { PAYLOAD_KIND, readKeyId } from './sealed-format.ts';
import { DecryptionError, VaultCryptoError } from './vault-crypto-errors.ts';

const dataKey = (id = 'dek_test'): DataKey => ({ id, key: createSecretKey(randomBytes(32)) });
const ctx: FieldContext = { table: 'persons', column: 'mobile', recordId: '01890a5d-ac96-774b-bcce-b302099a8057' };
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function assertDecryptionFails(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => error instanceof DecryptionError);
}

describe('field encryption', () => {
  it('round-trips any text, including Chinese and empty strings', () => {
    const key = dataKey();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), fc.uuid(), (text, recordId) => {
        const here = { ...ctx, recordId };
        assert.equal(decryptField(key, here, encryptField(key, here, text)), text);
      }),
    );
    assert.equal(decryptField(key, ctx, encryptField(key, ctx, '张三 +8613812345678')), '张三 +8613812345678');
  });

  it('writes a self-describing header: version 1, AES-256-GCM, payload kind and the DEK id', () => {
    const key = dataKey('dek_abc');
    const text = encryptField(key, ctx, '+8613812345678');
    const blob = Buffer.from(text, 'base64url');
    assert.deepEqual([blob[0], blob[1], blob[2], blob[3]], [1, 1, PAYLOAD_KIND.field, 7]);
    assert.equal(readKeyId(text), 'dek_abc');
    assert.equal(blob.length, 4 + 7 + 12 + 16 + Buffer.byteLength('+8613812345678'));
    assert.match(text, /^[A-Za-z0-9_-]+$/, 'base64url text, no padding, safe in any TEXT column');
  });

  it('uses a fresh nonce so equal plaintexts give different ciphertexts', () => {
    const key = dataKey();
    assert.notEqual(encryptField(key, ctx, 'same'), encryptField(key, ctx, 'same'));
  });

  it('rejects a ciphertext with any single bit flipped, at every byte position', () => {
    const key = dataKey();
    const blob = Buffer.from(encryptField(key, ctx, '+8613812345678'), 'base64url');
    for (let i = 0; i < blob.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const tampered = Buffer.from(blob);
        tampered[i] = (tampered[i] ?? 0) ^ (1 << bit);
        assertDecryptionFails(() => decryptField(key, ctx, tampered.toString('base64url')));
      }
    }
  });

  it('rejects a stored text with any single character changed (property)', () => {
    const key = dataKey();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 63 }), (plain, at, shift) => {
        const text = encryptField(key, ctx, plain);
        const i = at % text.length;
        const replaced = B64URL[(B64URL.indexOf(text[i] ?? 'A') + shift) % 64] ?? 'A';
        assertDecryptionFails(() => decryptField(key, ctx, text.slice(0, i) + replaced + text.slice(i + 1)));
      }),
    );
  });

  it('rejects truncated, extended, padded or non-base64 text', () => {
    const key = dataKey();
    const text = encryptField(key, ctx, 'value');
    for (const bad of [text.slice(0, -1), `${text}A`, `${text}=`, `${text.slice(0, 10)}!${text.slice(11)}`, '', 'AQEB']) {
      assertDecryptionFails(() => decryptField(key, ctx, bad));
    }
  });

  it('refuses a ciphertext moved to another record, column or table', () => {
    const key = dataKey();
    const text = encryptField(key, ctx, '+8613812345678');
    for (const moved of [
      { ...ctx, recordId: '01890a5d-ac96-774b-bcce-b302099a8058' },
      { ...ctx, column: 'phone' },
      { ...ctx, table: 'contacts' },
    ]) {
      assert.throws(() => decryptField(key, moved, text), { reason: 'AUTHENTICATION_FAILED' });
    }
  });

  it('keeps the context encoding unambiguous when parts could be re-split', () => {
    const key = dataKey();
    const text = encryptField(key, { table: 'persons', column: 'id_no', recordId: 'abc' }, 'x');
    assert.throws(() => decryptField(key, { table: 'persons', column: 'id_n', recordId: 'oabc' }, text), DecryptionError);
  });

  it('binds non-ASCII record ids exactly, character for character', () => {
    const key = dataKey();
    for (const [written, read] of [
      ['éa', 'é'],
      ['记录一', '记录'],
      ['a\u{1F600}', 'a'],
    ] as const) {
      const text = encryptField(key, { ...ctx, recordId: written }, 'v');
      assert.equal(decryptField(key, { ...ctx, recordId: written }, text), 'v');
      assert.throws(() => decryptField(key, { ...ctx, recordId: read }, text), { reason: 'AUTHENTICATION_FAILED' });
    }
  });

  it('refuses the wrong key even when it carries the same key id', () => {
    const text = encryptField(dataKey('dek_same'), ctx, 'secret');
    assert.throws(() => decryptField(dataKey('dek_same'), ctx, text), { reason: 'AUTHENTICATION_FAILED' });
  });

  it('refuses a key whose id differs from the one named in the header', () => {
    const key = dataKey('dek_one');
    const text = encryptField(key, ctx, 'secret');
    assert.throws(() => decryptField({ ...key, id: 'dek_two' }, ctx, text), { reason: 'KEY_MISMATCH' });
  });

  it('refuses a context that is not snake_case table and column with a record id, before encrypting', () => {
    const key = dataKey();
    for (const bad of [
      { ...ctx, table: 'Persons' },
      { ...ctx, column: 'a.b' },
      { ...ctx, recordId: '' },
    ]) {
      assert.throws(() => encryptField(key, bad, 'x'), { reason: 'INVALID_ARGUMENT' });
    }
  });

  it('never puts the plaintext into an error message', () => {
    const key = dataKey();
    const text = encryptField(key, ctx, '+8613812345678');
    try {
      decryptField(key, { ...ctx, column: 'phone' }, text);
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(error instanceof VaultCryptoError);
      assert.doesNotMatch(error.message, /13812345678/);
      assert.doesNotMatch(error.message, new RegExp(text.slice(0, 20)));
    }
  });
});

describe('envelope encryption', () => {
  const envelopeCtx: FieldContext = { table: 'persons', column: 'contact_sealed', recordId: 'p1' };

  it('round-trips several fields of one access class as one value', () => {
    const key = dataKey();
    const fields = { name: '张三', mobile: '+8613812345678', email: 'zhang@example.cn', verified: true, score: 3 };
    assert.deepEqual(decryptEnvelope(key, envelopeCtx, encryptEnvelope(key, envelopeCtx, fields)), fields);
  });

  it('rejects an envelope read as a single field and a field read as an envelope', () => {
    const key = dataKey();
    const envelope = encryptEnvelope(key, envelopeCtx, { a: '1' });
    const field = encryptField(key, envelopeCtx, '{"a":"1"}');
    assert.throws(() => decryptField(key, envelopeCtx, envelope), { reason: 'CIPHERTEXT_KIND_MISMATCH' });
    assert.throws(() => decryptEnvelope(key, envelopeCtx, field), { reason: 'CIPHERTEXT_KIND_MISMATCH' });
  });

  it('rejects an envelope with any single bit flipped', () => {
    const key = dataKey();
    const blob = Buffer.from(encryptEnvelope(key, envelopeCtx, { name: '李四', id: '11010119900307001X' }), 'base64url');
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      assertDecryptionFails(() => decryptEnvelope(key, envelopeCtx, tampered.toString('base64url')));
    }
  });

  it('refuses anything but a JSON object as an envelope', () => {
    const key = dataKey();
    assert.throws(() => encryptEnvelope(key, envelopeCtx, ['a'] as never), { reason: 'INVALID_ARGUMENT' });
  });
});
