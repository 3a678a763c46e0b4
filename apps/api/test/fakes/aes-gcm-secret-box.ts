import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../src/modules/factors/index.ts';

/**
 * A SecretBox for tests: AES-256-GCM under a random per-box key, 96-bit random nonce, the AAD binding the
 * ciphertext to its row. Output: base64url(nonce ‖ tag ‖ ciphertext). Production backs the box with the vault.
 */
export function createAesGcmSecretBox(key: Buffer = randomBytes(32)): SecretBox & { opened: number } {
  const box = {
    opened: 0,
    seal: async (plaintext: string, aad: string) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), ct]).toString('base64url');
    },
    open: async (sealed: string, aad: string) => {
      box.opened++;
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  return box;
}
