import { ZAdviserAssignments, ZAdvisersOverview, ZMyAdviser } from '@sealbridge/contracts';
import type { TAdviserRuleInput } from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** Advisers (顾问): mine as a customer; rules and assignments for the admin (clients.assign). */
export const advisersApi = {
  mine: (signal?: AbortSignal) => apiRequest('/api/me/adviser', (v) => ZMyAdviser.parse(v), { signal }),
  overview: (signal?: AbortSignal) => apiRequest('/api/staff/advisers', (v) => ZAdvisersOverview.parse(v), { signal }),
  assignments: (page: number, pageSize: number, customerNo: string | undefined, signal?: AbortSignal) =>
    apiRequest('/api/staff/advisers/assignments', (v) => ZAdviserAssignments.parse(v), { query: { page, pageSize, customerNo }, signal }),
  reassign: (customerAccountId: string, brokerAccountId: string) =>
    apiRequest(`/api/staff/advisers/assignments/${encodeURIComponent(customerAccountId)}`, noContent, {
      method: 'PUT',
      body: { brokerAccountId },
    }),
  addRule: (body: TAdviserRuleInput) =>
    apiRequest('/api/staff/advisers/rules', (v) => ZAdvisersOverview.parse(v), { method: 'POST', body }),
  removeRule: (ruleId: string) =>
    apiRequest(`/api/staff/advisers/rules/${encodeURIComponent(ruleId)}`, (v) => ZAdvisersOverview.parse(v), { method: 'DELETE' }),
};
