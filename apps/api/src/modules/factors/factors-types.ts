import type { AuditEventInput } from '../audit/index.ts';
import type { SecretBox } from './factor-proofs.ts';
import type { ActiveFactorRow, FactorsRepo } from './factors-repo.ts';
import type { RelyingParty } from './webauthn-ceremonies.ts';

/** What the module needs to know of an account (identity supplies it): the pseudonymous number, kind and roles. */
export type AccountDirectory = {
  findAccount: (accountId: string) => Promise<{ accountNo: string; kind: 'staff' | 'customer'; roles: readonly string[] } | undefined>;
};

/** The audit log's two doors; `Tx` is the transaction type the repository hands out. */
export type FactorsAuditPort<Tx> = {
  append: (event: AuditEventInput) => Promise<void>;
  appendInTransaction: (trx: Tx, event: AuditEventInput) => Promise<void>;
};

export type FactorsServiceDeps<Tx> = {
  repo: FactorsRepo<Tx>;
  audit: FactorsAuditPort<Tx>;
  secretBox: SecretBox;
  accounts: AccountDirectory;
  /** From PUBLIC_URL: `relyingPartyFrom(config.publicUrl)`. */
  relyingParty: RelyingParty;
  /** Identity's password check, for the step-up of an account that has no second factor; omit to refuse it. */
  passwordCheck?: (accountId: string, password: string) => Promise<boolean>;
  /**
   * Told after a session proved a second factor: a successful step-up or a confirmed enrolment. Identity turns a
   * sign-in that waits for its second factor (or a staff member's enrolment-only session) into a full session.
   */
  onFactorProven?: (actor: { accountId: string; sessionId: string }) => Promise<RotatedSession | undefined | void>;
  now?: () => Date;
};

/** The new session a half-signed-in session became when it proved its factor: set as cookies, never serialized. */
export type RotatedSession = { token: string; csrfToken: string; expiresAt: Date };

/** A factor as its owner sees it: never a secret, a public key or a credential id. */
export type FactorView = {
  id: string;
  kind: 'totp' | 'webauthn';
  createdAt: string;
  lastUsedAt: string | null;
  deviceType: 'singleDevice' | 'multiDevice' | null;
  backedUp: boolean | null;
};

export function toFactorView(row: ActiveFactorRow): FactorView {
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    deviceType: row.device_type ?? null,
    backedUp: row.backed_up === null ? null : row.backed_up === 1,
  };
}
