import { ZLookupResponse, ZProfileResponse } from '@sealbridge/contracts';
import type { ProfileField, Purpose, TProfileResponse, TRevealRequest } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

import type { TLookupResponse } from '@sealbridge/contracts';
export type { TLookupResponse };

/** The identifiers a customer can be found by (exact match on a blind index). */
export const LOOKUP_IDENTIFIERS = ['mobile', 'email', 'idNumber'] as const satisfies readonly ProfileField[];
export type LookupIdentifier = (typeof LOOKUP_IDENTIFIERS)[number];

export type LookupQuery = { identifier: LookupIdentifier; value: string; purpose: Purpose };

/** Customers whose identifier equals `value`, masked. Refused with PURPOSE_NOT_ALLOWED when the purpose does not fit. */
export function lookupCustomers(query: LookupQuery, signal?: AbortSignal): Promise<TLookupResponse> {
  // POST, not GET: the identifier must not end up in a URL, where proxies and browsers keep it.
  return apiRequest('/api/staff/customers/lookup', (value) => ZLookupResponse.parse(value), {
    method: 'POST',
    body: { [query.identifier]: query.value.trim(), purpose: query.purpose },
    signal,
  });
}

/** A customer's fields in full, for a stated purpose. The server records every such access, allowed or refused. */
export function revealCustomerFields(accountId: string, fields: ProfileField[], purpose: Purpose): Promise<TProfileResponse> {
  return apiRequest(`/api/staff/customers/${encodeURIComponent(accountId)}/reveal`, (value) => ZProfileResponse.parse(value), {
    method: 'POST',
    body: { fields, purpose } satisfies TRevealRequest,
  });
}
