export type ImageType = 'jpeg' | 'png';
export type ImageCheck = { ok: true; type: ImageType; base64: string } | { ok: false; reason: 'type' | 'size' | 'encoding' };

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Buffer, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Checks an uploaded image by its content, not its name or declared type: JPEG or PNG magic bytes, at most
 * `maxBytes`. Returns the canonical base64 of the bytes as received (nothing stripped or re-encoded). Never logs or
 * echoes the bytes.
 */
export function checkImage(base64: string, maxBytes: number): ImageCheck {
  const bytes = Buffer.from(base64, 'base64');
  const canonical = bytes.toString('base64');
  // Buffer.from ignores junk; a round trip that changes more than padding means it was not base64.
  if (bytes.length === 0 || canonical.replace(/=+$/, '') !== base64.replace(/=+$/, '')) return { ok: false, reason: 'encoding' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'size' };
  if (startsWith(bytes, JPEG)) return { ok: true, type: 'jpeg', base64: canonical };
  if (startsWith(bytes, PNG)) return { ok: true, type: 'png', base64: canonical };
  return { ok: false, reason: 'type' };
}
