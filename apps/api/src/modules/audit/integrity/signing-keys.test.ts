import assert from 'node:assert/strict';
import { randomBytes, sign, verify } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AuditIntegrityError, type AuditIntegrityReason } from './audit-integrity-errors.ts';
import { createFileSigningKey, publicKeyFromVkey, SIGNING_KEY_FILE_NAME, signingKeyFromEnv } from './signing-keys.ts';

const NAME = 'sealbridge.test/audit';
const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sealbridge-audit-key-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function isReason(reason: AuditIntegrityReason, check: (message: string) => boolean = () => true) {
  return (error: unknown) => error instanceof AuditIntegrityError && error.reason === reason && check(error.message);
}

describe('audit signing key', () => {
  it('creates audit-signing.key on first use with mode 0600 and one base64 seed line', async () => {
    const dir = join(await freshDir(), 'nested', 'data');
    const key = await createFileSigningKey({ dir, keyName: NAME });
    const path = join(dir, SIGNING_KEY_FILE_NAME);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.match(await readFile(path, 'utf8'), /^[A-Za-z0-9+/]{43}=\n$/);
    assert.equal(key.keyName, NAME);
    assert.match(key.keyId, /^[0-9a-f]{8}$/);
  });

  it('returns the same key on every later use and to racing instances', async () => {
    const dir = await freshDir();
    const keys = await Promise.all(Array.from({ length: 6 }, () => createFileSigningKey({ dir, keyName: NAME })));
    const again = await createFileSigningKey({ dir, keyName: NAME });
    for (const key of [...keys, again]) assert.equal(key.vkey, keys[0]?.vkey);
  });

  for (const mode of [0o644, 0o640, 0o604, 0o660, 0o606, 0o620]) {
    it(`refuses a key file with mode ${mode.toString(8)}, naming the path and chmod 600`, async () => {
      const dir = await freshDir();
      const path = join(dir, SIGNING_KEY_FILE_NAME);
      await writeFile(path, `${randomBytes(32).toString('base64')}\n`);
      await chmod(path, mode);
      await assert.rejects(
        createFileSigningKey({ dir, keyName: NAME }),
        isReason('key_file_insecure', (m) => m.includes(path) && m.includes(`chmod 600 ${path}`)),
      );
    });
  }

  it('accepts an existing key file only its owner can use (0600, 0400, 0700), like an SSH key', async () => {
    for (const mode of [0o600, 0o400, 0o700]) {
      const dir = await freshDir();
      const seed = randomBytes(32).toString('base64');
      await writeFile(join(dir, SIGNING_KEY_FILE_NAME), `${seed}\n`);
      await chmod(join(dir, SIGNING_KEY_FILE_NAME), mode);
      assert.equal((await createFileSigningKey({ dir, keyName: NAME })).vkey, signingKeyFromEnv(seed, NAME).vkey);
    }
  });

  for (const [label, content] of [
    ['empty', ''],
    ['16 bytes', `${randomBytes(16).toString('base64')}\n`],
    ['hex instead of base64', `${randomBytes(32).toString('hex')}\n`],
    ['two lines', `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n`],
  ] as const) {
    it(`refuses a malformed key file (${label}) without echoing its content`, async () => {
      const dir = await freshDir();
      await writeFile(join(dir, SIGNING_KEY_FILE_NAME), content, { mode: 0o600 });
      await assert.rejects(
        createFileSigningKey({ dir, keyName: NAME }),
        isReason('key_file_malformed', (m) => content.length < 8 || !m.includes(content.trim().slice(0, 8))),
      );
    });
  }

  it('takes the key from a base64 seed (environment) and refuses anything else without echoing it', () => {
    const seed = randomBytes(32).toString('base64');
    const key = signingKeyFromEnv(seed, NAME);
    const message = Buffer.from('checkpoint');
    assert.ok(verify(null, message, key.publicKey, sign(null, message, key.privateKey)));
    assert.equal(signingKeyFromEnv(seed, NAME).vkey, key.vkey);
    for (const bad of ['', 'c2VjcmV0', randomBytes(31).toString('base64'), randomBytes(32).toString('hex')]) {
      assert.throws(
        () => signingKeyFromEnv(bad, NAME),
        isReason('key_invalid', (m) => bad.length === 0 || !m.includes(bad)),
      );
    }
    assert.throws(() => signingKeyFromEnv(seed, 'has space'), isReason('key_invalid'));
    assert.throws(() => signingKeyFromEnv(seed, 'has+plus'), isReason('key_invalid'));
  });

  it('publishes a verifier key an outsider can parse back to the same name and public key', () => {
    const key = signingKeyFromEnv(randomBytes(32).toString('base64'), NAME);
    assert.match(key.vkey, /^sealbridge\.test\/audit\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    const parsed = publicKeyFromVkey(key.vkey);
    assert.equal(parsed.keyName, NAME);
    assert.ok(parsed.publicKey.equals(key.publicKey));
  });
});
