/**
 * The invisible watermark's payload: a 32-bit rendering code followed by a CRC-16/CCITT over its four bytes,
 * 48 bits in all. The CRC turns a garbled decode into "no watermark" instead of another viewer's code (a random
 * 48-bit word passes with probability 2^-16), and the code must then also exist in `dataroom_renderings`.
 */
export const CODE_BITS = 32;
export const CHECK_BITS = 16;
export const PAYLOAD_BITS = CODE_BITS + CHECK_BITS;

export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function codeBytes(code: number): Uint8Array {
  return new Uint8Array([(code >>> 24) & 0xff, (code >>> 16) & 0xff, (code >>> 8) & 0xff, code & 0xff]);
}

/** The payload as ±1 symbols, most significant bit first. */
export function encodePayload(code: number): Int8Array {
  if (!Number.isInteger(code) || code < 0 || code > 0xffffffff) throw new RangeError('a rendering code is an unsigned 32-bit integer');
  const check = crc16(codeBytes(code));
  const out = new Int8Array(PAYLOAD_BITS);
  for (let i = 0; i < CODE_BITS; i++) out[i] = (code >>> (CODE_BITS - 1 - i)) & 1 ? 1 : -1;
  for (let i = 0; i < CHECK_BITS; i++) out[CODE_BITS + i] = (check >>> (CHECK_BITS - 1 - i)) & 1 ? 1 : -1;
  return out;
}

/** Hard decision on soft values (positive → 1); null when the check does not match. */
export function decodePayload(soft: ArrayLike<number>): number | null {
  if (soft.length !== PAYLOAD_BITS) return null;
  let code = 0;
  for (let i = 0; i < CODE_BITS; i++) code = (code * 2 + ((soft[i] ?? 0) > 0 ? 1 : 0)) >>> 0;
  let check = 0;
  for (let i = 0; i < CHECK_BITS; i++) check = (check << 1) | ((soft[CODE_BITS + i] ?? 0) > 0 ? 1 : 0);
  return crc16(codeBytes(code)) === check ? code : null;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The code as people read it on the page: 7 characters of an unambiguous alphabet, "K7Q-3XP2" style. */
export function formatCode(code: number): string {
  let out = '';
  let rest = code >>> 0;
  for (let i = 0; i < 7; i++) {
    out = (ALPHABET[rest % 32] ?? '2') + out;
    rest = Math.floor(rest / 32);
  }
  return `${out.slice(0, 3)}-${out.slice(3)}`;
}

/** The inverse of formatCode (case-insensitive, dash optional); null for anything else. */
export function parseCode(text: string): number | null {
  const clean = text.trim().toUpperCase().replace(/-/g, '');
  if (!/^[2-9A-HJ-NP-Z]{7}$/.test(clean)) return null;
  let code = 0;
  for (const ch of clean) code = code * 32 + ALPHABET.indexOf(ch);
  return code <= 0xffffffff ? code : null;
}
