/**
 * The signed-in account as /api/auth/login and /api/auth/me return it.
 * Kept here until the contracts package publishes an auth schema; then import it from there instead.
 */
export type AccountKind = 'staff' | 'customer';

export type TAccount = {
  id: string;
  loginName: string;
  displayName: string;
  roles: string[];
  kind: AccountKind;
};

/** Role codes the UI knows how to name; move to @sealbridge/contracts with the permission names. */
export const ROLES = ['seller', 'buyer', 'broker', 'privacy_officer', 'security_officer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isKnownRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

export type TLoginRequest = { loginName: string; password: string };
