import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import {
  ed25519PublicKeyFromRaw,
  formatVkey,
  isValidKeyName,
  noteKeyId,
  parseVkey,
  rawEd25519PublicKey,
  strictBase64,
} from './signed-note.ts';

export const SIGNING_KEY_FILE_NAME = 'audit-signing.key';

/** Ed25519 seeds are 32 bytes; PKCS#8 wraps them behind this fixed DER prefix (RFC 8410). */
const SEED_BYTES = 32;
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export type AuditSigningKey = {
  /** Signed-note key name, e.g. "sealbridge.example.cn/audit". */
  keyName: string;
  /** 4-byte signed-note key ID as 8 hex digits. */
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The verifier key (vkey) text an outsider needs: "<name>+<key id>+<base64(0x01 ‖ public key)>". */
  publicKeyBase64: string;
  /** Same text as publicKeyBase64, under its usual name. */
  vkey: string;
};

/**
 * The signing key from a 32-byte Ed25519 seed in base64 (e.g. the AUDIT_SIGNING_KEY variable in containers).
 * Refuses (key_invalid) anything else without echoing it.
 */
export function signingKeyFromEnv(base64Seed: string, keyName: string): AuditSigningKey {
  const seed = strictBase64(base64Seed.trim());
  if (!seed || seed.length !== SEED_BYTES) {
    throw new AuditIntegrityError(
      'key_invalid',
      'the audit signing key must be a 32-byte Ed25519 seed in base64 (44 characters ending in "=")',
    );
  }
  return signingKeyFromSeed(seed, keyName);
}

/** A fresh random seed in the base64 form signingKeyFromEnv and the key file take. */
export function generateSigningKeySeed(): string {
  return randomBytes(SEED_BYTES).toString('base64');
}

/** The name and public key of a published vkey (checks its key ID against the key). */
export function publicKeyFromVkey(vkey: string): { keyName: string; publicKey: KeyObject } {
  const { keyName, rawPublicKey } = parseVkey(vkey.trim());
  return { keyName, publicKey: ed25519PublicKeyFromRaw(rawPublicKey) };
}

/**
 * The signing key kept in `<dir>/audit-signing.key` (DATA_DIR in the embedded setup), created on first use with
 * mode 0600 and one line: the 32-byte seed in base64. Like an SSH private key, an existing file is refused
 * (key_file_insecure, the message names the path and `chmod 600`) when group or others have any permission on
 * it, and refused (key_file_malformed) unless it holds exactly one seed. Creation is race-free across processes
 * (private temporary file hard-linked into place), so two instances never sign with different keys.
 */
export async function createFileSigningKey(options: { dir: string; keyName: string; path?: string }): Promise<AuditSigningKey> {
  const path = resolve(options.path ?? join(options.dir, SIGNING_KEY_FILE_NAME));
  const seed = (await readSeedFile(path, true)) ?? (await createSeedFile(path, options.dir)) ?? (await readSeedFile(path, false));
  if (!seed) throw new AuditIntegrityError('key_file_io', `cannot read audit signing key file ${path}`);
  return signingKeyFromSeed(seed, options.keyName);
}

function signingKeyFromSeed(seed: Buffer, keyName: string): AuditSigningKey {
  if (!isValidKeyName(keyName)) throw new AuditIntegrityError('key_invalid', 'audit key name must be non-empty, without spaces or "+"');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = rawEd25519PublicKey(publicKey);
  const vkey = formatVkey(keyName, raw);
  return { keyName, keyId: noteKeyId(keyName, raw).toString('hex'), privateKey, publicKey, publicKeyBase64: vkey, vkey };
}

async function createSeedFile(path: string, dir: string): Promise<Buffer | undefined> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const seed = randomBytes(SEED_BYTES);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // the umask can only remove bits; make the intent explicit
      await handle.writeFile(`${seed.toString('base64')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(tmp, path);
    return seed;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return undefined;
    throw new AuditIntegrityError('key_file_io', `cannot create audit signing key file ${path}: ${errnoCode(error) ?? 'unknown error'}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readSeedFile(path: string, missingOk: boolean): Promise<Buffer | undefined> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new AuditIntegrityError('key_file_malformed', `audit signing key file ${path} is not a regular file`);
      // POSIX permission bits mean nothing on Windows; there the directory ACL is the protection.
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
        throw new AuditIntegrityError(
          'key_file_insecure',
          `audit signing key file ${path} is accessible by group or others (mode ${mode}); run \`chmod 600 ${path}\` and restart`,
        );
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof AuditIntegrityError) throw error;
    if (missingOk && errnoCode(error) === 'ENOENT') return undefined;
    throw new AuditIntegrityError('key_file_io', `cannot read audit signing key file ${path}: ${errnoCode(error) ?? 'unknown error'}`);
  }
  const seed = strictBase64(text.replace(/\r?\n$/, ''));
  if (!seed || seed.length !== SEED_BYTES) {
    throw new AuditIntegrityError(
      'key_file_malformed',
      `audit signing key file ${path} is malformed: expected one line with a 32-byte seed in base64 (44 characters ending in "=")`,
    );
  }
  return seed;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
