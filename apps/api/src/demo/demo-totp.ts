import { createHash } from 'node:crypto';

/**
 * The TOTP secret of a demo staff account (base32). Published on purpose — demo staff are synthetic — so a person
 * trying the demo can add it to an authenticator app, and browser tests can compute codes. DEMO=0 never seeds it.
 */
export function demoTotpSecret(loginName: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(`sealbridge-demo-totp:${loginName}`).digest();
  return Array.from(digest.subarray(0, 32), (byte) => alphabet[byte % 32]).join('');
}
