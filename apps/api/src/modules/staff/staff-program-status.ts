import {
  AGREEMENT_VERSION,
  TRAINING_COURSE,
  TRAINING_REMINDER_DAYS,
  TRAINING_VALIDITY_MONTHS,
  TRAINING_VERSION,
  type ModuleState,
  type TProgramStatus,
} from '@sealbridge/contracts';
import type { StaffAttestationsTable, StaffTrainingModulesTable } from '../../db/schema.ts';
import type { StaffRepo } from './staff-repo.ts';
import { parseRoles } from './staff-types.ts';

export const AGREEMENT_COURSE = 'confidentiality-agreement';
export const CONDUCT_COURSE = 'code-of-conduct';
const DAY = 24 * 60 * 60 * 1000;

export type ProgramRepo = Pick<StaffRepo, 'findAccount' | 'latestAttestations' | 'listModules' | 'latestConduct'>;

/** When a completion made at `completedAt` runs out (calendar months, UTC). */
export function expiryOf(completedAt: string): Date {
  const at = new Date(completedAt);
  at.setUTCMonth(at.getUTCMonth() + TRAINING_VALIDITY_MONTHS);
  return at;
}

function stateOf(completedAt: string | null, at: Date): { state: ModuleState; expiresAt: string | null } {
  if (!completedAt) return { state: 'missing', expiresAt: null };
  const expires = expiryOf(completedAt);
  const state = expires <= at ? 'expired' : expires.getTime() - at.getTime() <= TRAINING_REMINDER_DAYS * DAY ? 'expiring' : 'valid';
  return { state, expiresAt: expires.toISOString() };
}

/** The modules assigned to these roles (active only). */
export function modulesFor(modules: readonly StaffTrainingModulesTable[], roles: readonly string[]) {
  return modules.filter((m) => m.active === 1 && m.roles.split(',').some((r) => roles.includes(r)));
}

/**
 * A staff member's standing at `at`: the base course and each assigned module (valid for 12 months from the latest
 * completion), the current code of conduct, and whether the gate is open. An expired completion counts as missing.
 */
export async function programStatusOf(repo: ProgramRepo, accountId: string, at: Date): Promise<TProgramStatus> {
  const [account, rows, modules, conduct] = await Promise.all([
    repo.findAccount(accountId),
    repo.latestAttestations([accountId]),
    repo.listModules(),
    repo.latestConduct(),
  ]);
  const latest = (kind: StaffAttestationsTable['kind'], course: string, version?: string) =>
    rows.find((r) => r.kind === kind && r.course === course && (version === undefined || r.version === version))?.completed_at ?? null;
  const base = {
    code: TRAINING_COURSE,
    title: '隐私保护基础与保密协议',
    completedAt: latest('training', TRAINING_COURSE, TRAINING_VERSION),
  };
  const assigned = modulesFor(modules, parseRoles(account?.roles ?? '')).map((m) => ({
    code: m.code,
    title: m.title,
    completedAt: latest('module', m.code),
  }));
  const statuses = [base, ...assigned].map((m) => ({ ...m, ...stateOf(m.completedAt, at) }));
  const agreement = latest('agreement', AGREEMENT_COURSE, AGREEMENT_VERSION) !== null;
  const conductAck = conduct ? latest('conduct', CONDUCT_COURSE, String(conduct.version)) : null;
  return {
    modules: statuses,
    conduct: conduct ? { version: conduct.version, acknowledgedAt: conductAck } : null,
    cleared:
      account?.kind === 'staff' &&
      agreement &&
      statuses.every((s) => s.state === 'valid' || s.state === 'expiring') &&
      (conduct === undefined || conductAck !== null),
  };
}
