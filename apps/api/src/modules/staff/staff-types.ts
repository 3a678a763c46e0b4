import type { Role } from '@sealbridge/contracts';
import { ROLES } from '@sealbridge/contracts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { DeliveryPort } from '../delivery/index.ts';
import type { NotifyInput } from '../notifications/index.ts';
import type { IdentityService } from '../identity/index.ts';
import type { ProfilesService } from '../profiles/index.ts';
import type { Vault } from '../vault/index.ts';
import type { StaffRepo } from './staff-repo.ts';

/** What the staff module asks of others: only the methods it uses (so tests can build it over the real ones). */
export type StaffDeps = {
  repo: StaffRepo;
  audit: AuditPort;
  identity: Pick<IdentityService, 'createAccount' | 'setRoles' | 'setAccountStatus' | 'endAllSessions'>;
  vault: Pick<Vault, 'createSubject' | 'sealFields' | 'maskFields' | 'reveal'>;
  profiles: Pick<ProfilesService, 'assignClient' | 'revealForStaff'>;
  /** The vault subject of a customer's profile (undefined when they have none). */
  subjectOf: (customerAccountId: string) => Promise<string | undefined>;
  delivery: DeliveryPort;
  /** In-app notices (training reminders); optional so that the module can be built before notifications. */
  notify?: (inputs: readonly NotifyInput[]) => Promise<void>;
  now?: () => Date;
};

export function auditActorOf(principal: Principal): AuditActor {
  return { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId };
}

export function parseRoles(text: string): Role[] {
  return text.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

/** How the console shows a staff log-in name (staff names are not stored): the first two letters. */
export function maskLoginName(name: string): string {
  return `${name.slice(0, 2)}***`;
}
