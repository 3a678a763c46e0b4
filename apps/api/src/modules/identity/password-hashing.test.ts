import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashPassword, verifyPassword } from './password-hashing.ts';

describe('password hashing', () => {
  test('a password hashes to an argon2id PHC string with the OWASP parameters and verifies', async () => {
    const phc = await hashPassword('正确的密码-2026');
    assert.match(phc, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.deepEqual(await verifyPassword(phc, '正确的密码-2026'), { ok: true, needsRehash: false });
  });

  test('a wrong password does not verify', async () => {
    const phc = await hashPassword('secret-one');
    assert.equal((await verifyPassword(phc, 'secret-two')).ok, false);
  });

  test('two hashes of one password differ (random salt)', async () => {
    assert.notEqual(await hashPassword('same'), await hashPassword('same'));
  });

  test('a stored hash with parameters other than the current ones is flagged for rehash', async () => {
    const older = (await hashPassword('pw')).replace('t=2', 't=1');
    assert.equal((await verifyPassword(older, 'pw')).needsRehash, true);
  });

  test('a malformed stored hash never verifies', async () => {
    assert.equal((await verifyPassword('plaintext', 'plaintext')).ok, false);
  });
});
