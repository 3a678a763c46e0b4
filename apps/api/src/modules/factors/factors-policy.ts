import { STAFF_ROLES, type Role } from '@sealbridge/contracts';

/** How long a step-up (or a fresh sign-in) counts as recent re-authentication (ASVS 7.5). */
export const STEP_UP_WINDOW_MS = 5 * 60 * 1000;
/** Second-factor verification attempts allowed per account in the window, over every method and instance. */
export const ATTEMPT_LIMIT = 5;
export const ATTEMPT_WINDOW_MS = 5 * 60 * 1000;
/** An unconfirmed TOTP enrolment and a WebAuthn challenge are good for this long. */
export const TOTP_ENROLMENT_TTL_MS = 10 * 60 * 1000;
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;

export type FactorRequirement = 'required' | 'optional';

/**
 * A second factor is mandatory for every staff account and every staff role (also a customer account that was
 * somehow given one), and offered to customers.
 */
export function factorRequirement(account: { kind: 'staff' | 'customer'; roles: readonly string[] }): FactorRequirement {
  if (account.kind === 'staff') return 'required';
  return account.roles.some((role) => STAFF_ROLES.includes(role as Role)) ? 'required' : 'optional';
}
