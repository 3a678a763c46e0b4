import { createHash } from 'node:crypto';
import { parseIdNumber } from '@sealbridge/cn-identifiers';
import {
  CURRENT_SENSITIVE_CONSENT_STATEMENT,
  SENSITIVE_CONSENT_STATEMENTS,
  type Purpose,
  type TFieldView,
  type TMyVerificationResponse,
  type TSubmitVerificationRequest,
  type TVerificationDecisionRequest,
  type TVerificationRevealResponse,
  type TVerificationReviewItem,
  type VerificationField,
  type VerificationRejectReason,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { Subject, Vault } from '../vault/index.ts';
import { acceptIdCardImage } from './id-card-images.ts';
import type { VerificationProvider } from './verification-provider.ts';
import type { VerificationRepo, VerificationRow } from './verification-repo.ts';

const TABLE = 'identity_verifications';
/** Wire name → registry field (and `<field>_ct` column). */
const COLUMN: Record<VerificationField, string> = {
  fullName: 'full_name',
  idNumber: 'id_number',
  idFrontImage: 'id_front_image',
  idBackImage: 'id_back_image',
};
const FIELD_OF = Object.fromEntries(Object.entries(COLUMN).map(([k, v]) => [v, k])) as Record<string, VerificationField>;
const ALL_KEYS = Object.values(COLUMN).map((c) => `${TABLE}.${c}`);
const ADULT_AGE = 18;
const QUEUE_LIMIT = 200;

export type VerificationServiceDeps = {
  repo: VerificationRepo;
  vault: Pick<Vault, 'sealFields' | 'maskFields' | 'reveal' | 'blindIndexOf' | 'matchPresentedValue'>;
  audit: AuditPort;
  provider: VerificationProvider;
  /** The customer's vault subject (the one their profile uses), created on first use, so erasure covers both. */
  subjectOfCustomer: (accountId: string) => Promise<Subject>;
  /** Whether a customer is assigned to a broker (client_assignments). */
  isAssigned: (brokerAccountId: string, customerAccountId: string) => Promise<boolean>;
  /** Account numbers (C-…) for the review queue; optional. */
  accountNumbers?: (accountIds: string[]) => Promise<Map<string, string>>;
  /**
   * Writes the form's separate consent to the consent ledger (modules/consent), like every other consent, with the
   * statement's hash as the text shown; false when no privacy notice is published yet (the submission's own record
   * then stands, as the consent gate allows).
   */
  recordConsent?: (principal: Principal, statementHash: string, requestId?: string) => Promise<boolean>;
  now?: () => Date;
};

export type VerificationService = ReturnType<typeof createVerificationService>;

const actorOf = (p: Principal): AuditActor => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Hashes of each statement version's texts (zh-CN and en), computed once. */
const STATEMENT_HASHES = new Map(
  Object.entries(SENSITIVE_CONSENT_STATEMENTS).map(([version, texts]) => [version, new Set(Object.values(texts).map(sha256Hex))]),
);

export function createVerificationService(deps: VerificationServiceDeps) {
  const { repo, vault, provider } = deps;
  const now = deps.now ?? (() => new Date());

  function requireCustomer(principal: Principal) {
    if (principal.kind !== 'customer') throw new AppError('FORBIDDEN', 'real-name verification is for customers');
  }

  /** Brokers review only their assigned customers (DESIGN.md invariant 4); a refused probe is on record. */
  async function requireInScope(
    principal: Principal,
    row: VerificationRow,
    fields: readonly string[],
    purpose: Purpose | null,
    requestId?: string,
  ) {
    if (await deps.isAssigned(principal.accountId, row.account_id)) return;
    await deps.audit.append({
      type: 'verification.access_refused',
      actor: actorOf(principal),
      decision: 'denied',
      purpose,
      subjectId: row.subject_id,
      fields,
      requestId: requestId ?? null,
      data: { verificationId: row.id, reason: 'not_assigned' },
    });
    throw new AppError('FORBIDDEN', 'customer not assigned to this broker');
  }

  async function masked(row: VerificationRow): Promise<{ fullName: TFieldView; idNumber: TFieldView }> {
    const m = await vault.maskFields(row.subject_id, TABLE, row.id, row as unknown as Record<string, unknown>, ['full_name', 'id_number']);
    return { fullName: m['full_name'] ?? { state: 'absent' }, idNumber: m['id_number'] ?? { state: 'absent' } };
  }

  async function reviewItem(row: VerificationRow, accountNo: string | null): Promise<TVerificationReviewItem> {
    return {
      id: row.id,
      accountId: row.account_id,
      accountNo,
      status: row.status,
      submittedAt: row.submitted_at,
      decidedAt: row.decided_at,
      reason: row.decision_reason as VerificationRejectReason | null,
      possibleDuplicate: row.possible_duplicate === 1,
      ...(await masked(row)),
      idFrontImage: { present: row.id_front_image_ct !== null, type: row.id_front_image_type },
      idBackImage: { present: row.id_back_image_ct !== null, type: row.id_back_image_type },
    };
  }

  return {
    /** Whether the account's latest verification is approved (read on every call: a later rejection counts at once). */
    async isVerified(accountId: string): Promise<boolean> {
      return (await repo.latestStatusOf(accountId)) === 'verified';
    },

    /** The verified name as a display mask ("张*"), computed inside the vault on read; null when not verified. */
    async verifiedNameMask(accountId: string): Promise<string | null> {
      const row = await repo.latestOfAccount(accountId);
      if (row?.status !== 'verified') return null;
      const name = (await masked(row)).fullName;
      return name.state === 'masked' ? name.value : null;
    },

    /** The customer's status (unverified / pending / verified / rejected with the reason) and masked values. */
    async getOwn(principal: Principal): Promise<TMyVerificationResponse> {
      requireCustomer(principal);
      const row = await repo.latestOfAccount(principal.accountId);
      if (!row) {
        return {
          status: 'unverified',
          submittedAt: null,
          decidedAt: null,
          reason: null,
          note: null,
          fullName: { state: 'absent' },
          idNumber: { state: 'absent' },
        };
      }
      return {
        status: row.status,
        submittedAt: row.submitted_at,
        decidedAt: row.decided_at,
        reason: row.decision_reason as VerificationRejectReason | null,
        note: row.decision_note,
        ...(await masked(row)),
      };
    },

    /**
     * Checks everything first (ID checksum, age, separate consent, images), and only then seals and stores. An
     * under-18 ID number is refused before anything is written: no subject, no row — only an audit record without
     * the number. A duplicate person (same ID number under another account) is flagged for the reviewer only.
     */
    async submit(principal: Principal, input: TSubmitVerificationRequest, requestId?: string): Promise<TMyVerificationResponse> {
      requireCustomer(principal);
      const at = now();
      const parsed = parseIdNumber(input.idNumber, at);
      if (!parsed) throw new AppError('INVALID_IDENTIFIER', 'invalid ID number', { fields: ['idNumber'] });
      if (parsed.age < ADULT_AGE) {
        await deps.audit.append({
          type: 'verification.refused_underage',
          actor: actorOf(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: {},
        });
        throw new AppError('UNDERAGE_PARTY', 'party under 18');
      }
      // Only the current statement counts: consent to an older text is not consent to what is done now.
      const hashes =
        input.consent.statement === CURRENT_SENSITIVE_CONSENT_STATEMENT ? STATEMENT_HASHES.get(input.consent.statement) : undefined;
      if (input.consent.given !== true || !hashes?.has(input.consent.textHash)) {
        throw new AppError('SENSITIVE_CONSENT_REQUIRED', 'separate consent missing or for an unknown statement');
      }
      const [front, back] = await Promise.all([acceptIdCardImage(input.idFrontImage), acceptIdCardImage(input.idBackImage)]);
      const badImages = [...(front.ok ? [] : ['idFrontImage']), ...(back.ok ? [] : ['idBackImage'])];
      if (!front.ok || !back.ok) {
        const reason = !front.ok ? front.reason : !back.ok ? back.reason : 'type';
        throw new AppError('ID_IMAGE_INVALID', 'ID card image refused', { fields: badImages, reason });
      }
      const latest = await repo.latestOfAccount(principal.accountId);
      if (latest && latest.status !== 'rejected') throw new AppError('CONFLICT', `verification already ${latest.status}`);

      const subject = await deps.subjectOfCustomer(principal.accountId);
      const id = newId();
      const columns = await vault
        .sealFields(subject, TABLE, id, {
          full_name: input.fullName,
          id_number: parsed.idNumber,
          id_front_image: front.base64,
          id_back_image: back.base64,
        })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'INVALID_IDENTIFIER' && Array.isArray(error.details?.['fields'])) {
            throw new AppError('INVALID_IDENTIFIER', error.message, {
              fields: (error.details['fields'] as string[]).map((f) => FIELD_OF[f] ?? f),
            });
          }
          throw error;
        });
      // Same person under another account: candidates by blind index, confirmed inside the vault (ids only leave).
      const bidx = columns['id_number_bidx'] ?? '';
      const candidates = await repo.findByIdNumberIndex(bidx, principal.accountId);
      const duplicates = candidates.length
        ? await vault.matchPresentedValue(
            `${TABLE}.id_number`,
            parsed.idNumber,
            candidates.map((c) => ({ recordId: c.id, subjectId: c.subject_id, ciphertext: c.id_number_ct })),
          )
        : [];
      await provider.submit({ verificationId: id, accountId: principal.accountId });
      const submittedAt = at.toISOString();
      const stored = repo.transaction(async (tx, trx) => {
        await tx.insert({
          id,
          account_id: principal.accountId,
          subject_id: subject.subjectId,
          status: 'pending',
          provider: provider.id,
          full_name_ct: columns['full_name_ct'] ?? null,
          id_number_ct: columns['id_number_ct'] ?? null,
          id_number_bidx: bidx,
          id_front_image_ct: columns['id_front_image_ct'] ?? null,
          id_front_image_type: front.type,
          id_back_image_ct: columns['id_back_image_ct'] ?? null,
          id_back_image_type: back.type,
          possible_duplicate: duplicates.length > 0 ? 1 : 0,
          sensitive_consent_given_at: submittedAt,
          sensitive_consent_text_hash: input.consent.textHash,
          sensitive_consent_statement: input.consent.statement,
          submitted_at: submittedAt,
          decided_at: null,
          decided_by: null,
          decision_reason: null,
          decision_note: null,
          checklist: null,
        });
        const base = {
          actor: actorOf(principal),
          decision: 'allowed' as const,
          subjectId: subject.subjectId,
          requestId: requestId ?? null,
        };
        await deps.audit.appendInTransaction(trx, {
          ...base,
          type: 'verification.submitted',
          fields: ALL_KEYS,
          data: { verificationId: id, provider: provider.id, consentStatement: input.consent.statement },
        });
        if (duplicates.length > 0) {
          await deps.audit.appendInTransaction(trx, {
            ...base,
            type: 'verification.duplicate_flagged',
            fields: [`${TABLE}.id_number`],
            data: { verificationId: id },
          });
        }
      });
      await stored.catch(async (error: unknown) => {
        // A parallel submission won the unique index on open submissions: same answer as the check above.
        const open = await repo.latestOfAccount(principal.accountId);
        if (open && open.status !== 'rejected') throw new AppError('CONFLICT', `verification already ${open.status}`);
        throw error;
      });
      await deps.recordConsent?.(principal, input.consent.textHash, requestId);
      return this.getOwn(principal);
    },

    /** A broker's review queue: their assigned customers' submissions, masked, with the duplicate flag. */
    async queue(principal: Principal, status: VerificationRow['status']): Promise<{ items: TVerificationReviewItem[] }> {
      const rows = await repo.listForBroker(principal.accountId, status, QUEUE_LIMIT);
      const numbers = deps.accountNumbers
        ? await deps.accountNumbers([...new Set(rows.map((r) => r.account_id))])
        : new Map<string, string>();
      return { items: await Promise.all(rows.map((r) => reviewItem(r, numbers.get(r.account_id) ?? null))) };
    },

    /** Full name, ID number or images of a submission, through vault.reveal with a purpose (audited there). */
    async reveal(
      principal: Principal,
      id: string,
      fields: readonly VerificationField[],
      purpose: Purpose,
      requestId?: string,
    ): Promise<TVerificationRevealResponse> {
      const row = await repo.findById(id);
      if (!row) throw new AppError('NOT_FOUND');
      await requireInScope(
        principal,
        row,
        fields.map((f) => `${TABLE}.${COLUMN[f]}`),
        purpose,
        requestId,
      );
      const revealed = await vault.reveal({
        actor: { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
        own: false,
        subjectId: row.subject_id,
        table: TABLE,
        recordId: row.id,
        row: row as unknown as Record<string, unknown>,
        fields: fields.map((f) => COLUMN[f]),
        purpose,
        ...(requestId ? { requestId } : {}),
      });
      const out: TVerificationRevealResponse['fields'] = {};
      for (const [column, value] of Object.entries(revealed)) out[FIELD_OF[column] as VerificationField] = value;
      return { id: row.id, fields: out, imageTypes: { idFrontImage: row.id_front_image_type, idBackImage: row.id_back_image_type } };
    },

    /** Approve or reject through the provider's rules; only a pending submission, only the assigned broker. */
    async decide(
      principal: Principal,
      id: string,
      input: TVerificationDecisionRequest,
      requestId?: string,
    ): Promise<TVerificationReviewItem> {
      const row = await repo.findById(id);
      if (!row) throw new AppError('NOT_FOUND');
      await requireInScope(principal, row, [], 'identity_verification', requestId);
      if (row.status !== 'pending') throw new AppError('CONFLICT', `verification already ${row.status}`);
      const decision = provider.decide(input);
      const note = input.note && input.note.length > 0 ? input.note : null;
      // The note is shown to the customer and kept in plaintext: it must not carry an identifier.
      assertNoIdentifiers([{ field: 'note', text: note }]);
      const at = now().toISOString();
      await repo.transaction(async (tx, trx) => {
        const done = await tx.decide(id, {
          status: decision.outcome,
          decided_at: at,
          decided_by: principal.accountId,
          decision_reason: decision.reason,
          decision_note: note,
          checklist: JSON.stringify(input.checklist),
        });
        if (!done) throw new AppError('CONFLICT', 'decided meanwhile');
        await deps.audit.appendInTransaction(trx, {
          type: 'verification.decided',
          actor: actorOf(principal),
          decision: 'allowed',
          purpose: 'identity_verification',
          subjectId: row.subject_id,
          requestId: requestId ?? null,
          data: {
            verificationId: id,
            provider: provider.id,
            outcome: decision.outcome,
            reason: decision.reason,
            checklist: input.checklist,
          },
        });
      });
      const updated = await repo.findById(id);
      const numbers = deps.accountNumbers ? await deps.accountNumbers([row.account_id]) : new Map<string, string>();
      return reviewItem(updated ?? row, numbers.get(row.account_id) ?? null);
    },
  };
}
