import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KEY_BYTES, parseBase64Key, type KeyProvider } from './root-key-provider.ts';
import { KeyProviderError } from './vault-crypto-errors.ts';

export const ROOT_KEY_FILE_NAME = 'root.key';

/**
 * Root key kept in `<dir>/root.key` (the embedded default: `DATA_DIR`). The file is created on first use with
 * mode 0600 holding 32 random bytes in base64 plus a newline. An existing file is refused — the app must not
 * start — when group or others have any permission on it, or when it does not hold exactly one 32-byte key.
 *
 * Creation is race-free across processes: the key is written to a private temporary file and hard-linked into
 * place, which fails if another process won, so two instances never end up with different keys.
 * The key is not cached here: the keyring reads it once at boot and keeps only derived KeyObjects.
 */
export function createFileKeyProvider(options: { dir: string }): KeyProvider {
  const path = resolve(join(options.dir, ROOT_KEY_FILE_NAME));
  return {
    id: `file:${path}`,
    getRootKey: async () => {
      // Read first, so an existing key on a read-only volume works; create only when absent; read again when
      // another process created it in between.
      const existing = await readKeyFile(path, { missingOk: true });
      return existing ?? (await createKeyFile(path, options.dir)) ?? (await readKeyFile(path, { missingOk: false }));
    },
  };
}

/** Returns the new key, or undefined when the file already exists (then the caller reads and checks it). */
async function createKeyFile(path: string, dir: string): Promise<Buffer | undefined> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const key = randomBytes(KEY_BYTES);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // the umask could only remove bits, but make the intent explicit
      await handle.writeFile(`${key.toString('base64')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(tmp, path);
    return key;
  } catch (error) {
    key.fill(0);
    if (errnoCode(error) === 'EEXIST') return undefined;
    throw new KeyProviderError('KEY_FILE_IO', `cannot create root key file ${path}: ${errnoCode(error) ?? 'unknown error'}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readKeyFile(path: string, options: { missingOk: true }): Promise<Buffer | undefined>;
async function readKeyFile(path: string, options: { missingOk: false }): Promise<Buffer>;
async function readKeyFile(path: string, options: { missingOk: boolean }): Promise<Buffer | undefined> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new KeyProviderError('KEY_FILE_MALFORMED', `root key file ${path} is not a regular file`);
      // POSIX permission bits mean nothing on Windows; there the directory ACL is the protection.
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
        throw new KeyProviderError(
          'KEY_FILE_INSECURE',
          `root key file ${path} is accessible by group or others (mode ${mode}); run \`chmod 600 ${path}\` and restart`,
        );
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof KeyProviderError) throw error;
    if (options.missingOk && errnoCode(error) === 'ENOENT') return undefined;
    throw new KeyProviderError('KEY_FILE_IO', `cannot read root key file ${path}: ${errnoCode(error) ?? 'unknown error'}`);
  }
  const key = parseBase64Key(text.replace(/\r?\n$/, ''));
  if (!key) {
    throw new KeyProviderError(
      'KEY_FILE_MALFORMED',
      `root key file ${path} is malformed: expected one line with 32 bytes in base64 (44 characters ending in "="). ` +
        'Restore it from the key backup; deleting it makes every encrypted field unreadable.',
    );
  }
  return key;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
