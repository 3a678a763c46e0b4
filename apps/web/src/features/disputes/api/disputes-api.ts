import { ZDispute, ZDisputeList } from '@sealbridge/contracts';
import type { TDispute, TDisputeList, TOpenDisputeRequest } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

const one = (v: unknown) => ZDispute.parse(v);
export const listMyDisputes = (signal?: AbortSignal): Promise<TDisputeList> =>
  apiRequest('/api/me/disputes', (v) => ZDisputeList.parse(v), { signal });
export const openDispute = (body: TOpenDisputeRequest): Promise<TDispute> => apiRequest('/api/me/disputes', one, { method: 'POST', body });
export const recordSession = (id: string, notes: string): Promise<TDispute> =>
  apiRequest(`/api/disputes/${encodeURIComponent(id)}/sessions`, one, { method: 'POST', body: { notes } });
export const closeDispute = (id: string, body: { closing: 'resolved' | 'arbitration' | 'court'; outcome: string }): Promise<TDispute> =>
  apiRequest(`/api/disputes/${encodeURIComponent(id)}/close`, one, { method: 'POST', body });
