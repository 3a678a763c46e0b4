import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../consent/index.ts';

/**
 * NDA signature records are signed with an Ed25519 key derived from the audit signing seed under a label of its own
 * (like consent receipts): the keys share custody, but a signature made for one use cannot pass as another, and the
 * NDA key is published on its own (`GET /api/nda/key`). The signed message is a context line and the record's
 * canonical JSON, so anyone can check a certificate offline.
 */
export const NDA_CONTEXT = 'sealbridge-nda-signature-v1';
const HKDF_INFO = 'sealbridge nda signing key v1';
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** What the platform signs when a buyer ticks the box: no name, no number — the alias and the text's digest. */
export type NdaRecord = {
  type: 'sealbridge.nda-signature';
  v: 1;
  id: string;
  issuer: string;
  keyId: string;
  listingCode: string;
  buyerAlias: string;
  templateVersion: number;
  textSha256: string;
  signedAt: string;
  deviceLabel: string;
};

export type NdaSigner = {
  keyId: string;
  issuer: string;
  publicKeyPem: string;
  publicKeyRawBase64: string;
  sign: (record: NdaRecord) => string;
  verify: (record: NdaRecord, signatureBase64: string) => boolean;
};

const message = (record: NdaRecord) => Buffer.from(`${NDA_CONTEXT}\n${canonicalJson(record)}`, 'utf8');

export function ndaSignerFrom(auditPrivateKey: KeyObject, issuer: string): NdaSigner {
  const auditSeed = Buffer.from(auditPrivateKey.export({ format: 'der', type: 'pkcs8' })).subarray(-32);
  const seed = Buffer.from(hkdfSync('sha256', auditSeed, Buffer.from('sealbridge'), Buffer.from(HKDF_INFO), 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = Buffer.from(publicKey.export({ format: 'der', type: 'spki' })).subarray(-32);
  return {
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    issuer,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyRawBase64: raw.toString('base64'),
    sign: (record) => sign(null, message(record), privateKey).toString('base64'),
    verify: (record, signatureBase64) => {
      const signature = Buffer.from(signatureBase64, 'base64');
      if (signature.length !== 64) return false;
      try {
        return verify(null, message(record), publicKey, signature);
      } catch {
        return false;
      }
    },
  };
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
