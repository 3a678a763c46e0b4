import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createFileKeyProvider, ROOT_KEY_FILE_NAME } from './file-key-provider.ts';
import { createEnvKeyProvider } from './root-key-provider.ts';
import { KeyProviderError } from './vault-crypto-errors.ts';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sealbridge-key-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('file key provider', () => {
  it('creates root.key on first use with mode 0600, 32 random bytes in base64 and a newline', async () => {
    const dir = join(await freshDir(), 'nested', 'data');
    const key = await createFileKeyProvider({ dir }).getRootKey();
    const path = join(dir, ROOT_KEY_FILE_NAME);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal(key.length, 32);
    assert.equal(await readFile(path, 'utf8'), `${key.toString('base64')}\n`);
  });

  it('returns the same key on every later use and from another provider on the same directory', async () => {
    const dir = await freshDir();
    const first = await createFileKeyProvider({ dir }).getRootKey();
    assert.deepEqual(await createFileKeyProvider({ dir }).getRootKey(), first);
  });

  it('gives racing instances the same key (exclusive creation)', async () => {
    const dir = await freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => createFileKeyProvider({ dir }).getRootKey()));
    for (const key of keys) assert.deepEqual(key, keys[0]);
  });

  it('accepts an existing key file with mode 0600', async () => {
    const dir = await freshDir();
    const key = randomBytes(32);
    await writeFile(join(dir, ROOT_KEY_FILE_NAME), `${key.toString('base64')}\n`, { mode: 0o600 });
    assert.deepEqual(await createFileKeyProvider({ dir }).getRootKey(), key);
  });

  for (const mode of [0o644, 0o640, 0o604, 0o660, 0o666]) {
    it(`refuses a key file with mode ${mode.toString(8)}, naming the path and chmod 600`, async () => {
      const dir = await freshDir();
      const path = join(dir, ROOT_KEY_FILE_NAME);
      await writeFile(path, `${randomBytes(32).toString('base64')}\n`);
      await chmod(path, mode);
      await assert.rejects(createFileKeyProvider({ dir }).getRootKey(), (error: unknown) => {
        assert.ok(error instanceof KeyProviderError);
        assert.equal(error.reason, 'KEY_FILE_INSECURE');
        assert.ok(error.message.includes(path));
        assert.ok(error.message.includes(`chmod 600 ${path}`));
        return true;
      });
    });
  }

  for (const [label, content] of [
    ['empty', ''],
    ['16 bytes', `${randomBytes(16).toString('base64')}\n`],
    ['64 bytes', `${randomBytes(64).toString('base64')}\n`],
    ['hex instead of base64', `${randomBytes(32).toString('hex')}\n`],
    ['two lines', `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n`],
  ] as const) {
    it(`refuses a malformed key file (${label}) without echoing its content`, async () => {
      const dir = await freshDir();
      const path = join(dir, ROOT_KEY_FILE_NAME);
      await writeFile(path, content, { mode: 0o600 });
      await assert.rejects(createFileKeyProvider({ dir }).getRootKey(), (error: unknown) => {
        assert.ok(error instanceof KeyProviderError);
        assert.equal(error.reason, 'KEY_FILE_MALFORMED');
        assert.ok(error.message.includes(path));
        if (content.length > 4) assert.ok(!error.message.includes(content.trim().slice(0, 12)));
        return true;
      });
    });
  }
});

describe('env key provider', () => {
  it('accepts 32 bytes in base64 and returns a fresh copy each time', async () => {
    const key = randomBytes(32);
    const provider = createEnvKeyProvider(key.toString('base64'));
    const first = await provider.getRootKey();
    assert.deepEqual(first, key);
    first.fill(0);
    assert.deepEqual(await provider.getRootKey(), key, 'zeroing a returned copy does not affect the provider');
    assert.equal(provider.id, 'env:ROOT_KEY');
  });

  it('refuses a missing value, naming the variable', () => {
    assert.throws(
      () => createEnvKeyProvider(undefined, 'SEALBRIDGE_ROOT_KEY'),
      (error: unknown) => {
        assert.ok(error instanceof KeyProviderError);
        assert.equal(error.reason, 'ENV_KEY_INVALID');
        assert.match(error.message, /SEALBRIDGE_ROOT_KEY is not set/);
        return true;
      },
    );
  });

  for (const [label, value] of [
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['base64url', 'A'.repeat(42) + '_-'],
    ['non-canonical last character', `${randomBytes(32).toString('base64').slice(0, 42)}B=`],
  ] as const) {
    it(`refuses ${label} with a clear message that does not echo the value`, () => {
      assert.throws(
        () => createEnvKeyProvider(value),
        (error: unknown) => {
          assert.ok(error instanceof KeyProviderError);
          assert.equal(error.reason, 'ENV_KEY_INVALID');
          assert.match(error.message, /ROOT_KEY is malformed; ROOT_KEY must be 32 random bytes in base64/);
          assert.ok(!error.message.includes(value));
          return true;
        },
      );
    });
  }
});
