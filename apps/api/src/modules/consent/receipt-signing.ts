import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { TReceiptBody, TReceiptKey } from '@sealbridge/contracts';

/**
 * Consent receipts are signed with an Ed25519 key derived from the audit signing seed (HKDF-SHA256 with its own
 * label), not with the audit key itself: the two keys share custody (AUDIT_SIGNING_KEY or DATA_DIR/audit-signing.key,
 * 0600, never in the database) but a signature made for one use can never be passed off as the other, and the
 * receipt key is published on its own. The signed message is a context line followed by the receipt's canonical
 * JSON (members sorted, no spaces), so anyone can check it offline with the public key (see NOTES.md).
 */
export const RECEIPT_CONTEXT = 'sealbridge-consent-receipt-v1';
const HKDF_INFO = 'sealbridge consent receipt signing key v1';
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export type ReceiptSigner = {
  keyId: string;
  issuer: string;
  publicKey: KeyObject;
  sign: (body: TReceiptBody) => string;
  verify: (body: TReceiptBody, signatureBase64: string) => boolean;
  published: () => TReceiptKey;
};

/** Sorted-member JSON of plain data (strings, numbers, booleans, null, arrays, objects). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function receiptMessage(body: TReceiptBody): Buffer {
  return Buffer.from(`${RECEIPT_CONTEXT}\n${canonicalJson(body)}`, 'utf8');
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  return Buffer.from(publicKey.export({ format: 'der', type: 'spki' })).subarray(-32);
}

/** The receipt signer derived from the audit signing key's Ed25519 private key. */
export function receiptSignerFrom(auditPrivateKey: KeyObject, issuer: string): ReceiptSigner {
  const auditSeed = Buffer.from(auditPrivateKey.export({ format: 'der', type: 'pkcs8' })).subarray(-32);
  const seed = Buffer.from(hkdfSync('sha256', auditSeed, Buffer.from('sealbridge'), Buffer.from(HKDF_INFO), 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublicKey(publicKey);
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return {
    keyId,
    issuer,
    publicKey,
    sign: (body) => sign(null, receiptMessage(body), privateKey).toString('base64'),
    verify: (body, signature) => verifyReceipt(publicKey, body, signature),
    published: () => ({
      algorithm: 'Ed25519',
      keyId,
      issuer,
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      publicKeyRawBase64: raw.toString('base64'),
      context: RECEIPT_CONTEXT,
    }),
  };
}

/** Offline check: true when `signature` is the platform's Ed25519 signature of this exact receipt. */
export function verifyReceipt(publicKey: KeyObject, body: TReceiptBody, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, receiptMessage(body), publicKey, signature);
  } catch {
    return false;
  }
}
