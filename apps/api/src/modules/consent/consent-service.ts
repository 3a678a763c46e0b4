import type {
  ConsentKind,
  Purpose,
  TConsentDecisionRequest,
  TFeedbackRequest,
  TGuardDecisions,
  TMyConsents,
  TNotice,
  TNoticeList,
  TPendingConsents,
  TPrivacyCenter,
  TPublishNoticeRequest,
  TReceiptBody,
  TSignedReceipt,
  TWithdrawRequest,
  TInventoryItem,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { Vault } from '../vault/index.ts';
import {
  categoriesOf,
  consentKey,
  CONSENT_PURPOSES,
  findConsentPurpose,
  purposeKey,
  REFUSAL_COOLDOWN_DAYS,
  toContract,
  type ConsentPurposeDef,
} from './consent-purposes.ts';
import type { ConsentEventRow, ConsentRepo, NoticeRow } from './consent-repo.ts';
import { buildInventory, changedFields, RIGHTS, type LiveRecipients } from './notice-inventory.ts';
import type { ReceiptSigner } from './receipt-signing.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { loadChinaCalendar } from '../../platform/calendar/index.ts';
import type { DeliveryPort } from '../delivery/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { createTicketService } from './privacy-tickets.ts';

/** A change to rules or purposes takes effect no earlier than this after publication. */
export const NOTICE_CHANGE_NOTICE_DAYS = 7;
/** PRIVACY-LAW.md row 8: answer within 15 working days. */
export const TICKET_SLA_WORKING_DAYS = 15;
const DAY_MS = 86_400_000;

/** The personal-information protection officer (PIPL Art. 52), published in the privacy center. */
export const PRIVACY_OFFICER = {
  name: { 'zh-CN': '个人信息保护负责人（合规部）', en: 'Personal information protection officer (Compliance)' },
  email: 'privacy@sealbridge.example',
  address: {
    'zh-CN': '上海市浦东新区示例路 88 号 封桥合规部（邮编 200120）',
    en: 'Compliance, Sealbridge, 88 Example Road, Pudong, Shanghai 200120',
  },
};

export type GuardReason = 'allowed' | 'no_notice' | 'missing' | 'refused' | 'withdrawn' | 'purpose_changed';
export type GuardDecision = { allowed: boolean; reason: GuardReason; purposeVersion: number; kind: ConsentKind };

/** What other modules call before processing that rests on consent. */
export type ConsentGuard = {
  /** Throws CONSENT_REQUIRED (403, details name purpose, kind and reason) unless the account's consent is in force. */
  require: (accountId: string, purpose: Purpose, recipient?: string) => Promise<void>;
  check: (accountId: string, purpose: Purpose, recipient?: string) => Promise<GuardDecision>;
  checkMany: (asks: readonly { accountId: string; purpose: Purpose; recipient?: string }[]) => Promise<GuardDecision[]>;
};

const actorOf = (p: Pick<Principal, 'accountId' | 'roles' | 'sessionId'>): AuditActor => ({
  accountId: p.accountId,
  role: p.roles.join(',') || null,
  sessionId: p.sessionId,
});

function kindOfRecipient(recipient: string | undefined): ConsentKind | undefined {
  if (!recipient) return undefined;
  return recipient.startsWith('destination:') ? 'cross_border' : 'recipient';
}

export type ConsentService = ReturnType<typeof createConsentService>;

export function createConsentService(deps: {
  repo: ConsentRepo;
  audit: AuditPort;
  signer: ReceiptSigner;
  vault: Pick<Vault, 'createSubject' | 'findSubject' | 'sealFields' | 'maskFields' | 'reveal'>;
  /** The vault subject already holding the account's data (so erasure covers its tickets too). */
  subjectOfAccount?: (accountId: string) => Promise<string | undefined>;
  /**
   * Recipients other modules define (`inquiry:<id>`: the other party of a deal-path inquiry): whether this account
   * may name it for this purpose. Without it, only accounts and declared vendors can be named.
   */
  recipientAllowed?: (accountId: string, purpose: Purpose, recipient: string) => Promise<boolean>;
  /**
   * Third parties and recipients abroad as the vendors module registers them (live data): the privacy center lists
   * them, the 清单 names them, and a consent may name only them. Without it there are none.
   */
  recipients?: () => Promise<LiveRecipients>;
  /** The PRC working-day calendar for the ticket SLA clock (holidays and 调休); the bundled table without one. */
  calendar?: WorkingDayCalendar;
  /** Ticket replies: in-app notices to a signed-in sender, the delivery outbox for an anonymous sender's e-mail. */
  notifications?: NotificationsPort;
  delivery?: DeliveryPort;
  /** Active privacy officers (reminders and escalations before a ticket's deadline). */
  officers?: () => Promise<string[]>;
  /** The ticket answer clock in working days (default TICKET_SLA_WORKING_DAYS). */
  ticketSlaWorkingDays?: number;
  now?: () => Date;
}) {
  const { repo, signer, vault } = deps;
  const now = deps.now ?? (() => new Date());
  const live = async (): Promise<LiveRecipients> => (deps.recipients ? deps.recipients() : { thirdParties: [], crossBorder: [] });

  const noticeOf = (row: NoticeRow): TNotice => ({
    version: row.version,
    publishedAt: row.published_at,
    effectiveAt: row.effective_at,
    ruleChange: row.rule_change === 1,
    changedPurposes: JSON.parse(row.changed_purposes_json) as Purpose[],
    prose: { 'zh-CN': row.prose_zh, en: row.prose_en },
    inventory: JSON.parse(row.inventory_json) as TInventoryItem[],
    purposeVersions: JSON.parse(row.purpose_versions_json) as Record<string, number>,
    rights: [...RIGHTS],
  });
  const summaryOf = (row: NoticeRow) => {
    const n = noticeOf(row);
    return {
      version: n.version,
      publishedAt: n.publishedAt,
      effectiveAt: n.effectiveAt,
      ruleChange: n.ruleChange,
      changedPurposes: n.changedPurposes,
    };
  };

  const effective = async () => repo.effectiveNotice(now().toISOString());
  const versionIn = (notice: Pick<NoticeRow, 'purpose_versions_json'> | undefined, def: Pick<ConsentPurposeDef, 'kind' | 'purpose'>) =>
    notice ? ((JSON.parse(notice.purpose_versions_json) as Record<string, number>)[purposeKey(def)] ?? 1) : 1;

  function receiptOf(row: ConsentEventRow): TReceiptBody {
    return {
      type: 'sealbridge.consent-receipt',
      v: 1,
      receiptId: row.id,
      issuer: signer.issuer,
      keyId: signer.keyId,
      subject: row.account_id,
      purpose: row.purpose as Purpose,
      kind: row.kind as ConsentKind,
      recipient: row.recipient,
      categories: JSON.parse(row.categories_json) as TReceiptBody['categories'],
      decision: row.decision,
      at: row.at,
      channel: row.channel as TReceiptBody['channel'],
      uiTextHash: row.ui_text_hash,
      noticeVersion: row.notice_version,
      purposeVersion: row.purpose_version,
    };
  }

  async function decide(
    accountId: string,
    def: ConsentPurposeDef,
    recipient: string | null,
    decision: ConsentEventRow['decision'],
    meta: { channel: 'web' | 'console' | 'seed'; uiTextHash: string; noticeVersion: number; purposeVersion: number },
    actor: AuditActor,
    requestId?: string,
  ): Promise<TSignedReceipt> {
    const key = consentKey(def.kind, def.purpose, recipient);
    return repo.transaction(async (tx, trx) => {
      const last = await tx.latestEvent(accountId, key);
      const draft: Omit<ConsentEventRow, 'signature'> = {
        id: newId(),
        account_id: accountId,
        consent_key: key,
        purpose: def.purpose,
        kind: def.kind,
        recipient,
        categories_json: JSON.stringify(categoriesOf(def)),
        decision,
        at: now().toISOString(),
        channel: meta.channel,
        ui_text_hash: meta.uiTextHash,
        notice_version: meta.noticeVersion,
        purpose_version: meta.purposeVersion,
        seq: (last?.seq ?? 0) + 1,
      };
      const body = receiptOf({ ...draft, signature: '' });
      const signature = signer.sign(body);
      await tx.insertEvent({ ...draft, signature });
      await deps.audit.appendInTransaction(trx, {
        type: decision === 'withdrawn' ? 'consent.withdrawn' : 'consent.decided',
        actor,
        decision: 'allowed',
        purpose: def.purpose,
        requestId: requestId ?? null,
        data:
          decision === 'withdrawn'
            ? { purpose: def.purpose, kind: def.kind, recipient, receiptId: draft.id }
            : { purpose: def.purpose, kind: def.kind, decision, recipient, noticeVersion: meta.noticeVersion, receiptId: draft.id },
      });
      return { receipt: body, signature };
    });
  }

  async function validateRecipient(def: ConsentPurposeDef, recipient: string | undefined, accountId: string): Promise<string | null> {
    if (def.kind === 'general' || def.kind === 'sensitive') {
      if (recipient) throw new AppError('CONSENT_NOT_OFFERED', 'this purpose takes no recipient', { purpose: def.purpose, kind: def.kind });
      return null;
    }
    if (!recipient)
      throw new AppError('CONSENT_NOT_OFFERED', 'a separate consent must name its recipient', { purpose: def.purpose, kind: def.kind });
    const [type, id] = recipient.split(':') as [string, string];
    const known =
      def.kind === 'cross_border'
        ? type === 'destination' && (await live()).crossBorder.some((d) => d.code === id)
        : (type === 'account' && (await repo.accountExists(id))) ||
          (type === 'vendor' && (await live()).thirdParties.some((t) => t.id === id)) ||
          (type === 'inquiry' && (await deps.recipientAllowed?.(accountId, def.purpose, recipient)) === true);
    if (!known) throw new AppError('CONSENT_NOT_OFFERED', 'unknown or undeclared recipient', { purpose: def.purpose, kind: def.kind });
    return recipient;
  }

  function defFor(purpose: Purpose, recipient: string | undefined): ConsentPurposeDef {
    const kind = kindOfRecipient(recipient);
    const def = kind
      ? findConsentPurpose(purpose, kind)
      : (findConsentPurpose(purpose, 'sensitive') ?? findConsentPurpose(purpose, 'general'));
    if (!def) throw new AppError('INTERNAL', `the guard was called for ${purpose}, which does not rest on consent`);
    return def;
  }

  function decideFrom(
    def: ConsentPurposeDef,
    notice: Pick<NoticeRow, 'purpose_versions_json'> | undefined,
    last: Pick<ConsentEventRow, 'decision' | 'purpose_version'> | undefined,
  ): GuardDecision {
    const purposeVersion = versionIn(notice, def);
    if (!notice) return { allowed: false, reason: 'no_notice', purposeVersion, kind: def.kind };
    if (!last) return { allowed: false, reason: 'missing', purposeVersion, kind: def.kind };
    if (last.decision !== 'given') return { allowed: false, reason: last.decision, purposeVersion, kind: def.kind };
    if (last.purpose_version < purposeVersion) return { allowed: false, reason: 'purpose_changed', purposeVersion, kind: def.kind };
    return { allowed: true, reason: 'allowed', purposeVersion, kind: def.kind };
  }

  async function check(accountId: string, purpose: Purpose, recipient?: string): Promise<GuardDecision> {
    const def = defFor(purpose, recipient);
    const notice = await repo.effectiveNoticeVersions(now().toISOString());
    return decideFrom(
      def,
      notice,
      notice ? await repo.latestEvent(accountId, consentKey(def.kind, purpose, recipient ?? null)) : undefined,
    );
  }

  /** Several answers at once: the notice read once and the ledger in one query (the disclosure path asks three). */
  async function checkMany(asks: readonly { accountId: string; purpose: Purpose; recipient?: string }[]): Promise<GuardDecision[]> {
    const defs = asks.map((a) => defFor(a.purpose, a.recipient));
    const notice = await repo.effectiveNoticeVersions(now().toISOString());
    const keys = asks.map((a, i) => ({
      accountId: a.accountId,
      key: consentKey(defs[i]?.kind ?? 'general', a.purpose, a.recipient ?? null),
    }));
    const latest = notice ? await repo.latestEvents(keys) : [];
    return asks.map((_a, i) =>
      decideFrom(
        defs[i] as ConsentPurposeDef,
        notice,
        latest.find((e) => e.account_id === keys[i]?.accountId && e.consent_key === keys[i]?.key),
      ),
    );
  }

  const guard: ConsentGuard = {
    check,
    checkMany,
    async require(accountId, purpose, recipient) {
      const decision = await check(accountId, purpose, recipient);
      if (decision.allowed) return;
      await deps.audit.append({
        type: 'consent.guard_refused',
        actor: { accountId: null, role: 'system', sessionId: null },
        decision: 'denied',
        purpose,
        data: { purpose, kind: decision.kind, reason: decision.reason, accountId },
      });
      throw new AppError('CONSENT_REQUIRED', `no consent in force for ${purpose}`, {
        purpose,
        kind: decision.kind,
        reason: decision.reason,
        ...(recipient ? { recipient } : {}),
      });
    },
  };

  /** Draft of the next notice: the current prose, the 清单 as the registry has it now, and what changed. */
  async function draftNotice() {
    const latest = await repo.latestNotice();
    const inventory = buildInventory(await live());
    const changed = latest ? changedFields(JSON.parse(latest.inventory_json) as TInventoryItem[], inventory) : [];
    const changedPurposes = [...new Set(CONSENT_PURPOSES.filter((d) => d.fields.some((f) => changed.includes(f))).map((d) => d.purpose))];
    return {
      prose: latest ? { 'zh-CN': latest.prose_zh, en: latest.prose_en } : { 'zh-CN': '', en: '' },
      inventory,
      ruleChange: changed.length > 0,
      changedPurposes,
      changedFields: changed,
    };
  }

  async function publishNotice(input: TPublishNoticeRequest, publishedBy: Principal | null, requestId?: string): Promise<TNotice> {
    // The notice is stored and published as written: no one's identifier in it, except the officer's published address.
    assertNoIdentifiers(
      [
        { field: 'prose.zh-CN', text: input.prose['zh-CN'] },
        { field: 'prose.en', text: input.prose.en },
      ],
      { allowedEmails: [PRIVACY_OFFICER.email] },
    );
    const at = now();
    const effectiveAt = new Date(input.effectiveAt);
    const draft = await draftNotice();
    const latest = await repo.latestNotice();
    const changedPurposes = [...new Set([...draft.changedPurposes, ...input.changedPurposes])].sort() as Purpose[];
    const ruleChange = latest !== undefined && (draft.ruleChange || changedPurposes.length > 0);
    if (effectiveAt.getTime() < at.getTime() - 60_000)
      throw new AppError('VALIDATION_FAILED', 'effective date in the past', { fields: ['effectiveAt'] });
    if (ruleChange && effectiveAt.getTime() < at.getTime() + NOTICE_CHANGE_NOTICE_DAYS * DAY_MS) {
      throw new AppError('NOTICE_EFFECTIVE_TOO_SOON', 'a change to rules or purposes needs 7 days of notice', {
        minimumDays: NOTICE_CHANGE_NOTICE_DAYS,
        earliestEffectiveAt: new Date(at.getTime() + NOTICE_CHANGE_NOTICE_DAYS * DAY_MS).toISOString(),
        changedPurposes,
        changedFields: draft.changedFields,
      });
    }
    if (latest && effectiveAt.toISOString() < latest.effective_at)
      throw new AppError('VALIDATION_FAILED', 'a later version cannot take effect before an earlier one', { fields: ['effectiveAt'] });
    const previousVersions = latest ? (JSON.parse(latest.purpose_versions_json) as Record<string, number>) : {};
    const purposeVersions = Object.fromEntries(
      CONSENT_PURPOSES.map((d) => {
        const k = purposeKey(d);
        const before = previousVersions[k] ?? 1;
        return [k, latest && changedPurposes.includes(d.purpose) ? before + 1 : before];
      }),
    );
    const row: NoticeRow = {
      version: (latest?.version ?? 0) + 1,
      published_at: at.toISOString(),
      effective_at: effectiveAt.toISOString(),
      published_by: publishedBy?.accountId ?? null,
      prose_zh: input.prose['zh-CN'],
      prose_en: input.prose.en,
      inventory_json: JSON.stringify(draft.inventory),
      purpose_versions_json: JSON.stringify(purposeVersions),
      changed_purposes_json: JSON.stringify(ruleChange ? changedPurposes : []),
      rule_change: ruleChange ? 1 : 0,
    };
    await repo.transaction(async (tx, trx) => {
      await tx.insertNotice(row);
      await deps.audit.appendInTransaction(trx, {
        type: 'consent.notice_published',
        actor: publishedBy ? actorOf(publishedBy) : { accountId: null, role: 'system', sessionId: null },
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { version: row.version, effectiveAt: row.effective_at, ruleChange, changedPurposes: ruleChange ? changedPurposes : [] },
      });
    });
    return noticeOf(row);
  }

  const tickets = createTicketService({
    repo,
    audit: deps.audit,
    vault,
    calendar: deps.calendar ?? loadChinaCalendar(),
    ...(deps.subjectOfAccount ? { subjectOfAccount: deps.subjectOfAccount } : {}),
    ...(deps.notifications ? { notifications: deps.notifications } : {}),
    ...(deps.delivery ? { delivery: deps.delivery } : {}),
    ...(deps.officers ? { officers: deps.officers } : {}),
    ...(deps.ticketSlaWorkingDays ? { slaWorkingDays: deps.ticketSlaWorkingDays } : {}),
    now,
  });

  return {
    guard,

    async center(): Promise<TPrivacyCenter> {
      const [notice, recipients] = await Promise.all([effective(), live()]);
      return {
        officer: PRIVACY_OFFICER,
        thirdParties: recipients.thirdParties,
        crossBorder: recipients.crossBorder,
        purposes: CONSENT_PURPOSES.map((d) => toContract(d, versionIn(notice, d))),
        refusalCooldownDays: REFUSAL_COOLDOWN_DAYS,
        ticketSlaWorkingDays: tickets.slaWorkingDays,
      };
    },

    async listNotices(): Promise<TNoticeList> {
      const rows = await repo.listNotices();
      const current = await effective();
      return { current: current?.version ?? null, versions: rows.map(summaryOf) };
    },

    async currentNotice(): Promise<TNotice> {
      const row = await effective();
      if (!row) throw new AppError('NOTICE_NOT_PUBLISHED');
      return noticeOf(row);
    },

    async notice(version: number): Promise<TNotice> {
      const row = await repo.findNotice(version);
      if (!row) throw new AppError('NOT_FOUND');
      return noticeOf(row);
    },

    draftNotice,
    publishNotice,

    /** A customer's decision on one purpose, against the notice version they read. */
    async decide(
      principal: Principal,
      input: TConsentDecisionRequest,
      channel: 'web' | 'seed' = 'web',
      requestId?: string,
    ): Promise<TSignedReceipt> {
      const def = findConsentPurpose(input.purpose, input.kind);
      if (!def) throw new AppError('CONSENT_NOT_OFFERED', 'no such consent purpose', { purpose: input.purpose, kind: input.kind });
      const recipient = await validateRecipient(def, input.recipient, principal.accountId);
      const notice = await effective();
      if (!notice) throw new AppError('NOTICE_NOT_PUBLISHED');
      if (notice.version !== input.noticeVersion)
        throw new AppError('NOTICE_VERSION_STALE', 'consent to a notice that is not current', { current: notice.version });
      return decide(
        principal.accountId,
        def,
        recipient,
        input.decision,
        { channel, uiTextHash: input.uiTextHash, noticeVersion: notice.version, purposeVersion: versionIn(notice, def) },
        actorOf(principal),
        requestId,
      );
    },

    /**
     * A consent given on a form of another module (the real-name form's separate consent): recorded in the ledger
     * against the current notice with the hash of the statement the person saw. False when no notice is published.
     */
    async recordFormConsent(
      principal: Principal,
      purpose: Purpose,
      kind: 'general' | 'sensitive',
      uiTextHash: string,
      requestId?: string,
    ): Promise<boolean> {
      const def = findConsentPurpose(purpose, kind);
      if (!def) throw new AppError('CONSENT_NOT_OFFERED', 'no such consent purpose', { purpose, kind });
      const notice = await effective();
      if (!notice) return false;
      await decide(
        principal.accountId,
        def,
        null,
        'given',
        { channel: 'web', uiTextHash, noticeVersion: notice.version, purposeVersion: versionIn(notice, def) },
        actorOf(principal),
        requestId,
      );
      return true;
    },

    /** One-click withdrawal: needs nothing but the purpose; refused (CONFLICT) when nothing is in force. */
    async withdraw(principal: Principal, input: TWithdrawRequest, requestId?: string): Promise<TSignedReceipt> {
      const def = findConsentPurpose(input.purpose, input.kind);
      if (!def) throw new AppError('CONSENT_NOT_OFFERED', 'no such consent purpose', { purpose: input.purpose, kind: input.kind });
      const recipient = input.recipient ?? null;
      const last = await repo.latestEvent(principal.accountId, consentKey(def.kind, def.purpose, recipient));
      if (!last || last.decision !== 'given')
        throw new AppError('CONFLICT', 'no consent to withdraw', { purpose: input.purpose, kind: input.kind });
      const notice = await effective();
      return decide(
        principal.accountId,
        def,
        recipient,
        'withdrawn',
        {
          channel: 'web',
          uiTextHash: last.ui_text_hash,
          noticeVersion: notice?.version ?? last.notice_version,
          purposeVersion: last.purpose_version,
        },
        actorOf(principal),
        requestId,
      );
    },

    async mine(accountId: string): Promise<TMyConsents> {
      const events = await repo.eventsOf(accountId);
      const notice = await effective();
      const latest = new Map<string, ConsentEventRow>();
      for (const e of events) {
        const prev = latest.get(e.consent_key);
        if (!prev || prev.seq < e.seq) latest.set(e.consent_key, e);
      }
      return {
        consents: [...latest.values()].map((e) => {
          const def = findConsentPurpose(e.purpose as Purpose, e.kind as ConsentKind);
          return {
            purpose: e.purpose as Purpose,
            kind: e.kind as ConsentKind,
            recipient: e.recipient,
            decision: e.decision,
            at: e.at,
            noticeVersion: e.notice_version,
            purposeVersion: e.purpose_version,
            current: def ? e.purpose_version >= versionIn(notice, def) : false,
            receiptId: e.id,
          };
        }),
        receipts: events.map(receiptOf).reverse(),
      };
    },

    async receipt(accountId: string, receiptId: string): Promise<TSignedReceipt> {
      const row = await repo.findEvent(accountId, receiptId);
      if (!row) throw new AppError('NOT_FOUND');
      return { receipt: receiptOf(row), signature: row.signature };
    },

    /** What to ask at the next visit: never asked, purpose changed since, or a refusal whose cool-down is over. */
    async pending(accountId: string): Promise<TPendingConsents> {
      const notice = await effective();
      if (!notice) return { noticeVersion: null, pending: [] };
      const at = now().getTime();
      const events = await repo.eventsOf(accountId);
      const latest = new Map<string, ConsentEventRow>();
      for (const e of events) if ((latest.get(e.consent_key)?.seq ?? 0) < e.seq) latest.set(e.consent_key, e);
      const pending: TPendingConsents['pending'] = [];
      for (const def of CONSENT_PURPOSES.filter((d) => d.kind === 'general' || d.kind === 'sensitive')) {
        const last = latest.get(consentKey(def.kind, def.purpose, null));
        if (!last) pending.push({ purpose: def.purpose, kind: def.kind, recipient: null, reason: 'never_asked' });
        else if (last.decision === 'given' && last.purpose_version < versionIn(notice, def))
          pending.push({ purpose: def.purpose, kind: def.kind, recipient: null, reason: 'purpose_changed' });
        else if (last.decision === 'refused' && at - new Date(last.at).getTime() >= REFUSAL_COOLDOWN_DAYS * DAY_MS)
          pending.push({ purpose: def.purpose, kind: def.kind, recipient: null, reason: 'cooldown_over' });
      }
      // Separate consents to a named recipient given to an older purpose version are asked again too.
      for (const e of latest.values()) {
        const def = findConsentPurpose(e.purpose as Purpose, e.kind as ConsentKind);
        if (def && e.recipient && e.decision === 'given' && e.purpose_version < versionIn(notice, def)) {
          pending.push({ purpose: def.purpose, kind: def.kind, recipient: e.recipient, reason: 'purpose_changed' });
        }
      }
      return { noticeVersion: notice.version, pending };
    },

    /** The guard's current answer for each of the account's consent purposes (and named recipients). */
    async decisions(accountId: string): Promise<TGuardDecisions> {
      const out: TGuardDecisions['decisions'] = [];
      for (const def of CONSENT_PURPOSES.filter((d) => d.kind === 'general' || d.kind === 'sensitive')) {
        const d = await check(accountId, def.purpose);
        out.push({ purpose: def.purpose, kind: def.kind, recipient: null, allowed: d.allowed, reason: d.reason });
      }
      const recipients = new Set((await repo.eventsOf(accountId)).filter((e) => e.recipient).map((e) => `${e.purpose}|${e.recipient}`));
      for (const pair of recipients) {
        const [purpose, recipient] = pair.split('|') as [Purpose, string];
        const d = await check(accountId, purpose, recipient);
        out.push({ purpose, kind: d.kind, recipient, allowed: d.allowed, reason: d.reason });
      }
      return { decisions: out };
    },

    verifyReceipt: (receipt: TSignedReceipt) => ({ valid: signer.verify(receipt.receipt, receipt.signature) }),
    receiptKey: () => signer.published(),

    /** Feedback (anyone) or a rights request (signed in): the text is sealed; the SLA clock starts now. */
    openTicket: (principal: Principal | undefined, kind: 'feedback' | 'rights_request', input: TFeedbackRequest, requestId?: string) =>
      tickets.open(principal, kind, input, requestId),
    listTickets: () => tickets.list(),
    /** The officer reads a ticket's text: an audited reveal through the vault. */
    revealTicket: (principal: Principal, id: string, requestId?: string) => tickets.reveal(principal, id, requestId),
    closeTicket: (principal: Principal, id: string, requestId?: string) => tickets.close(principal, id, requestId),
    /** Answering like rights requests (privacy-tickets.ts): answer, refuse, extend, the sender's view, the clock job. */
    tickets,
  };
}
