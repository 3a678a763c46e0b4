import { isValidEmail, normalizeEmail, normalizeMobile } from '@sealbridge/cn-identifiers';
import type { ContactChannel } from '@sealbridge/contracts';
import type { Vault } from '../vault/index.ts';
import type { RegistrationRepo } from './registration-repo.ts';

/** The canonical form of a contact address (E.164 mobile, lower-case e-mail), or null when it is not one. */
export function normalizeContact(channel: ContactChannel, address: string): string | null {
  if (channel === 'mobile') return normalizeMobile(address);
  return isValidEmail(address) ? normalizeEmail(address) : null;
}

/**
 * A presented log-in name: a mobile number, an e-mail address or a plain log-in name, with the canonical form the
 * lockout is keyed by (so "138 0000 0001" and "+8613800000001" count as one name).
 */
export function parseLoginName(raw: string): { name: string; canonical: string; contact?: { channel: ContactChannel; address: string } } {
  const name = raw.trim().toLowerCase();
  const mobile = normalizeMobile(raw);
  if (mobile) return { name, canonical: `mobile:${mobile}`, contact: { channel: 'mobile', address: mobile } };
  const email = isValidEmail(raw) ? normalizeEmail(raw) : null;
  if (email) return { name, canonical: `email:${email}`, contact: { channel: 'email', address: email } };
  return { name, canonical: `name:${name}` };
}

export type ContactDirectory = ReturnType<typeof createContactDirectory>;

/** Finds accounts by the mobile or e-mail in their vault profile: blind index, then confirmation inside the vault. */
export function createContactDirectory(deps: {
  repo: Pick<RegistrationRepo, 'findContactCandidates'>;
  vault: Pick<Vault, 'blindIndexOf' | 'matchPresentedValue'>;
}) {
  return {
    async findAccountIds(channel: ContactChannel, address: string): Promise<string[]> {
      const key = `account_profiles.${channel}`;
      const index = deps.vault.blindIndexOf(key, address);
      if (index === null) return [];
      const candidates = await deps.repo.findContactCandidates(channel, index);
      return deps.vault.matchPresentedValue(
        key,
        address,
        candidates.map((c) => ({ recordId: c.account_id, subjectId: c.subject_id, ciphertext: c.ciphertext })),
      );
    },
  };
}
