import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { formatVkey, noteKeyId, openNote, rawEd25519PublicKey, signNote } from '../audit/index.ts';

/**
 * Destruction certificates are C2SP signed notes — the format of the audit checkpoints — signed with an Ed25519 key
 * derived from the audit signing seed (HKDF-SHA256, its own label), like the consent receipts and NDA certificates: one
 * custody, but a signature made for one use cannot pass for another, and the key has a name of its own
 * (`<host>/sealbridge-retention`). Anyone holding the vkey checks a certificate offline with Go's note package.
 */
const HKDF_INFO = 'sealbridge retention certificate signing key v1';
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
export const CERTIFICATE_HEADER = 'sealbridge destruction certificate v1';

export type CertificateSigner = {
  keyName: string;
  vkey: string;
  sign: (text: string) => string;
  /** The note's text when it carries a valid signature by this key; throws otherwise. */
  open: (note: string) => string;
};

export function certificateSignerFrom(auditPrivateKey: KeyObject, keyName: string): CertificateSigner {
  const auditSeed = Buffer.from(auditPrivateKey.export({ format: 'der', type: 'pkcs8' })).subarray(-32);
  const seed = Buffer.from(hkdfSync('sha256', auditSeed, Buffer.from('sealbridge'), Buffer.from(HKDF_INFO), 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = rawEd25519PublicKey(publicKey);
  const keyId = noteKeyId(keyName, raw);
  return {
    keyName,
    vkey: formatVkey(keyName, raw),
    sign: (text) => signNote(text, { keyName, keyId, privateKey }),
    open: (note) => openNote(note, { keyName, keyId, publicKey }),
  };
}

/** The certified facts, one `name value` line each (the note's text). */
export type CertificateFacts = {
  certificateNo: string;
  runId: string;
  retentionClass: string;
  rule: string;
  table: string;
  action: string;
  count: number;
  recordsDigest: string;
  destroyedAt: string;
};

export function certificateText(f: CertificateFacts): string {
  return [
    CERTIFICATE_HEADER,
    `certificate ${f.certificateNo}`,
    `run ${f.runId}`,
    `class ${f.retentionClass}`,
    `rule ${f.rule}`,
    `table ${f.table}`,
    `action ${f.action}`,
    `count ${f.count}`,
    `records-sha256 ${f.recordsDigest}`,
    `destroyed-at ${f.destroyedAt}`,
    '',
  ].join('\n');
}

/** The facts of a certificate's text (the inverse of certificateText); null when it is not one. */
export function parseCertificateText(text: string): Record<string, string> | null {
  const lines = text.split('\n');
  if (lines[0] !== CERTIFICATE_HEADER) return null;
  const facts: Record<string, string> = {};
  for (const line of lines.slice(1).filter(Boolean)) {
    const space = line.indexOf(' ');
    if (space < 0) return null;
    facts[line.slice(0, space)] = line.slice(space + 1);
  }
  return facts;
}
