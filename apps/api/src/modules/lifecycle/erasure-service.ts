import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { AuditPort } from '../audit/index.ts';
import { ERASED_TEXT, fieldsOfTable, PERSONAL_DATA_COPIES, type Actor, type PersonalDataCopy, type Vault } from '../vault/index.ts';

/** What one erasure did, per declared copy: rows whose keys were shredded, anonymized, deleted, or kept (and why). */
export type ErasureReport = {
  accountId: string;
  subjectsShredded: number;
  copies: { module: string; table: string; action: PersonalDataCopy['action']; rows: number; reason?: string }[];
};

export type ErasureService = ReturnType<typeof createErasureService>;

/**
 * The record key of a declared copy: its `id`, or for a table keyed by two columns (`keyColumns`) the two joined by
 * a space (the same text on SQLite and PostgreSQL). `alias` qualifies the columns (the retention scan's `t`).
 */
export function recordKeyOf(copy: PersonalDataCopy, alias?: string) {
  const ref = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  return copy.keyColumns ? sql<string>`(${ref(copy.keyColumns[0])} || ' ' || ${ref(copy.keyColumns[1])})` : sql<string>`${ref('id')}`;
}

/**
 * Erasure of a person across every module (issue 14 item 2), generated from the vault's PERSONAL_DATA_COPIES: a module
 * that declares a copy is covered without code here. The rights module's deletion right calls `eraseAccount`.
 *
 * Order matters: copies found by contact (the delivery outbox) are matched through the profile's own ciphertexts, so
 * they are found before the profile's key goes; every key is shredded before any plain text is anonymized, and the
 * report is audited last (one `lifecycle.account_erased` event with counts, never a value).
 */
export function createErasureService(deps: {
  db: Kysely<Database>;
  vault: Pick<Vault, 'eraseSubject' | 'copiesOf' | 'findSubject' | 'journalAccountErasure' | 'erasureJournal'>;
  audit: AuditPort;
  copies?: readonly PersonalDataCopy[];
}) {
  const { db, vault } = deps;
  const copies = deps.copies ?? PERSONAL_DATA_COPIES;
  // Table names come from the declarations only (code, not input): the dynamic queries below are typed loosely.
  const loose = db as unknown as Kysely<Record<string, Record<string, string | null>>>;

  /** Subject ids holding the person's copy in one declared table. */
  async function subjectsOf(copy: PersonalDataCopy, accountId: string, profile: Record<string, string | null> | undefined) {
    const subjectColumn = copy.subjectColumn;
    if (!subjectColumn) return [];
    if (copy.byContact) {
      if (!profile) return [];
      const found: string[] = [];
      for (const [channel, targetKey] of Object.entries(copy.byContact)) {
        const source = { recordId: accountId, subjectId: profile['subject_id'] ?? '', ciphertext: profile[`${channel}_ct`] ?? null };
        const matches = await vault.copiesOf(`account_profiles.${channel}`, source, targetKey, async (index) =>
          (
            await loose
              .selectFrom(copy.table)
              .select(['id', subjectColumn, `${channel}_ct`])
              .where(`${channel}_bidx`, '=', index)
              .execute()
          ).map((r) => ({ recordId: r['id'] ?? '', subjectId: r[subjectColumn] ?? '', ciphertext: r[`${channel}_ct`] ?? null })),
        );
        found.push(...matches.map((m) => m.subjectId));
      }
      return found;
    }
    if (!copy.accountColumn) return [];
    const rows = await loose
      .selectFrom(copy.table)
      .select(subjectColumn)
      .distinct()
      .where(copy.accountColumn, '=', accountId)
      .where(subjectColumn, 'is not', null)
      .execute();
    return rows.map((r) => r[subjectColumn] ?? '').filter((id) => id.length > 0);
  }

  async function countRows(copy: PersonalDataCopy, accountId: string): Promise<number> {
    if (!copy.accountColumn) return 0;
    const row = await loose
      .selectFrom(copy.table)
      .select(sql<string>`count(*)`.as('n'))
      .where(copy.accountColumn, '=', accountId)
      .executeTakeFirst();
    return Number(row?.['n'] ?? 0);
  }

  /** Of `subjectIds`, those some row outside `exceptIds` of `copy.table`, or any other declared table, still uses. */
  async function sharedSubjects(copy: PersonalDataCopy, subjectIds: string[], exceptIds: Set<string>): Promise<Set<string>> {
    const shared = new Set<string>();
    const tables = [
      { table: 'account_profiles', column: 'subject_id' },
      ...copies.filter((c) => c.subjectColumn).map((c) => ({ table: c.table, column: c.subjectColumn ?? '' })),
    ];
    for (let i = 0; i < subjectIds.length; i += 500) {
      const chunk = subjectIds.slice(i, i + 500);
      for (const { table, column } of tables) {
        const rows = await loose
          .selectFrom(table)
          .select(table === copy.table ? [recordKeyOf(copy).as('id'), column] : [column])
          .where(column, 'in', chunk)
          .execute();
        for (const r of rows) if (table !== copy.table || !exceptIds.has(r['id'] ?? '')) shared.add(r[column] ?? '');
      }
    }
    return shared;
  }

  const service = {
    /** The copies declared for erasure, for the rights module's export and the privacy officer's page. */
    declaredCopies: () => copies,

    /** Subjects holding one account's copy in a declared table (a legal hold protects them from the retention job). */
    async subjectsOfAccountIn(copy: PersonalDataCopy, accountId: string): Promise<string[]> {
      const profile = (await loose.selectFrom('account_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst()) as
        Record<string, string | null> | undefined;
      return subjectsOf(copy, accountId, profile);
    },

    /**
     * Retention (issue 14 item 6): destroys named records of one declared copy past their ceiling, as erasure would.
     * `shred`: a subject used only by these records loses its data key; records sealed under a subject others still
     * use (the person's own key) lose their ciphertexts and blind indexes instead. `anonymize`: the free text is
     * replaced; `delete`: the rows go. Returns how many records were destroyed. Never decides what is due: the caller
     * (modules/retention) checks ceilings, floors and holds.
     */
    async eraseRecords(copy: PersonalDataCopy, records: { id: string; subjectId: string | null }[], actor: Actor, reason: string) {
      if (!records.length || copy.action === 'retain') return 0;
      const ids = records.map((r) => r.id);
      const inChunks = async (run: (chunk: string[]) => Promise<unknown>) => {
        for (let i = 0; i < ids.length; i += 500) await run(ids.slice(i, i + 500));
      };
      const key = recordKeyOf(copy);
      if (copy.action === 'delete') await inChunks((chunk) => loose.deleteFrom(copy.table).where(key, 'in', chunk).execute());
      else if (copy.action === 'anonymize' && copy.textColumns?.length) {
        const set = Object.fromEntries(copy.textColumns.map((c) => [c, ERASED_TEXT]));
        await inChunks((chunk) => loose.updateTable(copy.table).set(set).where(key, 'in', chunk).execute());
      } else if (copy.action === 'shred') {
        const subjects = [...new Set(records.map((r) => r.subjectId).filter((s): s is string => Boolean(s)))];
        const shared = await sharedSubjects(copy, subjects, new Set(ids));
        for (const subjectId of subjects.filter((s) => !shared.has(s))) await vault.eraseSubject(subjectId, actor, reason);
        const cleared: Record<string, null> = {};
        for (const f of fieldsOfTable(copy.table)) {
          cleared[`${f.field}_ct`] = null;
          if (f.blindIndex) cleared[`${f.field}_bidx`] = null;
        }
        const sharedIds = records.filter((r) => r.subjectId && shared.has(r.subjectId)).map((r) => r.id);
        for (let i = 0; i < sharedIds.length && Object.keys(cleared).length; i += 500) {
          await loose
            .updateTable(copy.table)
            .set(cleared)
            .where(key, 'in', sharedIds.slice(i, i + 500))
            .execute();
        }
      }
      return records.length;
    },

    /**
     * Erases one person everywhere: shreds the data keys of every sealed copy, anonymizes or deletes plain copies, and
     * records the report. Idempotent: a second call finds the keys gone and the text replaced.
     */
    async eraseAccount(
      accountId: string,
      actor: Actor,
      reason: string,
      requestId?: string,
      options: { journal?: boolean } = {},
    ): Promise<ErasureReport> {
      const profile = (await loose.selectFrom('account_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst()) as
        Record<string, string | null> | undefined;
      const account = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
      if (!account && !profile) throw new AppError('NOT_FOUND', 'unknown account');
      const report: ErasureReport = { accountId, subjectsShredded: 0, copies: [] };
      // 1. Find every sealed copy first (contact matches need the profile's key), then shred the keys.
      const toShred = new Map<string, PersonalDataCopy>();
      for (const copy of copies.filter((c) => c.action === 'shred')) {
        const ids = await subjectsOf(copy, accountId, profile);
        for (const id of ids) toShred.set(id, copy);
        report.copies.push({ module: copy.module, table: copy.table, action: 'shred', rows: ids.length });
      }
      // The profile's own subject last: the others were matched through it.
      const ordered = [...toShred.keys()].sort((a, b) => Number(a === profile?.['subject_id']) - Number(b === profile?.['subject_id']));
      for (const subjectId of ordered) {
        if (await vault.eraseSubject(subjectId, actor, reason, requestId)) report.subjectsShredded += 1;
      }
      // 2. Plain copies: free text replaced in records others rely on; rows that only serve the person removed.
      for (const copy of copies.filter((c) => c.action === 'anonymize' || c.action === 'delete')) {
        if (!copy.accountColumn) continue;
        const rows = await countRows(copy, accountId);
        if (copy.action === 'delete') await loose.deleteFrom(copy.table).where(copy.accountColumn, '=', accountId).execute();
        else if (copy.textColumns?.length) {
          const set = Object.fromEntries(copy.textColumns.map((c) => [c, ERASED_TEXT]));
          await loose.updateTable(copy.table).set(set).where(copy.accountColumn, '=', accountId).execute();
        }
        report.copies.push({ module: copy.module, table: copy.table, action: copy.action, rows });
      }
      for (const copy of copies.filter((c) => c.action === 'retain')) {
        report.copies.push({
          module: copy.module,
          table: copy.table,
          action: 'retain',
          rows: 0,
          ...(copy.reason ? { reason: copy.reason } : {}),
        });
      }
      if (options.journal !== false) await vault.journalAccountErasure(accountId, reason);
      await deps.audit.append({
        type: 'lifecycle.account_erased',
        actor: { accountId: actor.accountId, role: actor.roles.join(',') || null, sessionId: actor.sessionId ?? null },
        decision: 'allowed',
        purpose: 'rights_request',
        subjectId: profile?.['subject_id'] ?? null,
        requestId: requestId ?? null,
        data: {
          reasonRef: reason,
          subjectsShredded: report.subjectsShredded,
          copies: report.copies.map((c) => ({ table: c.table, action: c.action, rows: c.rows })),
        },
      });
      return report;
    },

    /**
     * After a restore: replays the key store's erasure journal over the restored data store, so a person erased after
     * the backup stays erased. Shredded subjects are marked erased (their keys are already gone from the key store,
     * which is never overwritten by an older copy), and erased accounts have their plain copies anonymized again.
     */
    async replayJournal(actor: Actor): Promise<{ subjects: number; accounts: number }> {
      let subjects = 0;
      let accounts = 0;
      for (const entry of await vault.erasureJournal()) {
        if (entry.kind === 'subject' && entry.subject_id) {
          const known = await vault.findSubject(entry.subject_id);
          if (known && !known.erased && (await vault.eraseSubject(entry.subject_id, actor, entry.reason_ref))) subjects += 1;
        } else if (entry.kind === 'account' && entry.account_id) {
          const exists = await db.selectFrom('accounts').select('id').where('id', '=', entry.account_id).executeTakeFirst();
          if (exists) {
            await service.eraseAccount(entry.account_id, actor, entry.reason_ref, undefined, { journal: false });
            accounts += 1;
          }
        }
      }
      return { subjects, accounts };
    },
  };
  return service;
}
