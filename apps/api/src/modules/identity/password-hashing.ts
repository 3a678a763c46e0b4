import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const argon2Async = promisify(argon2);

/** OWASP Password Storage Cheat Sheet (2025): argon2id, m = 19 MiB, t = 2, p = 1. */
export const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;

type Params = { memory: number; passes: number; parallelism: number };

async function derive(password: string, salt: Buffer, params: Params, tagLength: number): Promise<Buffer> {
  return argon2Async('argon2id', {
    message: Buffer.from(password.normalize('NFKC'), 'utf8'),
    nonce: salt,
    memory: params.memory,
    passes: params.passes,
    parallelism: params.parallelism,
    tagLength,
  });
}

/** Returns a PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (unpadded base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, ARGON2_PARAMS, ARGON2_PARAMS.tagLength);
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=${ARGON2_PARAMS.memory},t=${ARGON2_PARAMS.passes},p=${ARGON2_PARAMS.parallelism}$${b64(salt)}$${b64(hash)}`;
}

type Parsed = { params: Params; salt: Buffer; hash: Buffer };

function parsePhc(phc: string): Parsed | null {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!m) return null;
  return {
    params: { memory: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]) },
    salt: Buffer.from(m[4] ?? '', 'base64'),
    hash: Buffer.from(m[5] ?? '', 'base64'),
  };
}

/** Verifies in constant time; `needsRehash` is true when the stored parameters are older than ours. */
export async function verifyPassword(phc: string, password: string): Promise<{ ok: boolean; needsRehash: boolean }> {
  const parsed = parsePhc(phc);
  if (!parsed) return { ok: false, needsRehash: false };
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  const ok = candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
  const p = parsed.params;
  const needsRehash = p.memory !== ARGON2_PARAMS.memory || p.passes !== ARGON2_PARAMS.passes || p.parallelism !== ARGON2_PARAMS.parallelism;
  return { ok, needsRehash };
}

/**
 * A hash of a random password, computed once: unknown log-in names are verified against it so a failed
 * log-in takes the same time whether or not the account exists.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
