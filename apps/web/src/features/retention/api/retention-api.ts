import { ZCertificateVerification, ZLegalHold, ZRetentionOverview, ZRetentionRun } from '@sealbridge/contracts';
import type { TPlaceLegalHold } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** Retention (API module retention): the privacy officer's schedule, holds, runs and certificates. */
const base = '/api/staff/retention';
const one = (id: string) => encodeURIComponent(id);

export const getRetention = (signal?: AbortSignal) => apiRequest(base, (v) => ZRetentionOverview.parse(v), { signal });
export const runRetentionDryRun = () => apiRequest(`${base}/dry-run`, (v) => ZRetentionRun.parse(v), { method: 'POST' });
export const placeLegalHold = (body: TPlaceLegalHold) => apiRequest(`${base}/holds`, (v) => ZLegalHold.parse(v), { method: 'POST', body });
export const liftLegalHold = (id: string, reason: string) =>
  apiRequest(`${base}/holds/${one(id)}/lift`, (v) => ZLegalHold.parse(v), { method: 'POST', body: { reason } });
export const verifyCertificate = (id: string) =>
  apiRequest(`${base}/certificates/${one(id)}/verify`, (v) => ZCertificateVerification.parse(v));
