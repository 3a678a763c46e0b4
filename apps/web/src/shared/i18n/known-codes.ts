import { ROLES } from '@sealbridge/contracts';
import type { Role } from '@sealbridge/contracts';

/** True for a role code the contracts know (and the locales name); other strings are shown as sent. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
