import {
  ZAuthorityRequest,
  ZAuthorityRequestList,
  ZTransparencyReport,
  ZTransparencyReportList,
  type TRecordAuthorityRequest,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** The transparency report (API module transparency): published reports for everyone, drafts and register for the officer. */
const one = (period: string) => encodeURIComponent(period);
const staff = '/api/staff/transparency';

export const listPublishedReports = (signal?: AbortSignal) =>
  apiRequest('/api/privacy/transparency', (v) => ZTransparencyReportList.parse(v), { signal });
export const getPublishedReport = (period: string, signal?: AbortSignal) =>
  apiRequest(`/api/privacy/transparency/${one(period)}`, (v) => ZTransparencyReport.parse(v), { signal });

export const listReports = (signal?: AbortSignal) => apiRequest(`${staff}/reports`, (v) => ZTransparencyReportList.parse(v), { signal });
export const getReport = (period: string, signal?: AbortSignal) =>
  apiRequest(`${staff}/reports/${one(period)}`, (v) => ZTransparencyReport.parse(v), { signal });
export const generateReport = (period: string) =>
  apiRequest(`${staff}/reports/${one(period)}/generate`, (v) => ZTransparencyReport.parse(v), { method: 'POST' });
export const publishReport = (period: string) =>
  apiRequest(`${staff}/reports/${one(period)}/publish`, (v) => ZTransparencyReport.parse(v), { method: 'POST' });
export const listAuthorityRequests = (signal?: AbortSignal) =>
  apiRequest(`${staff}/authority-requests`, (v) => ZAuthorityRequestList.parse(v), { signal });
export const recordAuthorityRequest = (body: TRecordAuthorityRequest) =>
  apiRequest(`${staff}/authority-requests`, (v) => ZAuthorityRequest.parse(v), { method: 'POST', body });
