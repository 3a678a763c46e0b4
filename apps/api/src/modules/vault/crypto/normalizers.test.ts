import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCreditCode, normalizeEmail, normalizeIdNumber, normalizeMobileCn } from './normalizers.ts';

describe('normalizers', () => {
  it('turns every common way of writing a mainland mobile number into E.164', () => {
    for (const input of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+86-13812345678',
      '008613812345678',
      '8613812345678',
      ' (138) 1234-5678 ',
      '１３８１２３４５６７８',
    ]) {
      assert.equal(normalizeMobileCn(input), '+8613812345678', input);
    }
  });

  it('refuses what is not a mainland mobile number, without echoing it', () => {
    for (const input of ['12812345678', '1381234567', '138123456789', '+85291234567', '', 'abc']) {
      assert.throws(
        () => normalizeMobileCn(input),
        (error: unknown) => {
          assert.ok(error instanceof Error && 'reason' in error && error.reason === 'INVALID_INPUT');
          assert.ok(input === '' || !error.message.includes(input));
          return true;
        },
      );
    }
  });

  it('upper-cases and compacts identity numbers and credit codes', () => {
    assert.equal(normalizeIdNumber(' 11010119900307001x '), '11010119900307001X');
    assert.equal(normalizeIdNumber('110101 19900307 001x'), '11010119900307001X');
    assert.equal(normalizeIdNumber('ｅ１２３４５６７８'), 'E12345678');
    assert.equal(normalizeCreditCode(' 91350100m000100y43 '), '91350100M000100Y43');
    assert.throws(() => normalizeCreditCode('   '), { reason: 'INVALID_INPUT' });
  });

  it('lower-cases and trims e-mail addresses, including full-width input', () => {
    assert.equal(normalizeEmail('  Zhang.San@Example.CN '), 'zhang.san@example.cn');
    assert.equal(normalizeEmail('zhang＠example.cn'), 'zhang@example.cn');
    for (const bad of ['no-at', '@example.cn', 'a@', 'a@b@c', 'a b@c.cn'])
      assert.throws(() => normalizeEmail(bad), { reason: 'INVALID_INPUT' });
  });

  it('gives equal output for inputs that differ only in formatting (idempotent)', () => {
    for (const [fn, value] of [
      [normalizeMobileCn, '+86 138 1234 5678'],
      [normalizeIdNumber, '11010119900307001x'],
      [normalizeCreditCode, '91350100m000100y43'],
      [normalizeEmail, 'A@B.CN'],
    ] as const) {
      assert.equal(fn(fn(value)), fn(value));
    }
  });
});
