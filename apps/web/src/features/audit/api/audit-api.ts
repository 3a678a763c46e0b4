import { ZAuditSearchResponse, ZCheckpointResponse, ZIntegrityResponse, ZWitnessesResponse } from '@sealbridge/contracts';
import type { TAuditRecord, TAuditSearchQuery, TCheckpointResponse, TIntegrityResponse, TWitnessesResponse } from '@sealbridge/contracts';
import { ApiError } from '../../../shared/api/api-error.ts';
import { downloadFile } from '../../../shared/api/download.ts';
import { apiRequest } from '../../../shared/api/http-client.ts';

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
export function downloadAuditExport(from: string, to: string, format: ExportFormat, filename: string): Promise<void> {
  const params = new URLSearchParams({ from, to, format });
  return downloadFile(`/api/audit/export?${params.toString()}`, filename, { named: true });
}
