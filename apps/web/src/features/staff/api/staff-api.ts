import {
  ZConductCurrent,
  ZConductVersion,
  ZProgramStanding,
  ZTrainingModuleAdmin,
  ZTrainingModuleAdminList,
  ZViolationList,
  ZModuleResult,
  ZProgramStatus,
  ZTrainingModule,
  ZBreakGlassGrant,
  ZBreakGlassListResponse,
  ZComplianceStatus,
  ZCreateStaffResponse,
  ZOffboardResponse,
  ZProfileResponse,
  ZReassignmentsResponse,
  ZReviewCampaignsResponse,
  ZStaffListResponse,
  ZTrainingResult,
} from '@sealbridge/contracts';
import type {
  TConductCurrent,
  TConductVersion,
  TProgramStanding,
  TRecordViolationRequest,
  TTrainingModuleAdmin,
  TTrainingModuleAdminList,
  TTrainingModuleInput,
  TViolationList,
  TModuleResult,
  TProgramStatus,
  TTrainingModule,
  ProfileField,
  Role,
  TBreakGlassGrant,
  TBreakGlassListResponse,
  TBreakGlassRequest,
  TComplianceStatus,
  TCreateStaffRequest,
  TCreateStaffResponse,
  TProfileResponse,
  TReassignmentsResponse,
  TReviewCampaignsResponse,
  TStaffListResponse,
  TTrainingResult,
} from '@sealbridge/contracts';
import { apiRequest, noContent as none } from '../../../shared/api/http-client.ts';

export const listStaff = (signal?: AbortSignal): Promise<TStaffListResponse> =>
  apiRequest('/api/staff/members', (v) => ZStaffListResponse.parse(v), { signal });
export const createStaff = (body: TCreateStaffRequest): Promise<TCreateStaffResponse> =>
  apiRequest('/api/staff/members', (v) => ZCreateStaffResponse.parse(v), { method: 'POST', body });
export const setStaffRoles = (accountId: string, roles: Role[]): Promise<void> =>
  apiRequest(`/api/staff/members/${encodeURIComponent(accountId)}/roles`, none, { method: 'PUT', body: { roles } });
export const offboardStaff = (accountId: string) =>
  apiRequest(`/api/staff/members/${encodeURIComponent(accountId)}/offboard`, (v) => ZOffboardResponse.parse(v), { method: 'POST' });
export const listReassignments = (signal?: AbortSignal): Promise<TReassignmentsResponse> =>
  apiRequest('/api/staff/reassignments', (v) => ZReassignmentsResponse.parse(v), { signal });
export const reassignClient = (body: { customerAccountId: string; fromAccountId: string; toAccountId: string }): Promise<void> =>
  apiRequest('/api/staff/reassignments', none, { method: 'POST', body });

export const getCompliance = (signal?: AbortSignal): Promise<TComplianceStatus> =>
  apiRequest('/api/staff/me/compliance', (v) => ZComplianceStatus.parse(v), { signal });
export const acceptAgreement = (version: string): Promise<TComplianceStatus> =>
  apiRequest('/api/staff/me/agreement', (v) => ZComplianceStatus.parse(v), { method: 'POST', body: { version } });
export const submitTraining = (body: { course: string; version: string; answers: Record<string, number> }): Promise<TTrainingResult> =>
  apiRequest('/api/staff/me/training', (v) => ZTrainingResult.parse(v), { method: 'POST', body });

// The privacy program (issue 19): modules that expire, the code of conduct.
export const getProgram = (signal?: AbortSignal): Promise<TProgramStatus> =>
  apiRequest('/api/staff/me/program', (v) => ZProgramStatus.parse(v), { signal });
export const getModule = (code: string): Promise<TTrainingModule> =>
  apiRequest(`/api/staff/me/modules/${encodeURIComponent(code)}`, (v) => ZTrainingModule.parse(v));
export const submitModule = (code: string, body: { revision: number; answers: number[] }): Promise<TModuleResult> =>
  apiRequest(`/api/staff/me/modules/${encodeURIComponent(code)}`, (v) => ZModuleResult.parse(v), { method: 'POST', body });
export const getConduct = (signal?: AbortSignal): Promise<TConductCurrent> =>
  apiRequest('/api/staff/me/conduct', (v) => ZConductCurrent.parse(v), { signal });
export const acknowledgeConduct = (version: number): Promise<TProgramStatus> =>
  apiRequest('/api/staff/me/conduct', (v) => ZProgramStatus.parse(v), { method: 'POST', body: { version } });

export const listReviews = (signal?: AbortSignal): Promise<TReviewCampaignsResponse> =>
  apiRequest('/api/staff/access-reviews', (v) => ZReviewCampaignsResponse.parse(v), { signal });
export const startReview = (dueInDays: number) =>
  apiRequest('/api/staff/access-reviews', (v) => String((v as { id?: unknown }).id), { method: 'POST', body: { dueInDays } });
export const decideReview = (itemId: string, decision: 'recertify' | 'revoke'): Promise<void> =>
  apiRequest(`/api/staff/access-reviews/items/${encodeURIComponent(itemId)}`, none, { method: 'POST', body: { decision } });

export const requestBreakGlass = (body: TBreakGlassRequest): Promise<TBreakGlassGrant> =>
  apiRequest('/api/staff/break-glass', (v) => ZBreakGlassGrant.parse(v), { method: 'POST', body });
export const myBreakGlass = (signal?: AbortSignal): Promise<TBreakGlassListResponse> =>
  apiRequest('/api/staff/break-glass/mine', (v) => ZBreakGlassListResponse.parse(v), { signal });
export const revealUnderGrant = (grantId: string, fields: ProfileField[]): Promise<TProfileResponse> =>
  apiRequest(`/api/staff/break-glass/${encodeURIComponent(grantId)}/reveal`, (v) => ZProfileResponse.parse(v), {
    method: 'POST',
    body: { fields },
  });
export const breakGlassAlerts = (signal?: AbortSignal): Promise<TBreakGlassListResponse> =>
  apiRequest('/api/staff/break-glass/alerts', (v) => ZBreakGlassListResponse.parse(v), { signal });
export const acknowledgeAlert = (grantId: string): Promise<void> =>
  apiRequest(`/api/staff/break-glass/${encodeURIComponent(grantId)}/acknowledge`, none, { method: 'POST' });

// The privacy officer's side of the program (issue 19): modules with answer keys, standing, conduct, violations.
export const listProgramModules = (signal?: AbortSignal): Promise<TTrainingModuleAdminList> =>
  apiRequest('/api/staff/program/modules', (v) => ZTrainingModuleAdminList.parse(v), { signal });
export const saveProgramModule = (code: string, body: TTrainingModuleInput): Promise<TTrainingModuleAdmin> =>
  apiRequest(`/api/staff/program/modules/${encodeURIComponent(code)}`, (v) => ZTrainingModuleAdmin.parse(v), { method: 'PUT', body });
export const getProgramStanding = (signal?: AbortSignal): Promise<TProgramStanding> =>
  apiRequest('/api/staff/program/standing', (v) => ZProgramStanding.parse(v), { signal });
export const publishConduct = (body: { title: string; body: string }): Promise<TConductVersion> =>
  apiRequest('/api/staff/program/conduct', (v) => ZConductVersion.parse(v), { method: 'POST', body });
export const listViolations = (signal?: AbortSignal): Promise<TViolationList> =>
  apiRequest('/api/staff/program/violations', (v) => ZViolationList.parse(v), { signal });
export const recordViolation = (body: TRecordViolationRequest): Promise<{ id: string }> =>
  apiRequest('/api/staff/program/violations', (v) => ({ id: String((v as { id?: unknown }).id) }), { method: 'POST', body });
