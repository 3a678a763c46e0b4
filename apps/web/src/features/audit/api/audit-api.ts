import { ZAuditSearchResponse, ZCheckpointResponse, ZIntegrityResponse, ZWitnessesResponse } from '@sealbridge/contracts';
import type { TAuditRecord, TAuditSearchQuery, TCheckpointResponse, TIntegrityResponse, TWitnessesResponse } from '@sealbridge/contracts';
import { ApiError, toApiError } from '../../../shared/api/api-error.ts';
import { apiRequest } from '../../../shared/api/http-client.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';

export type TAuditSearchResponse = { items: TAuditRecord[]; total: number; page: number; pageSize: number };
export type ExportFormat = 'csv' | 'json';

/** A page of audit records, newest first. POST: a subject identifier in the query must not end up in a URL. */
export function searchAudit(query: TAuditSearchQuery, signal?: AbortSignal): Promise<TAuditSearchResponse> {
  return apiRequest('/api/audit/search', (value) => ZAuditSearchResponse.parse(value), { method: 'POST', body: query, signal });
}

/** Verifies the whole trail now (the server records the check itself). */
export function checkIntegrity(signal?: AbortSignal): Promise<TIntegrityResponse> {
  return apiRequest('/api/audit/integrity', (value) => ZIntegrityResponse.parse(value), { signal });
}

/** The latest public signed checkpoint, or null before the first one is signed. */
export async function getCheckpoint(signal?: AbortSignal): Promise<TCheckpointResponse | null> {
  try {
    return await apiRequest('/api/audit/checkpoint', (value) => ZCheckpointResponse.parse(value), { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** The configured witnesses and the largest checkpoint each has cosigned (public). */
export function getWitnesses(signal?: AbortSignal): Promise<TWitnessesResponse> {
  return apiRequest('/api/audit/witnesses', (value) => ZWitnessesResponse.parse(value), { signal });
}

/**
 * Downloads the records of [from, to) (ISO timestamps) as a file named after the chosen days. Fetched rather than
 * linked so that a refusal is shown by its error code on the page instead of as a JSON file.
 */
export async function downloadAuditExport(from: string, to: string, format: ExportFormat, filename: string): Promise<void> {
  const params = new URLSearchParams({ from, to, format });
  let response: Response;
  try {
    response = await fetch(`/api/audit/export?${params.toString()}`, {
      headers: { 'Accept-Language': currentLocale() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('SERVICE_UNAVAILABLE', 0);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = filename;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // Give the browser a moment to start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
