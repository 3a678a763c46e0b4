import {
  ZCrossBorderLedger,
  ZImpactAssessment,
  ZImpactAssessmentList,
  ZMechanism,
  ZObligationsMap,
  ZTransferList,
  ZVendor,
  ZVendorList,
  type TContractRequest,
  type TCreateVendorRequest,
  type TImpactAssessmentRequest,
  type TMechanismRequest,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** The privacy officer's console for third parties (issue 17). */
export const getVendors = (signal?: AbortSignal) => apiRequest('/api/staff/vendors', (v) => ZVendorList.parse(v), { signal });
export const createVendor = (body: TCreateVendorRequest) =>
  apiRequest('/api/staff/vendors', (v) => ZVendor.parse(v), { method: 'POST', body });
const vendorPath = (id: string, action: string) => `/api/staff/vendors/${encodeURIComponent(id)}/${action}`;
export const recordContract = (id: string, body: TContractRequest) =>
  apiRequest(vendorPath(id, 'contracts'), (v) => ZVendor.parse(v), { method: 'POST', body });
export const recordSecurityAssessment = (id: string, result: 'passed' | 'conditional' | 'failed') =>
  apiRequest(vendorPath(id, 'security-assessment'), (v) => ZVendor.parse(v), { method: 'POST', body: { result } });
export const markReviewed = (id: string) => apiRequest(vendorPath(id, 'review'), (v) => ZVendor.parse(v), { method: 'POST' });
export const endVendor = (id: string) => apiRequest(vendorPath(id, 'end'), (v) => ZVendor.parse(v), { method: 'POST' });
export const attestDeletion = (id: string, statement: string) =>
  apiRequest(vendorPath(id, 'deletion-attestation'), (v) => ZVendor.parse(v), { method: 'POST', body: { statement } });

export const getTransfers = (query: { outcome?: 'allowed' | 'refused'; page: number }, signal?: AbortSignal) =>
  apiRequest('/api/staff/transfers', (v) => ZTransferList.parse(v), { query: { ...query, pageSize: 20 }, signal });
export const getCrossBorder = (signal?: AbortSignal) =>
  apiRequest('/api/staff/cross-border', (v) => ZCrossBorderLedger.parse(v), { signal });
export const recordMechanism = (body: TMechanismRequest) =>
  apiRequest('/api/staff/cross-border/mechanisms', (v) => ZMechanism.parse(v), { method: 'POST', body });
export const markFiled = (id: string) =>
  apiRequest(`/api/staff/cross-border/mechanisms/${encodeURIComponent(id)}/filed`, (v) => ZMechanism.parse(v), { method: 'POST' });
export const getAssessments = (signal?: AbortSignal) =>
  apiRequest('/api/staff/impact-assessments', (v) => ZImpactAssessmentList.parse(v), { signal });
export const createAssessment = (body: TImpactAssessmentRequest) =>
  apiRequest('/api/staff/impact-assessments', (v) => ZImpactAssessment.parse(v), { method: 'POST', body });
export const getObligations = (signal?: AbortSignal) => apiRequest('/api/staff/obligations', (v) => ZObligationsMap.parse(v), { signal });
