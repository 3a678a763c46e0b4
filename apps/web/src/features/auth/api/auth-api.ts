import { apiRequest, noContent } from '../../../shared/api/http-client.ts';
import type { TAccount, TLoginRequest } from './auth-types.ts';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Keeps only the allowlisted account fields; throws on a shape the contract does not allow. */
function parseAccountEnvelope(value: unknown): TAccount {
  const account = (value as { account?: Record<string, unknown> } | undefined)?.account;
  if (
    !account ||
    typeof account.id !== 'string' ||
    typeof account.loginName !== 'string' ||
    typeof account.displayName !== 'string' ||
    !isStringArray(account.roles) ||
    (account.kind !== 'staff' && account.kind !== 'customer')
  ) {
    throw new TypeError('unexpected account shape');
  }
  const { id, loginName, displayName, roles, kind } = account;
  return { id, loginName, displayName, roles, kind };
}

export function login(request: TLoginRequest): Promise<TAccount> {
  return apiRequest('/api/auth/login', parseAccountEnvelope, { method: 'POST', body: request });
}

/** The current session's account; rejects with UNAUTHENTICATED (401) when nobody is signed in. */
export function getCurrentAccount(signal?: AbortSignal): Promise<TAccount> {
  return apiRequest('/api/auth/me', parseAccountEnvelope, { signal });
}

export function logout(): Promise<void> {
  return apiRequest('/api/auth/logout', noContent, { method: 'POST' });
}
