import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSecret, parseOtpauthUri } from './otpauth.ts';
import { recoveryCodesFileName, recoveryCodesText } from './recovery-codes-file.ts';

test('a secret is shown in upper-case groups of four', () => {
  assert.equal(groupSecret('jbswy3dpehpk3pxpjbsw'), 'JBSW Y3DP EHPK 3PXP JBSW');
  assert.equal(groupSecret('ABCDEF'), 'ABCD EF');
  assert.equal(groupSecret(''), '');
});

test('an otpauth URI yields issuer, account, secret, digits and period', () => {
  const parts = parseOtpauthUri(
    'otpauth://totp/Sealbridge%3AC-100001?secret=JBSWY3DPEHPK3PXP&issuer=Sealbridge%20%E5%B0%81%E6%A1%A5&digits=6&period=30',
  );
  assert.deepEqual(parts, { issuer: 'Sealbridge 封桥', account: 'C-100001', secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: 30 });
});

test('defaults apply when digits and period are absent, and the label issuer is used without an issuer parameter', () => {
  assert.deepEqual(parseOtpauthUri('otpauth://totp/Acme:alice?secret=AAAA'), {
    issuer: 'Acme',
    account: 'alice',
    secret: 'AAAA',
    digits: 6,
    period: 30,
  });
});

test('anything but a TOTP otpauth URI is refused', () => {
  assert.equal(parseOtpauthUri('otpauth://hotp/x?secret=A'), null);
  assert.equal(parseOtpauthUri('https://example.com/'), null);
  assert.equal(parseOtpauthUri('not a uri'), null);
});

test('the recovery-code sheet numbers every code and names no account', () => {
  const text = recoveryCodesText({
    heading: 'H',
    generatedAt: '2026-11-28',
    note: 'N',
    codes: Array.from({ length: 10 }, (_, i) => `CODE-${i}`),
  });
  const lines = text.split('\n');
  assert.equal(lines[0], 'H');
  assert.equal(lines[3], ' 1. CODE-0');
  assert.equal(lines[12], '10. CODE-9');
  assert.ok(text.endsWith('N\n'));
  assert.equal(recoveryCodesFileName(new Date('2026-11-28T23:59:00Z')), 'sealbridge-recovery-codes-2026-11-28.txt');
});
