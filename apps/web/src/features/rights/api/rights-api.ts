import { ZRightsDetail, ZRightsRequest, ZRightsRequestList, ZStaffRightsRequestList } from '@sealbridge/contracts';
import type { RightsStatus, TCreateRightsRequest } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** Typed rights requests (API module rights): the requester's own and the privacy officer's queue. */
const base = '/api/me/rights-requests';
const staff = '/api/staff/rights-requests';
const one = (id: string) => encodeURIComponent(id);

export const getMyRightsRequests = (signal?: AbortSignal) => apiRequest(base, (v) => ZRightsRequestList.parse(v), { signal });
export const fileRightsRequest = (body: TCreateRightsRequest) => apiRequest(base, (v) => ZRightsRequest.parse(v), { method: 'POST', body });
export const confirmRightsIdentity = (id: string) =>
  apiRequest(`${base}/${one(id)}/confirm-identity`, (v) => ZRightsRequest.parse(v), { method: 'POST' });
export const exportUrl = (id: string, format: 'json' | 'pdf') => `${base}/${one(id)}/export.${format}`;

export const getRightsQueue = (signal?: AbortSignal) => apiRequest(staff, (v) => ZStaffRightsRequestList.parse(v), { signal });
const act = (id: string, action: string, body?: unknown) =>
  apiRequest(`${staff}/${one(id)}/${action}`, (v) => ZRightsRequest.parse(v), { method: 'POST', ...(body ? { body } : {}) });
export const revealRightsDetail = (id: string) =>
  apiRequest(`${staff}/${one(id)}/reveal`, (v) => ZRightsDetail.parse(v), { method: 'POST' });
export const advanceRights = (id: string, status: RightsStatus) => act(id, 'advance', { status });
export const answerRights = (id: string, text: string) => act(id, 'answer', { text });
export const extendRights = (id: string, workingDays: number, reason: string) => act(id, 'extend', { workingDays, reason });
export const refuseRights = (id: string, code: string, text: string) => act(id, 'refuse', { code, text });
export const executeRights = (id: string) => act(id, 'execute');
