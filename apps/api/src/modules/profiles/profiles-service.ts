import {
  PROFILE_FIELDS,
  type ProfileField,
  type Purpose,
  type TFieldView,
  type TProfileResponse,
  type TUpdateProfileRequest,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { Actor, Subject, Vault } from '../vault/index.ts';
import type { ProfileRow, ProfilesRepo } from './profiles-repo.ts';

const TABLE = 'account_profiles';

/** API field name → registry field name (camelCase on the wire, snake_case in the registry and columns). */
const COLUMN: Record<ProfileField, string> = {
  realName: 'real_name',
  mobile: 'mobile',
  email: 'email',
  wechat: 'wechat',
  idNumber: 'id_number',
  address: 'address',
};
const FIELD_OF = Object.fromEntries(Object.entries(COLUMN).map(([k, v]) => [v, k])) as Record<string, ProfileField>;

function actorOf(principal: Principal): Actor {
  return { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;

/** Fields whose change moves where codes and notices go: changing them needs a recent re-authentication. */
const CONTACT_FIELDS: readonly ProfileField[] = ['mobile', 'email', 'wechat'];
/** How recent a re-authentication must be: a customer's own reveal or contact change, and a staff reveal. */
export const OWN_STEP_UP_MS = 5 * 60 * 1000;
export const STAFF_STEP_UP_MS = 15 * 60 * 1000;

export function createProfilesService(deps: {
  repo: ProfilesRepo;
  audit: Pick<AuditPort, 'appendInTransaction'>;
  vault: Pick<
    Vault,
    'createSubject' | 'findSubject' | 'checkFields' | 'sealFields' | 'maskFields' | 'reveal' | 'blindIndexOf' | 'confirmMatches'
  >;
  /** Throws STEP_UP_REQUIRED unless the session re-authenticated within `maxAgeMs` (the factors module). */
  requireStepUp?: (sessionId: string, maxAgeMs: number) => Promise<unknown>;
  now?: () => Date;
}) {
  const { repo, vault } = deps;
  const now = deps.now ?? (() => new Date());
  const stepUp = async (principal: Principal, maxAgeMs: number) => {
    await deps.requireStepUp?.(principal.sessionId, maxAgeMs);
  };

  /** Brokers work only on the customers assigned to them (DESIGN.md invariant 4); other staff roles are not scoped here. */
  const isScoped = (principal: Principal) => principal.roles.includes('broker');

  async function refuseUnassigned(
    principal: Principal,
    row: ProfileRow,
    fields: readonly ProfileField[],
    purpose: Purpose,
    requestId?: string,
  ): Promise<never> {
    await repo.transaction(async (_tx, trx) =>
      deps.audit.appendInTransaction(trx, {
        type: 'profiles.access_refused',
        actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
        decision: 'denied',
        purpose,
        subjectId: row.subject_id,
        fields: fields.map((f) => `${TABLE}.${COLUMN[f]}`),
        requestId: requestId ?? null,
        data: { reason: 'not_assigned' },
      }),
    );
    throw new AppError('FORBIDDEN', 'customer not assigned to this broker');
  }

  /** Masked by default: masks are computed inside the vault from the ciphertexts. */
  async function view(row: ProfileRow | undefined, accountId: string): Promise<TProfileResponse> {
    const fields = {} as Record<ProfileField, TFieldView>;
    for (const name of PROFILE_FIELDS) fields[name] = { state: 'absent' };
    if (row) {
      const masked = await vault.maskFields(
        row.subject_id,
        TABLE,
        row.account_id,
        row as unknown as Record<string, unknown>,
        Object.values(COLUMN),
      );
      for (const [column, value] of Object.entries(masked)) fields[FIELD_OF[column] as ProfileField] = value;
    }
    return { accountId, fields, updatedAt: row?.updated_at ?? null };
  }

  async function revealFor(
    row: ProfileRow,
    principal: Principal,
    own: boolean,
    fields: readonly ProfileField[],
    purpose: Purpose,
    requestId?: string,
  ) {
    const revealed = await vault.reveal({
      actor: actorOf(principal),
      own,
      subjectId: row.subject_id,
      table: TABLE,
      recordId: row.account_id,
      row: row as unknown as Record<string, unknown>,
      fields: fields.map((f) => COLUMN[f]),
      purpose,
      ...(requestId ? { requestId } : {}),
    });
    const base = await view(row, row.account_id);
    for (const [column, value] of Object.entries(revealed)) base.fields[FIELD_OF[column] as ProfileField] = value;
    return base;
  }

  return {
    /**
     * Where to send an account's own security notice (a new-device sign-in): its mobile, else its e-mail. Read for
     * the subject's own service (purpose account_service); nothing else may use this.
     */
    async noticeAddress(
      accountId: string,
      channels: readonly ('mobile' | 'email')[] = ['mobile', 'email'],
    ): Promise<{ channel: 'mobile' | 'email'; address: string } | null> {
      const row = await repo.findByAccount(accountId);
      const channel = channels.find((c) => (c === 'mobile' ? row?.mobile_ct : row?.email_ct)) ?? null;
      if (!row || !channel) return null;
      // Opened by the platform, outside the subject's session: audited as an access (purpose account_service).
      const revealed = await vault.reveal({
        actor: { accountId, roles: [], kind: 'customer', sessionId: null },
        own: false,
        forSubject: true,
        subjectId: row.subject_id,
        table: TABLE,
        recordId: row.account_id,
        row: row as unknown as Record<string, unknown>,
        fields: [COLUMN[channel]],
        purpose: 'account_service',
      });
      const field = revealed[COLUMN[channel]];
      return field?.state === 'revealed' ? { channel, address: field.value } : null;
    },

    async getOwn(principal: Principal): Promise<TProfileResponse> {
      return view(await repo.findByAccount(principal.accountId), principal.accountId);
    },

    /** Encrypts each given field under the account's own data key; creates the data subject on first use. */
    async updateOwn(principal: Principal, input: TUpdateProfileRequest, requestId?: string): Promise<TProfileResponse> {
      let row = await repo.findByAccount(principal.accountId);
      if (row && CONTACT_FIELDS.some((name) => typeof input[name] === 'string')) await stepUp(principal, OWN_STEP_UP_MS);
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(input)) if (typeof value === 'string') values[COLUMN[name as ProfileField]] = value;
      // The vault names registry fields (id_number); the API speaks its own field names (idNumber).
      const renamed = (error: unknown): never => {
        if (error instanceof AppError && error.code === 'INVALID_IDENTIFIER' && Array.isArray(error.details?.['fields'])) {
          throw new AppError('INVALID_IDENTIFIER', error.message, {
            fields: (error.details['fields'] as string[]).map((f) => FIELD_OF[f] ?? f),
          });
        }
        throw error;
      };
      // Checked before a first profile's subject is created: refused input writes nothing (no orphan data key).
      try {
        vault.checkFields(TABLE, values);
      } catch (error) {
        renamed(error);
      }
      const subject = row ? await vault.findSubject(row.subject_id) : await vault.createSubject('customer');
      if (!subject) throw new AppError('INTERNAL', 'profile without a vault subject');
      if ('erased' in subject && subject.erased) throw new AppError('DATA_ERASED');
      const columns = await vault.sealFields(subject, TABLE, principal.accountId, values).catch(renamed);
      const at = now().toISOString();
      const existing = row;
      // The change and its audit record commit together (names of fields only, never values).
      await repo.transaction(async (tx, trx) => {
        if (existing) await tx.update(principal.accountId, { ...columns, updated_at: at });
        else {
          const empty = Object.fromEntries(
            Object.values(COLUMN).flatMap((c) =>
              [`${c}_ct`, ...(['mobile', 'email', 'id_number'].includes(c) ? [`${c}_bidx`] : [])].map((k) => [k, null]),
            ),
          );
          await tx.insert({
            ...(empty as Omit<ProfileRow, 'account_id' | 'subject_id' | 'updated_at'>),
            ...columns,
            account_id: principal.accountId,
            subject_id: subject.subjectId,
            updated_at: at,
          });
        }
        await deps.audit.appendInTransaction(trx, {
          type: 'profiles.profile_updated',
          actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
          decision: 'allowed',
          subjectId: subject.subjectId,
          fields: Object.keys(values).map((c) => `${TABLE}.${c}`),
          requestId: requestId ?? null,
        });
      });
      row = await repo.findByAccount(principal.accountId);
      return view(row, principal.accountId);
    },

    /** The subject reads their own data in their own session (step-up re-authentication arrives with issue 5). */
    async revealOwn(principal: Principal, fields: readonly ProfileField[], purpose: Purpose): Promise<TProfileResponse> {
      await stepUp(principal, OWN_STEP_UP_MS);
      const row = await repo.findByAccount(principal.accountId);
      if (!row) throw new AppError('NOT_FOUND');
      return revealFor(row, principal, true, fields, purpose);
    },

    /** Staff reveal of a customer's fields for a stated purpose; refused and audited when the purpose does not fit. */
    async revealForStaff(principal: Principal, accountId: string, fields: readonly ProfileField[], purpose: Purpose, requestId?: string) {
      const row = await repo.findByAccount(accountId);
      if (!row) throw new AppError('NOT_FOUND');
      if (isScoped(principal) && !(await repo.assignedAmong(principal.accountId, [accountId])).has(accountId)) {
        return refuseUnassigned(principal, row, fields, purpose, requestId);
      }
      // Consent-based fields: the vault asks the consent guard inside reveal (one guard on every path).
      await stepUp(principal, STAFF_STEP_UP_MS);
      return revealFor(row, principal, false, fields, purpose, requestId);
    },

    /** Exact-match lookup by blind index, confirmed inside the vault; returns masked profiles only. */
    async lookup(
      principal: Principal,
      query: { mobile?: string | undefined; email?: string | undefined; idNumber?: string | undefined; purpose: Purpose },
      requestId?: string,
    ) {
      const { purpose, ...values } = query;
      const [name, raw] = Object.entries(values).find(([, v]) => typeof v === 'string' && v.length > 0) as [ProfileField, string];
      const column = COLUMN[name];
      const index = vault.blindIndexOf(`${TABLE}.${column}`, raw);
      if (index === null) throw new AppError('INVALID_IDENTIFIER', 'invalid lookup value', { fields: [name] });
      const found = await repo.findByBlindIndex(`${column}_bidx` as 'mobile_bidx', index);
      // A broker's look-up only ever considers their own clients: others are not even decrypted to compare.
      const assigned = isScoped(principal)
        ? await repo.assignedAmong(
            principal.accountId,
            found.map((c) => c.account_id),
          )
        : undefined;
      const candidates = assigned ? found.filter((c) => assigned.has(c.account_id)) : found;
      const ids = await vault.confirmMatches(
        `${TABLE}.${column}`,
        raw,
        candidates.map((c) => ({
          recordId: c.account_id,
          subjectId: c.subject_id,
          ciphertext: c[`${column}_ct` as keyof ProfileRow] as string | null,
        })),
        actorOf(principal),
        purpose,
        requestId,
      );
      const rows = candidates.filter((c) => ids.includes(c.account_id));
      return { accounts: await Promise.all(rows.map((r) => view(r, r.account_id))) };
    },

    /**
     * The customer's vault subject, creating an empty profile (and the subject) on first use. Other modules that
     * seal a customer's data use it, so that one data key — and one erasure — covers all of that person's data.
     */
    async ensureSubject(accountId: string): Promise<Subject> {
      const row = await repo.findByAccount(accountId);
      if (row) {
        const subject = await vault.findSubject(row.subject_id);
        if (!subject) throw new AppError('INTERNAL', 'profile without a vault subject');
        if (subject.erased) throw new AppError('DATA_ERASED');
        return { subjectId: subject.subjectId, dekId: subject.dekId };
      }
      const subject = await vault.createSubject('customer');
      const empty = Object.fromEntries(
        Object.values(COLUMN).flatMap((c) =>
          [`${c}_ct`, ...(['mobile', 'email', 'id_number'].includes(c) ? [`${c}_bidx`] : [])].map((k) => [k, null]),
        ),
      ) as Omit<ProfileRow, 'account_id' | 'subject_id' | 'updated_at'>;
      try {
        await repo.insert({ ...empty, account_id: accountId, subject_id: subject.subjectId, updated_at: now().toISOString() });
        return subject;
      } catch (error) {
        // A parallel first use created the profile meanwhile: use its subject (the unused data key is harmless).
        const winner = await repo.findByAccount(accountId);
        const found = winner && (await vault.findSubject(winner.subject_id));
        if (!found) throw error;
        return { subjectId: found.subjectId, dekId: found.dekId };
      }
    },

    /**
     * Assigns a customer to a broker (an admin's decision, the advisers' rules, the demo seed). Only a customer
     * account can be a client and only an active staff account with the broker role can be its adviser — an
     * assignment is what lets a broker see a person's data, so a staff account must never become a "client".
     */
    async assignClient(customerAccountId: string, brokerAccountId: string, assignedBy: string) {
      const accounts = new Map((await repo.accountsForAssignment([customerAccountId, brokerAccountId])).map((a) => [a.id, a]));
      const customer = accounts.get(customerAccountId);
      const broker = accounts.get(brokerAccountId);
      if (!customer || customer.kind !== 'customer')
        throw new AppError('VALIDATION_FAILED', 'not a customer account', { fields: ['customerAccountId'] });
      if (!broker || broker.kind !== 'staff' || broker.status !== 'active' || !broker.roles.split(',').includes('broker')) {
        throw new AppError('VALIDATION_FAILED', 'not an active broker', { fields: ['brokerAccountId'] });
      }
      await repo.assign({
        customer_account_id: customerAccountId,
        broker_account_id: brokerAccountId,
        assigned_at: now().toISOString(),
        assigned_by: assignedBy,
      });
    },
  };
}
