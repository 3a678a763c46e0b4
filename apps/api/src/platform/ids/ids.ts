import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the CSPRNG in 4 KiB blocks: one system call per ~400 ids instead of one per id,
// which matters because every request gets an id.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

function take(n: number): Buffer {
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}

/**
 * UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local on both SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  const bytes = take(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An opaque random token for sessions and CSRF (256 bits, URL-safe). Never pooled: secrets get fresh bytes. */
export function newToken(bytes = 32): string {
  return randomFillSync(Buffer.alloc(bytes)).toString('base64url');
}
