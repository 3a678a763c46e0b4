import { ZOutboxResponse } from '@sealbridge/contracts';
import type { DeliveryStatus, TOutboxResponse } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** One page of the delivery outbox: masked recipient, template, status and times — never the text. */
export function getOutbox(
  query: { page: number; pageSize: number; status?: DeliveryStatus | undefined },
  signal?: AbortSignal,
): Promise<TOutboxResponse> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.status) params.set('status', query.status);
  return apiRequest(`/api/staff/outbox?${params.toString()}`, (value) => ZOutboxResponse.parse(value), { signal });
}
