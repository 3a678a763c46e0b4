import { hash } from 'node:crypto';

/** Every hash of the log is SHA-256: 32 bytes, 64 hex characters. */
export const HASH_BYTES = 32;

/** Root of the empty tree, SHA-256 of no bytes (RFC 9162 §2.1.1). */
export const EMPTY_ROOT_HEX = hash('sha256', '', 'hex');

const LEAF_PREFIX = Buffer.from([0x00]);

/** SHA-256(0x00 ‖ data) — RFC 9162 §2.1.1; the prefix keeps a leaf from ever passing for an inner node. */
export function leafHash(data: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer');
}

/** SHA-256(0x01 ‖ left ‖ right) — RFC 9162 §2.1.1. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 0x01;
  left.copy(input, 1);
  right.copy(input, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

/** Reused input of nodeHashMixed: 0x01 ‖ left ‖ right. */
const scratch = Buffer.alloc(1 + 2 * HASH_BYTES);
scratch[0] = 0x01;

/**
 * nodeHash for the frontier's hot path. Each operand is either 64-character hex (a leaf as stored) or a 32-char
 * binary string (an inner node, kept in the cheapest form the one-shot hash returns); the result is binary.
 */
export function nodeHashMixed(left: string, right: string): string {
  writeNode(left, 1);
  writeNode(right, 1 + HASH_BYTES);
  return hash('sha256', scratch, 'binary'); // 'binary' = latin1: one char per byte
}

function writeNode(node: string, offset: number): void {
  if (node.length === 2 * HASH_BYTES) scratch.write(node, offset, 'hex');
  else scratch.write(node, offset, 'latin1');
}

/** A hash in either form of nodeHashMixed, as 64-character hex. */
export function toHex(node: string): string {
  return node.length === 2 * HASH_BYTES ? node : Buffer.from(node, 'latin1').toString('hex');
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** True for a 64-character lowercase hex string, the only stored form of a hash. */
export function isHexHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_HASH.test(value);
}
