import {
  ZBlastRadius,
  ZIncident,
  ZIncidentList,
  ZIncidentNotices,
  ZSecurityAlert,
  ZSecurityAlertList,
  ZSecurityDashboard,
  type AlertStatus,
  type ContainmentAction,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** The security console (issue 18): alerts, dashboard counts, incidents. */
export const getAlerts = (status: AlertStatus | undefined, signal?: AbortSignal) =>
  apiRequest('/api/security/alerts', (v) => ZSecurityAlertList.parse(v), { query: status ? { status } : {}, signal });
export const decideAlert = (id: string, decision: 'acknowledge' | 'escalate' | 'dismiss', reason: string) =>
  apiRequest(`/api/security/alerts/${encodeURIComponent(id)}/decision`, (v) => ZSecurityAlert.parse(v), {
    method: 'POST',
    body: { decision, reason },
  });
export const getDashboard = (days: number, signal?: AbortSignal) =>
  apiRequest('/api/security/dashboard', (v) => ZSecurityDashboard.parse(v), { query: { days }, signal });
export const getIncidents = (signal?: AbortSignal) => apiRequest('/api/security/incidents', (v) => ZIncidentList.parse(v), { signal });
export const recordIncident = (body: {
  title: string;
  summary: string;
  suspectAccountId?: string | null;
  windowFrom: string;
  windowTo: string;
  criticalInfrastructure?: boolean;
  alertIds?: string[];
}) => apiRequest('/api/security/incidents', (v) => ZIncident.parse(v), { method: 'POST', body });
const incidentPath = (id: string, action: string) => `/api/security/incidents/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
export const getIncident = (id: string, signal?: AbortSignal) => apiRequest(incidentPath(id, ''), (v) => ZIncident.parse(v), { signal });
export const triageIncident = (id: string, body: { cause: string; measures: string; affectedCount?: number }) =>
  apiRequest(incidentPath(id, 'triage'), (v) => ZIncident.parse(v), { method: 'POST', body });
export const markReported = (id: string, report: 'initial' | 'follow_up') =>
  apiRequest(incidentPath(id, 'reported'), (v) => ZIncident.parse(v), { method: 'POST', body: { report } });
export const runContainment = (id: string, action: ContainmentAction, reason: string) =>
  apiRequest(incidentPath(id, 'containment'), (v) => ZIncident.parse(v), { method: 'POST', body: { action, reason } });
export const getBlastRadius = (id: string) => apiRequest(incidentPath(id, 'blast-radius'), (v) => ZBlastRadius.parse(v));
export const getNotices = (id: string) => apiRequest(incidentPath(id, 'notices'), (v) => ZIncidentNotices.parse(v));
export const closeIncident = (id: string, review: string) =>
  apiRequest(incidentPath(id, 'close'), (v) => ZIncident.parse(v), { method: 'POST', body: { review } });
