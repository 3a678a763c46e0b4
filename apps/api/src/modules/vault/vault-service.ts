import { mask } from '@sealbridge/cn-identifiers';
import type { Purpose, TFieldView } from '@sealbridge/contracts';
import type { Kysely } from 'kysely';
import type { Database, KeyDatabase } from '../../db/schema.ts';
import { prepared } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { Transform } from 'node:stream';
import {
  createFileOpener,
  createFileSealer,
  deriveBackupKey,
  ErasedError,
  openVaultKeyring,
  promoteKek,
  readKeyId,
  type KeyProvider,
  type VaultKeyring,
} from './crypto/index.ts';
import { BREAK_GLASS_ROLES, PERSONAL_FIELDS, personalField, type PersonalField } from './personal-data-registry.ts';
import { createVaultKeyRepo } from './vault-key-repo.ts';
import { PERSONAL_TABLE_PARENTS, personalTables, recordIdColumns } from './personal-tables.ts';

export type Actor = { accountId: string; roles: readonly string[]; kind: 'staff' | 'customer'; sessionId?: string | null };
export type Subject = { subjectId: string; dekId: string };
/** One record of a subject's export: its table, the record id the vault bound it to, and each registered field. */
export type SubjectExportRecord = { subjectId: string; table: string; recordId: string; values: Record<string, TFieldView> };

/** "<table>.<column>:<record id>" → the field context the ciphertext is bound to. */
function secretContext(aad: string) {
  const match = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*):(.+)$/.exec(aad);
  if (!match) throw new Error("a secret's binding must look like table.column:recordId");
  return { table: match[1] ?? '', column: match[2] ?? '', recordId: match[3] ?? '' };
}

function auditActor(actor: Actor): AuditActor {
  // No account: the platform itself (the delivery job opening a message for its own recipient).
  return { accountId: actor.accountId || null, role: actor.roles.join(',') || null, sessionId: actor.sessionId ?? null };
}

export type RevealRequest = {
  actor: Actor;
  /** True when the actor is the subject, reading their own data in their own session (not an audited access). */
  own: boolean;
  /**
   * The platform opens a subject's data to serve that subject (a notice to their own address): checked against the
   * registry's purposes, no staff role or gate, and audited like every decryption outside the subject's session.
   */
  forSubject?: boolean;
  /**
   * Provision to another customer (PIPL Art. 23): a buyer reading a seller's data under a disclosure grant. Allowed
   * only for fields registered with the purpose in `recipientPurposes`; the caller has checked the grant and the
   * subject's separate consent naming this recipient. Audited with the grant, so the subject sees who read what.
   */
  recipient?: { grantId: string; alias: string; listingCode: string; ndaSignatureId: string | null };
  subjectId: string;
  table: string;
  recordId: string;
  /** The record's columns as stored: `<field>_ct` ciphertexts; the vault is the only code that opens them. */
  row: Record<string, unknown>;
  fields: readonly string[];
  purpose: Purpose;
  requestId?: string;
};

/** Why the staff gate refuses a staff member's reveal or lookup (reasons are codes, never personal data). */
export type RevealRefusal = 'training_required' | 'no_break_glass_grant';
/**
 * A check the vault asks before any staff access to plaintext (never for a subject's own data): the staff module
 * answers whether the actor has accepted the confidentiality agreement and completed training, and, for the
 * `break_glass` purpose, whether they hold an active grant for this subject.
 */
export type RevealGate = (check: { actor: Actor; subjectId: string; purpose: Purpose }) => Promise<'ok' | RevealRefusal>;

/**
 * The consent guard's door in the vault (DESIGN.md invariant 5): asked before every reveal that is not the subject's own,
 * with the registry keys of the requested fields that rest on consent (legal basis `consent` / `separate_consent`).
 * It throws CONSENT_REQUIRED when the consent is not in force; the consent module decides which purposes need it.
 * Being inside `reveal`, it covers every module's path to plaintext — a new path cannot forget to ask.
 */
export type ConsentGate = (
  check: Pick<RevealRequest, 'subjectId' | 'table' | 'recordId' | 'row' | 'purpose'> & { fields: readonly string[] },
) => Promise<void>;

/** Registry fields whose legal basis is consent: the ones the consent gate is asked about. */
export const consentBased = (field: Pick<PersonalField, 'legalBasis'>) =>
  field.legalBasis === 'consent' || field.legalBasis === 'separate_consent';

const REFUSAL_CODE = { training_required: 'STAFF_TRAINING_REQUIRED', no_break_glass_grant: 'BREAK_GLASS_REQUIRED' } as const;

export type VaultDeps = {
  db: Kysely<Database>;
  keys: Kysely<KeyDatabase>;
  provider: KeyProvider;
  logger: Logger;
  /** Every reveal, lookup, erasure and rotation is recorded here before any plaintext is returned. */
  audit: AuditPort;
  /** Tells the other instances (Redis pub/sub in scale-out) that a data key was destroyed or the KEK ring changed. */
  announceKeyEvent?: (event: VaultKeyEvent) => void;
  /** The staff gate (modules/staff); without one, staff reveals are not gated but `break_glass` is always refused. */
  revealGate?: RevealGate;
  /** The consent guard (modules/consent), asked for consent-based fields on every reveal but the subject's own. */
  consentGate?: ConsentGate;
  now?: () => Date;
};

export type Vault = Awaited<ReturnType<typeof createVault>>;

/** Cache invalidations shared between instances; without them a destroyed key lives on in caches until its TTL. */
export type VaultKeyEvent = { type: 'dek-destroyed'; dekId: string } | { type: 'kek-ring-changed' };

/** Opens the keyring (bootstrapping the KEK ring on first start) and returns the one door to plaintext. */
export async function createVault(deps: VaultDeps) {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const keyRepo = createVaultKeyRepo(deps.keys);
  const { audit } = deps;
  const keyring: VaultKeyring = await openVaultKeyring({ provider: deps.provider, store: keyRepo.store });
  if ((await keyRepo.store.listKeks()).length === 0) {
    await keyRepo.saveKekRing(keyring.bootstrapKekRing());
    await keyring.reloadKeks();
  }
  logger.info({ keyProvider: keyring.providerId, rootFingerprint: keyring.rootFingerprint }, 'vault keyring open');

  /** The platform's own data subject, for secrets that belong to no person; created once, the oldest wins. */
  let platform: Promise<Subject> | undefined;
  function platformSubject(): Promise<Subject> {
    platform ??= (async () => {
      const existing = await db
        .selectFrom('vault_subjects')
        .select(['subject_id', 'dek_id'])
        .where('kind', '=', 'platform')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (existing) return { subjectId: existing.subject_id, dekId: existing.dek_id };
      return createSubjectOfKind('platform');
    })().catch((error: unknown) => {
      platform = undefined;
      throw error;
    });
    return platform;
  }

  async function createSubjectOfKind(kind: PersonalField['subjectKind'] | 'platform' | 'data_room'): Promise<Subject> {
    const subjectId = newId();
    const { record } = await keyring.createDataKey();
    const at = now().toISOString();
    await keyRepo.insertDataKey(record, subjectId, at);
    await db
      .insertInto('vault_subjects')
      .values({ subject_id: subjectId, kind, dek_id: record.dekId, created_at: at, erased_at: null, erased_by: null, erasure_reason: null })
      .execute();
    return { subjectId, dekId: record.dekId };
  }

  async function backupKey() {
    const raw = await deps.provider.getRootKey();
    try {
      return { id: 'backup-v1', key: deriveBackupKey(raw) };
    } finally {
      raw.fill(0);
    }
  }

  // Read at every reveal (crypto-shredding is honoured at once), so compiled once (ADR 0007 addendum).
  const subjectStateQuery = prepared(db, (q, p) =>
    q.selectFrom('vault_subjects').select(['dek_id', 'erased_at']).where('subject_id', '=', p('subjectId')),
  );
  const subjectState = async (subjectId: string) => (await subjectStateQuery({ subjectId }))[0];

  /**
   * Rows of a registered table held under any of `subjectIds` (through the parent's subject for a table without
   * one), with the named columns; `nonNull` keeps only rows where that column has a value (then one row is enough).
   */
  async function rowsOfSubject(table: string, columns: readonly string[], subjectIds: readonly string[], nonNull?: string) {
    const parent = PERSONAL_TABLE_PARENTS[table];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table comes from the registry, not the types
    const q = db as Kysely<any>;
    let query = parent
      ? q
          .selectFrom(`${table} as t`)
          .innerJoin(`${parent[0]} as p`, `p.${parent[2]}`, `t.${parent[1]}`)
          .select(columns.map((c) => `t.${c} as ${c}`))
          .where('p.subject_id', 'in', [...subjectIds])
      : q
          .selectFrom(table)
          .select([...columns])
          .where('subject_id', 'in', [...subjectIds]);
    if (nonNull) query = query.where(parent ? `t.${nonNull}` : nonNull, 'is not', null).limit(1);
    return (await query.execute()) as Record<string, unknown>[];
  }

  /** Fails closed: the `break_glass` purpose needs a gate to vouch for a grant. */
  async function gate(actor: Actor, subjectId: string, purpose: Purpose): Promise<'ok' | RevealRefusal> {
    if (!deps.revealGate) return purpose === 'break_glass' ? 'no_break_glass_grant' : 'ok';
    return deps.revealGate({ actor, subjectId, purpose });
  }

  /** The registry's answer: a field not registered for the purpose, or not visible to the actor's roles. */
  function registryRefusal(fields: readonly PersonalField[], actor: Actor, purpose: Purpose): PersonalField | undefined {
    const roles = purpose === 'break_glass' ? BREAK_GLASS_ROLES : undefined;
    return fields.find((f) => !f.purposes.includes(purpose) || !(roles ?? f.visibleTo).some((role) => actor.roles.includes(role)));
  }

  function normalizeOrThrow(field: PersonalField, value: string): string {
    const normalized = field.normalize(value);
    if (normalized === null) throw new AppError('INVALID_IDENTIFIER', `invalid ${field.key}`, { fields: [field.field] });
    return normalized;
  }

  return {
    keyProviderId: keyring.providerId,
    rootFingerprint: keyring.rootFingerprint,

    /** A new data subject with a data key of its own (key store first: an orphan key is harmless, data without one is not). */
    createSubject(kind: PersonalField['subjectKind']): Promise<Subject> {
      return createSubjectOfKind(kind);
    },

    async findSubject(subjectId: string): Promise<(Subject & { erased: boolean }) | undefined> {
      const row = await subjectState(subjectId);
      return row ? { subjectId, dekId: row.dek_id, erased: row.erased_at !== null } : undefined;
    },

    /**
     * Validates fields exactly as sealFields will, without a subject: a caller that would create one checks first,
     * so refused input leaves no orphan subject or data key behind.
     */
    checkFields(table: string, values: Record<string, string>): void {
      for (const [name, value] of Object.entries(values)) normalizeOrThrow(personalField(`${table}.${name}`), value);
    },

    /**
     * Validates, normalizes and encrypts the given fields of one record. Returns the columns to store:
     * `<field>_ct` and, for indexed fields, `<field>_bidx`. Invalid input throws before anything is written,
     * naming the fields (never their values).
     */
    async sealFields(subject: Subject, table: string, recordId: string, values: Record<string, string>) {
      const normalized = Object.entries(values).map(([name, value]) => {
        const field = personalField(`${table}.${name}`);
        return { field, value: normalizeOrThrow(field, value) };
      });
      const columns: Record<string, string> = {};
      for (const { field, value } of normalized) {
        columns[`${field.field}_ct`] = await keyring.encryptField(subject.dekId, { table, column: `${field.field}_ct`, recordId }, value);
        if (field.blindIndex) {
          columns[`${field.field}_bidx`] = keyring.blindIndex({ table, column: `${field.field}_bidx`, bits: field.blindIndex.bits }, value);
        }
      }
      return columns;
    },

    /**
     * Seals a platform secret that is not a person's field (a TOTP shared secret) under the platform's own data
     * key, bound to `aad` = "<table>.<column>:<record id>". Opening it is not a reveal: the plaintext is used by
     * code (to check a code) and never shown, so it is not an audited access.
     */
    async sealSecret(plaintext: string, aad: string): Promise<string> {
      const subject = await platformSubject();
      return keyring.encryptField(subject.dekId, secretContext(aad), plaintext);
    },

    async openSecret(sealed: string, aad: string): Promise<string> {
      return keyring.decryptField(readKeyId(sealed), secretContext(aad), sealed);
    },

    /**
     * A keyed digest of a value that is compared or looked up but never read back: a one-time code, the key of a
     * sign-in throttle, the address of a pending registration. HMAC-SHA256 under a key derived from the root for
     * the named domain (snake_case), truncated to 48 bits. Unlike a blind index it belongs to no registered field
     * and is wide enough to tell values apart, so it is not k-anonymous: use it only in short-lived records.
     */
    keyedDigest(domain: string, value: string): string {
      return keyring.blindIndex({ table: 'keyed_digest', column: domain, bits: 48 }, value);
    },

    /**
     * Which candidates (found by blind index) hold the value a person presents as their own — a sign-in name or a
     * registration address. Decrypts inside the vault; only record ids leave. It serves that person, not staff, so
     * it takes no role or purpose and is not an audited access (staff lookups go through confirmMatches).
     */
    async matchPresentedValue(
      key: string,
      rawValue: string,
      candidates: { recordId: string; subjectId: string; ciphertext: string | null }[],
    ): Promise<string[]> {
      const field = personalField(key);
      const wanted = field.normalize(rawValue);
      if (wanted === null) return [];
      const matches: string[] = [];
      for (const c of candidates) {
        if (!c.ciphertext) continue;
        const subject = await subjectState(c.subjectId);
        if (!subject || subject.erased_at) continue;
        const read = await keyring.readField(
          subject.dek_id,
          { table: field.table, column: `${field.field}_ct`, recordId: c.recordId },
          c.ciphertext,
        );
        if (read.state === 'present' && read.value === wanted) matches.push(c.recordId);
      }
      return matches;
    },

    /**
     * Which candidates hold the same value as `source` (all found by blind index, which collides by design):
     * decrypts inside the vault and compares; only record ids leave. Not an access to the data — nothing is shown —
     * so not audited (the callers record what they do with the answer).
     */
    async recordsMatching(
      key: string,
      source: { recordId: string; subjectId: string; ciphertext: string | null },
      candidates: { recordId: string; subjectId: string; ciphertext: string | null }[],
    ): Promise<string[]> {
      const field = personalField(key);
      const owner = await subjectState(source.subjectId);
      if (!owner || owner.erased_at || !source.ciphertext) return [];
      const read = await keyring.readField(
        owner.dek_id,
        { table: field.table, column: `${field.field}_ct`, recordId: source.recordId },
        source.ciphertext,
      );
      if (read.state !== 'present') return [];
      const matches: string[] = [];
      for (const c of candidates) {
        if (!c.ciphertext) continue;
        const subject = await subjectState(c.subjectId);
        if (!subject || subject.erased_at) continue;
        const other = await keyring.readField(
          subject.dek_id,
          { table: field.table, column: `${field.field}_ct`, recordId: c.recordId },
          c.ciphertext,
        );
        if (other.state === 'present' && other.value === read.value) matches.push(c.recordId);
      }
      return matches;
    },

    /**
     * Copies of a person's value in another registered field (erasure: the delivery outbox holds the mobile a code went
     * to under a subject per message). Decrypts the source inside the vault, looks candidates up by the target field's
     * blind index through `candidatesOf`, confirms each by decrypting; only record and subject ids leave. Not an access
     * to the data (nothing is shown); the caller records the erasure it serves.
     */
    async copiesOf(
      sourceKey: string,
      source: { recordId: string; subjectId: string; ciphertext: string | null },
      targetKey: string,
      candidatesOf: (blindIndex: string) => Promise<{ recordId: string; subjectId: string; ciphertext: string | null }[]>,
    ): Promise<{ recordId: string; subjectId: string }[]> {
      const from = personalField(sourceKey);
      const to = personalField(targetKey);
      const owner = await subjectState(source.subjectId);
      if (!owner || owner.erased_at || !source.ciphertext || !to.blindIndex) return [];
      const read = await keyring.readField(
        owner.dek_id,
        { table: from.table, column: `${from.field}_ct`, recordId: source.recordId },
        source.ciphertext,
      );
      if (read.state !== 'present') return [];
      const index = keyring.blindIndex({ table: to.table, column: `${to.field}_bidx`, bits: to.blindIndex.bits }, read.value);
      const found: { recordId: string; subjectId: string }[] = [];
      for (const c of await candidatesOf(index)) {
        const subject = await subjectState(c.subjectId);
        if (!c.ciphertext || !subject || subject.erased_at) continue;
        const other = await keyring.readField(
          subject.dek_id,
          { table: to.table, column: `${to.field}_ct`, recordId: c.recordId },
          c.ciphertext,
        );
        if (other.state === 'present' && other.value === read.value) found.push({ recordId: c.recordId, subjectId: c.subjectId });
      }
      return found;
    },

    /** The blind index of a raw lookup value, or null when it is not a valid value of that field. */
    blindIndexOf(key: string, rawValue: string): string | null {
      const field = personalField(key);
      if (!field.blindIndex) throw new Error(`${key} has no blind index`);
      const value = field.normalize(rawValue);
      return value === null
        ? null
        : keyring.blindIndex({ table: field.table, column: `${field.field}_bidx`, bits: field.blindIndex.bits }, value);
    },

    /**
     * Confirms which candidate records (found by blind index) really hold `rawValue`, decrypting inside the vault
     * only; nothing but record ids leaves. Each decryption is an audited lookup access.
     */
    async confirmMatches(
      key: string,
      rawValue: string,
      candidates: { recordId: string; subjectId: string; ciphertext: string | null }[],
      actor: Actor,
      purpose: Purpose,
      requestId?: string,
    ): Promise<string[]> {
      const field = personalField(key);
      // Break-glass is a reveal of one named subject under a grant, never a search.
      if (purpose === 'break_glass' || !field.purposes.includes(purpose) || !field.visibleTo.some((role) => actor.roles.includes(role))) {
        for (const c of candidates) {
          await audit.append({
            type: 'vault.lookup_matched',
            actor: auditActor(actor),
            subjectId: c.subjectId,
            fields: [key],
            purpose,
            decision: 'denied',
            requestId,
            data: { table: field.table, recordId: c.recordId },
          });
        }
        throw new AppError('PURPOSE_NOT_ALLOWED', `lookup of ${key} refused`, { field: field.field, purpose });
      }
      // Asked once, even with no candidate: an untrained actor learns nothing, not even "no match".
      const verdict = await gate(actor, candidates[0]?.subjectId ?? '', purpose);
      if (verdict !== 'ok') {
        const refused = candidates.length ? candidates : [{ subjectId: null, recordId: '' }];
        for (const c of refused) {
          await audit.append({
            type: 'vault.lookup_matched',
            actor: auditActor(actor),
            subjectId: c.subjectId,
            fields: [key],
            purpose,
            decision: 'denied',
            requestId,
            data: { table: field.table, recordId: c.recordId, refusal: verdict },
          });
        }
        throw new AppError(REFUSAL_CODE[verdict], `lookup of ${key} refused by the staff gate`, { reason: verdict });
      }
      const wanted = field.normalize(rawValue);
      if (wanted === null) return [];
      const matches: string[] = [];
      for (const c of candidates) {
        if (!c.ciphertext) continue;
        const subject = await subjectState(c.subjectId);
        if (!subject || subject.erased_at) continue;
        await audit.append({
          type: 'vault.lookup_matched',
          actor: auditActor(actor),
          subjectId: c.subjectId,
          fields: [key],
          purpose,
          decision: 'allowed',
          requestId,
          data: { table: field.table, recordId: c.recordId },
        });
        const read = await keyring.readField(
          subject.dek_id,
          { table: field.table, column: `${field.field}_ct`, recordId: c.recordId },
          c.ciphertext,
        );
        if (read.state === 'present' && read.value === wanted) matches.push(c.recordId);
      }
      return matches;
    },

    /**
     * Masked values for display, computed inside the vault: the plaintext never leaves it and nothing is stored,
     * so this is not an access to the data (no audit event) — reveal is.
     */
    async maskFields(subjectId: string, table: string, recordId: string, row: Record<string, unknown>, names: readonly string[]) {
      const subject = await subjectState(subjectId);
      const out: Record<string, TFieldView> = {};
      for (const name of names) {
        const field = personalField(`${table}.${name}`);
        const ciphertext = row[`${field.field}_ct`];
        if (!subject || subject.erased_at) out[name] = { state: 'erased' };
        else if (typeof ciphertext !== 'string') out[name] = { state: 'absent' };
        else {
          const read = await keyring.readField(subject.dek_id, { table, column: `${field.field}_ct`, recordId }, ciphertext);
          out[name] = read.state === 'present' ? { state: 'masked', value: mask(field.masking, read.value) } : { state: 'erased' };
        }
      }
      return out;
    },

    /**
     * The one door to plaintext. Refuses a field not registered for the purpose, or a staff role the field is
     * not visible to, and records the refusal; otherwise records the access (staff) and only then decrypts.
     */
    async reveal(request: RevealRequest): Promise<Record<string, TFieldView>> {
      const fields = request.fields.map((name) => personalField(`${request.table}.${name}`));
      const keys = fields.map((f) => f.key);
      // The subject may always read their own data (PIPL Art. 45); the platform serving the subject needs a registered
      // purpose; staff need a registered purpose and role.
      const recipient = request.own ? undefined : request.recipient;
      const refusal = request.own
        ? undefined
        : recipient
          ? fields.find(
              (f) =>
                !f.purposes.includes(request.purpose) ||
                !(f.recipientPurposes ?? []).includes(request.purpose) ||
                request.actor.kind !== 'customer',
            )
          : request.forSubject
            ? fields.find((f) => !f.purposes.includes(request.purpose))
            : registryRefusal(fields, request.actor, request.purpose);
      const event = {
        type: 'vault.fields_revealed',
        actor: auditActor(request.actor),
        subjectId: request.subjectId,
        fields: keys,
        purpose: request.purpose,
        requestId: request.requestId ?? null,
        data: { table: request.table, recordId: request.recordId, ...(recipient ? { recipient } : {}) },
      };
      if (refusal) {
        await audit.append({ ...event, decision: 'denied' });
        throw new AppError(
          refusal.purposes.includes(request.purpose) ? 'FORBIDDEN' : 'PURPOSE_NOT_ALLOWED',
          `reveal of ${refusal.key} refused`,
          {
            field: refusal.field,
            purpose: request.purpose,
          },
        );
      }
      // Staff only: the confidentiality agreement and training, and a break-glass grant where the purpose needs one.
      const verdict = request.own || request.forSubject || recipient ? 'ok' : await gate(request.actor, request.subjectId, request.purpose);
      if (verdict !== 'ok') {
        await audit.append({ ...event, decision: 'denied', data: { ...event.data, refusal: verdict } });
        throw new AppError(REFUSAL_CODE[verdict], `reveal refused by the staff gate`, { reason: verdict, purpose: request.purpose });
      }
      // Consent (PIPL Art. 14, 29): every path but the subject's own asks the one guard, after the role checks above.
      const needsConsent = keys.filter((key) => consentBased(personalField(key)));
      if (!request.own && needsConsent.length > 0 && deps.consentGate) {
        try {
          await deps.consentGate({
            subjectId: request.subjectId,
            table: request.table,
            recordId: request.recordId,
            row: request.row,
            fields: needsConsent,
            purpose: request.purpose,
          });
        } catch (error) {
          await audit.append({ ...event, decision: 'denied', data: { ...event.data, refusal: 'consent' } });
          throw error;
        }
      }
      // Fail closed: the plaintext is produced only after the access is durably on record.
      if (!request.own) await audit.append({ ...event, decision: 'allowed' });
      const subject = await subjectState(request.subjectId);
      const out: Record<string, TFieldView> = {};
      for (const field of fields) {
        const ciphertext = request.row[`${field.field}_ct`];
        if (!subject || subject.erased_at) out[field.field] = { state: 'erased' };
        else if (typeof ciphertext !== 'string') out[field.field] = { state: 'absent' };
        else {
          const read = await keyring.readField(
            subject.dek_id,
            { table: request.table, column: `${field.field}_ct`, recordId: request.recordId },
            ciphertext,
          );
          out[field.field] = read.state === 'present' ? { state: 'revealed', value: read.value } : { state: 'erased' };
        }
      }
      return out;
    },

    /**
     * Which registered fields hold a value (a ciphertext) for these subjects, without decrypting anything: what a
     * deletion request must weigh against retention floors.
     */
    async heldFields(subjectIds: readonly string[]): Promise<string[]> {
      if (!subjectIds.length) return [];
      const held = new Set<string>();
      for (const table of personalTables()) {
        for (const field of PERSONAL_FIELDS.filter((f) => f.table === table)) {
          const rows = await rowsOfSubject(table, [`${field.field}_ct`], subjectIds, `${field.field}_ct`);
          if (rows.length) held.add(field.key);
        }
      }
      return [...held];
    },

    /**
     * Everything the registry knows about these subjects, decrypted for the subject's own rights request (PIPL Art.
     * 45): every registered table is walked for rows under each subject, so a newly registered field is exported
     * without code changes. Records the export (fields and subjects, never values) before any plaintext is made;
     * rows of an erased subject come back as `erased`. Only the rights module calls this, for the requester's own
     * subjects (see modules/rights NOTES.md).
     */
    async exportSubjects(subjectIds: readonly string[], actor: Actor, requestId?: string): Promise<SubjectExportRecord[]> {
      const tables = personalTables();
      const out: SubjectExportRecord[] = [];
      for (const subjectId of subjectIds) {
        await audit.append({
          type: 'vault.subject_exported',
          actor: auditActor(actor),
          subjectId,
          fields: PERSONAL_FIELDS.map((f) => f.key),
          purpose: 'rights_request',
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { tables: tables.length },
        });
        const subject = await subjectState(subjectId);
        for (const table of tables) {
          const fields = PERSONAL_FIELDS.filter((f) => f.table === table);
          const idColumns = recordIdColumns(table);
          const rows = await rowsOfSubject(table, [...idColumns, ...fields.map((f) => `${f.field}_ct`)], [subjectId]);
          for (const row of rows) {
            const recordId = idColumns.map((c) => String(row[c])).join(':');
            const values: Record<string, TFieldView> = {};
            for (const field of fields) {
              const ciphertext = row[`${field.field}_ct`];
              if (!subject || subject.erased_at) values[field.field] = { state: 'erased' };
              else if (typeof ciphertext !== 'string') values[field.field] = { state: 'absent' };
              else {
                const read = await keyring.readField(subject.dek_id, { table, column: `${field.field}_ct`, recordId }, ciphertext);
                values[field.field] = read.state === 'present' ? { state: 'revealed', value: read.value } : { state: 'erased' };
              }
            }
            out.push({ subjectId, table, recordId, values });
          }
        }
      }
      return out;
    },

    /**
     * Crypto-shredding: deletes the subject's data key from the key store (so every copy of its ciphertexts,
     * backups of the data store included, is unreadable), clears blind indexes in every registered table, and
     * records when, by whom and why.
     */
    async eraseSubject(subjectId: string, actor: Actor, reason: string, requestId?: string): Promise<boolean> {
      // The reason is a reference (a request number), kept in plaintext: it must not itself be personal data.
      assertNoIdentifiers([{ field: 'reason', text: reason }]);
      const subject = await subjectState(subjectId);
      if (!subject) throw new AppError('NOT_FOUND', 'unknown subject');
      if (subject.erased_at) return false;
      // Journaled once, when the key goes (a replay after a restore finds it gone already).
      if (await keyRepo.deleteDataKey(subject.dek_id)) {
        await keyRepo.recordErasure({
          id: newId(),
          kind: 'subject',
          subject_id: subjectId,
          account_id: null,
          reason_ref: reason,
          erased_at: now().toISOString(),
        });
      }
      keyring.forgetDataKey(subject.dek_id);
      deps.announceKeyEvent?.({ type: 'dek-destroyed', dekId: subject.dek_id });
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const table of new Set(PERSONAL_FIELDS.map((f) => f.table))) {
          const cleared: Record<string, null> = {};
          for (const f of PERSONAL_FIELDS.filter((x) => x.table === table && x.blindIndex)) cleared[`${f.field}_bidx`] = null;
          if (Object.keys(cleared).length) {
            await trx
              .updateTable(table as 'account_profiles')
              .set(cleared)
              .where('subject_id', '=', subjectId)
              .execute();
          }
        }
        await trx
          .updateTable('vault_subjects')
          .set({ erased_at: at, erased_by: actor.accountId, erasure_reason: reason })
          .where('subject_id', '=', subjectId)
          .execute();
        await audit.appendInTransaction(trx, {
          type: 'vault.subject_erased',
          actor: auditActor(actor),
          subjectId,
          fields: PERSONAL_FIELDS.map((f) => f.key),
          purpose: 'rights_request',
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { reasonRef: reason },
        });
      });
      return true;
    },

    /** Rotation: add a pending KEK, promote it (one transaction), reload; re-wrapping follows in a job. */
    async rotateKek(actor: AuditActor = { accountId: null, role: 'operator', sessionId: null }): Promise<string> {
      const { ring, added } = keyring.addKek(await keyRepo.store.listKeks());
      await keyRepo.saveKekRing(ring);
      await keyring.reloadKeks();
      await keyRepo.saveKekRing(promoteKek(ring, added.kekId));
      await keyring.reloadKeks();
      deps.announceKeyEvent?.({ type: 'kek-ring-changed' });
      await audit.append({ type: 'vault.kek_rotated', actor, decision: 'allowed', data: { kekId: added.kekId } });
      logger.info({ kekId: added.kekId }, 'key-encryption key rotated');
      return added.kekId;
    },

    /** Re-wraps data keys under the current KEK in batches; never sees or writes a plaintext field. */
    async rewrapDataKeys(batchSize = 500): Promise<number> {
      const ring = await keyRepo.store.listKeks();
      const current = ring.find((k) => k.status === 'current');
      if (!current) return 0;
      let total = 0;
      for (;;) {
        const rows = await keyRepo.listDataKeysNotUnder(current.kekId, batchSize);
        if (rows.length === 0) return total;
        for (const row of rows) {
          const record = await keyring.rewrapDataKey({ dekId: row.dek_id, kekId: row.kek_id, wrapped: row.wrapped });
          if (record && (await keyRepo.replaceWrapped(row.dek_id, row.kek_id, record))) total += 1;
        }
      }
    },

    /**
     * A data key for a listing's data room (documents, not a person's fields): erasing this subject crypto-shreds
     * every document sealed under it, backups included.
     */
    createDataRoomSubject(): Promise<Subject> {
      return createSubjectOfKind('data_room');
    },

    /**
     * Seals a file as it streams (AES-256-GCM in 64 KiB chunks, see crypto/file-cipher.ts), bound to `aad` =
     * "<table>.<column>:<record id>". The plaintext never rests anywhere: pipe an upload in, the sealed bytes out.
     */
    async sealFileStream(subject: Subject, aad: string): Promise<Transform> {
      return createFileSealer(await keyring.dataKey(subject.dekId), secretContext(aad));
    },

    /**
     * Opens a sealed file as it streams. The caller (the data room) records each view or download in the audit trail
     * before it asks: a document is not a registered personal field, so this is not a `reveal`. An erased subject's
     * files throw DATA_ERASED (410) before a byte is read.
     */
    async openFileStream(subjectId: string, aad: string): Promise<Transform> {
      const subject = await subjectState(subjectId);
      if (!subject || subject.erased_at) throw new AppError('DATA_ERASED', 'data room key erased');
      return createFileOpener(async (dekId) => {
        if (dekId !== subject.dek_id) throw new ErasedError(dekId);
        return keyring.dataKey(dekId);
      }, secretContext(aad));
    },

    /** Journals an account erased across modules (modules/lifecycle), in the key store beside the shredded keys. */
    async journalAccountErasure(accountId: string, reason: string): Promise<void> {
      await keyRepo.recordErasure({
        id: newId(),
        kind: 'account',
        subject_id: null,
        account_id: accountId,
        reason_ref: reason,
        erased_at: now().toISOString(),
      });
    },
    /** The erasure journal, oldest first (ids and reasons only). */
    erasureJournal: () => keyRepo.erasures(),

    /**
     * Seals a backup as it streams (the file cipher, 64 KiB chunks) under a key derived from the root key, bound to
     * `aad` ("backup.<part>:<header digest>"): a backup opens with the root key alone, and the data part cannot pass
     * for the key-store part or another backup's.
     */
    async sealBackupStream(aad: string): Promise<Transform> {
      return createFileSealer(await backupKey(), secretContext(aad));
    },
    async openBackupStream(aad: string): Promise<Transform> {
      const key = await backupKey();
      return createFileOpener(async (id) => {
        if (id !== key.id) throw new ErasedError(id);
        return key;
      }, secretContext(aad));
    },

    keyStatus: async () => ({ keks: await keyRepo.store.listKeks(), dataKeysByKek: await keyRepo.countByKek() }),
    forgetCachedKeys: () => keyring.forgetAll(),

    /** Applies another instance's announcement to this instance's caches. */
    async applyKeyEvent(event: VaultKeyEvent): Promise<void> {
      if (event.type === 'dek-destroyed') keyring.forgetDataKey(event.dekId);
      else await keyring.reloadKeks();
    },
  };
}
