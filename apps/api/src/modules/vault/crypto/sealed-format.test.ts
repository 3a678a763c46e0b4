import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildAad, fromText, parseSealed, toText } from './sealed-format.ts';

/** The AAD exactly as README.md specifies it, written the slow obvious way. */
function referenceAad(header: Buffer, context: readonly string[]): Buffer {
  return Buffer.concat([
    header,
    ...context.flatMap((part) => {
      const bytes = Buffer.from(part, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  ]);
}

describe('sealed format', () => {
  const header = Buffer.from([1, 1, 1, 3, 0x61, 0x62, 0x63]);

  it('encodes the AAD exactly as specified for ASCII, Unicode, empty and long context parts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.string({ unit: 'grapheme', maxLength: 50 }),
            fc.string({ unit: 'binary', maxLength: 50 }),
          ),
          { maxLength: 4 },
        ),
        (context) => {
          assert.deepEqual(buildAad(header, header.length, context), referenceAad(header, context));
        },
      ),
    );
    for (const context of [
      ['persons', 'mobile', '01890a5d-ac96-774b-bcce-b302099a8057'],
      ['a'.repeat(127), 'b'.repeat(128)],
      ['é', 'a'],
      ['\u0000', ''],
    ]) {
      assert.deepEqual(buildAad(header, header.length, context), referenceAad(header, context));
    }
  });

  it('round-trips any bytes through the strict base64url text form (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => {
        assert.deepEqual(fromText(toText(Buffer.from(bytes))), Buffer.from(bytes));
      }),
    );
  });

  it('refuses text that Node would decode leniently: standard alphabet, padding, dirty trailing bits', () => {
    const text = toText(randomBytes(31)); // 31 bytes → 42 characters, last one carries 2 unused bits
    assert.throws(() => fromText(`+${text.slice(1)}`), { reason: 'CIPHERTEXT_MALFORMED' });
    assert.throws(() => fromText(`/${text.slice(1)}`), { reason: 'CIPHERTEXT_MALFORMED' });
    assert.throws(() => fromText(`${text}==`), { reason: 'CIPHERTEXT_MALFORMED' });
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(text.at(-1) ?? 'A');
    const dirty = `${text.slice(0, -1)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[last | 1]}`;
    assert.deepEqual(Buffer.from(dirty, 'base64url'), Buffer.from(text, 'base64url'), 'Node alone would accept it');
    assert.throws(() => fromText(dirty), { reason: 'CIPHERTEXT_MALFORMED' });
  });

  it('reads version, algorithm, kind and key id, and refuses unknown versions and algorithms', () => {
    const blob = Buffer.concat([header, randomBytes(28)]);
    const parts = parseSealed(blob);
    assert.equal(parts.keyId, 'abc');
    assert.equal(parts.headerEnd, 7);
    assert.equal(parts.ciphertext.length, 0);
    assert.throws(() => parseSealed(Buffer.concat([Buffer.from([2]), blob.subarray(1)])), { reason: 'CIPHERTEXT_UNSUPPORTED' });
    assert.throws(() => parseSealed(Buffer.concat([Buffer.from([1, 2]), blob.subarray(2)])), { reason: 'CIPHERTEXT_UNSUPPORTED' });
    assert.throws(() => parseSealed(blob.subarray(0, 30)), { reason: 'CIPHERTEXT_MALFORMED' });
  });
});
