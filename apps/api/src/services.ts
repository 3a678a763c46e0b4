import { redact } from '@sealbridge/cn-identifiers';
import type { TAuditSearchQuery } from '@sealbridge/contracts';
import type { Config } from './platform/config/index.ts';
import type { DatabaseHandle } from './platform/db/index.ts';
import type { JobRunner } from './platform/jobs/index.ts';
import { registerLogScrubber, type Logger } from './platform/logger/index.ts';
import type { PubSub } from './platform/pubsub/index.ts';
import { loadChinaCalendar } from './platform/calendar/index.ts';
import type { Database, KeyDatabase } from './db/schema.ts';
import {
  AUDIT_EVENTS,
  createAuditEventRegistry,
  createAuditLog,
  createAuditRepo,
  createAuditService,
  openAuditSigningKey,
  fixAuditOrigin,
  createAuditWitnesses,
  parseCosignerVkey,
} from './modules/audit/index.ts';
import {
  createContactDirectory,
  createIdentityRepo,
  createIdentityService,
  createLoginThrottle,
  createLoginThrottleRepo,
  createMemoryAttemptLimiter,
  createRedisAttemptLimiter,
  createRegistrationRepo,
  createRegistrationService,
  IDENTITY_AUDIT_EVENTS,
  createRedisSessionCache,
  normalizeContact,
  type AttemptLimiter,
  type RedisEval,
  type RedisKeyValue,
} from './modules/identity/index.ts';
import { createFactorsRepo, createFactorsService, FACTORS_AUDIT_EVENTS, relyingPartyFrom } from './modules/factors/index.ts';
import { createDeliveryOutbox, createDeliveryRepo, DISPATCH_JOB, type DeliveryTransport } from './modules/delivery/index.ts';
import { createVendorsRepo, createVendorsService, gatedDeliveryTransports, VENDORS_AUDIT_EVENTS } from './modules/vendors/index.ts';
import { createDisputesRepo, createDisputesService, DISPUTES_AUDIT_EVENTS } from './modules/disputes/index.ts';
import { createEducationRepo, createEducationService, EDUCATION_AUDIT_EVENTS } from './modules/education/index.ts';
import { createTransparencyRepo, createTransparencyService, TRANSPARENCY_AUDIT_EVENTS } from './modules/transparency/index.ts';
import { createCompanyReveal, createListingsRepo, createListingsService, LISTINGS_AUDIT_EVENTS } from './modules/listings/index.ts';
import { createProfilesRepo, createProfilesService, PROFILES_AUDIT_EVENTS } from './modules/profiles/index.ts';
import {
  CONSENT_AUDIT_EVENTS,
  CONSENT_PURPOSES,
  createConsentGate,
  createConsentRepo,
  createConsentService,
  receiptSignerFrom,
} from './modules/consent/index.ts';
import { createVault, keyProviderFor, PERSONAL_FIELDS, VAULT_AUDIT_EVENTS, type VaultKeyEvent } from './modules/vault/index.ts';
import {
  createManualBrokerReviewProvider,
  createVerificationRepo,
  createVerificationService,
  VERIFICATION_AUDIT_EVENTS,
} from './modules/verification/index.ts';
import { createRevealGate, createStaffRepo, createStaffService, STAFF_AUDIT_EVENTS } from './modules/staff/index.ts';
import { createErasureService, LIFECYCLE_AUDIT_EVENTS } from './modules/lifecycle/index.ts';
import { certificateSignerFrom, createRetentionRepo, createRetentionService, RETENTION_AUDIT_EVENTS } from './modules/retention/index.ts';
import { createNotificationsRepo, createNotificationsService, NOTIFICATIONS_AUDIT_EVENTS } from './modules/notifications/index.ts';
import { createSecurityService, SECURITY_AUDIT_EVENTS } from './modules/security/index.ts';
import { ADVISERS_AUDIT_EVENTS, createAdvisersRepo, createAdvisersService } from './modules/advisers/index.ts';
import { createDisclosureRepo, createDisclosureService, DISCLOSURE_AUDIT_EVENTS, ndaSignerFrom } from './modules/disclosure/index.ts';
import {
  createMemoryPresence,
  createMessageBus,
  createMessagingRepo,
  createMessagingService,
  createRedisPresence,
  MESSAGING_AUDIT_EVENTS,
} from './modules/messaging/index.ts';
import { createLocalPubSub } from './platform/pubsub/index.ts';
import { createDealsRepo, createDealsService, DEALS_AUDIT_EVENTS } from './modules/deals/index.ts';
import { createRightsRepo, createRightsService, RIGHTS_AUDIT_EVENTS } from './modules/rights/index.ts';
import { createListingsDealLock } from './modules/listings/index.ts';
import { join } from 'node:path';
import {
  createDatabaseBlobStore,
  createDataroomService,
  createFsBlobStore,
  createOfficeConverter,
  createS3BlobStore,
  DATAROOM_AUDIT_EVENTS,
} from './modules/dataroom/index.ts';

const VAULT_KEY_EVENTS = 'sealbridge:vault-key-events';
/** Attempts of one e-mail hand-off before the message is settled as failed. */
const DISPATCH_ATTEMPTS = 6;

/** Fields whose reveal right after a sign-in from a new device is alerted: sensitive ones and identifiers. */
const SENSITIVE_OR_IDENTIFYING = new Set(PERSONAL_FIELDS.filter((f) => f.sensitivity === 'sensitive' || f.blindIndex).map((f) => f.key));

function scrubIdentifiers(text: string): string {
  return redact(text, { evasion: true }).text;
}

/** Every audit event type of every module, declared where the module lives. */
export const ALL_AUDIT_EVENTS = [
  ...AUDIT_EVENTS,
  ...VAULT_AUDIT_EVENTS,
  ...IDENTITY_AUDIT_EVENTS,
  ...PROFILES_AUDIT_EVENTS,
  ...FACTORS_AUDIT_EVENTS,
  ...CONSENT_AUDIT_EVENTS,
  ...VERIFICATION_AUDIT_EVENTS,
  ...STAFF_AUDIT_EVENTS,
  ...LISTINGS_AUDIT_EVENTS,
  ...NOTIFICATIONS_AUDIT_EVENTS,
  ...ADVISERS_AUDIT_EVENTS,
  ...DISCLOSURE_AUDIT_EVENTS,
  ...MESSAGING_AUDIT_EVENTS,
  ...DEALS_AUDIT_EVENTS,
  ...DATAROOM_AUDIT_EVENTS,
  ...RIGHTS_AUDIT_EVENTS,
  ...VENDORS_AUDIT_EVENTS,
  ...LIFECYCLE_AUDIT_EVENTS,
  ...SECURITY_AUDIT_EVENTS,
  ...RETENTION_AUDIT_EVENTS,
  ...DISPUTES_AUDIT_EVENTS,
  ...EDUCATION_AUDIT_EVENTS,
  ...TRANSPARENCY_AUDIT_EVENTS,
];

export type ServiceDeps = {
  config: Config;
  database: DatabaseHandle<Database>;
  keys: DatabaseHandle<KeyDatabase>;
  logger: Logger;
  jobs?: JobRunner;
  /** Shared counters for abuse limits and the session cache (REDIS_URL); without it they live in this process. */
  redis?: RedisEval & RedisKeyValue;
  /** Instance-to-instance messages (Redis pub/sub when REDIS_URL is set). */
  pubsub?: PubSub;
  /** Extra delivery transports (an SMS provider gateway; fakes in tests); SMTP comes from SMTP_URL. */
  deliveryTransports?: readonly DeliveryTransport[];
  /**
   * Reconcile the vendor register with this process's configured providers (register new ones, end the ones no
   * longer configured). Only the serving app does (app.ts): a CLI run has its own, often partial, configuration and
   * must not end a provider the running servers use.
   */
  reconcileConfiguredVendors?: boolean;
};

export type Services = Awaited<ReturnType<typeof createServices>>;

/** The composition root of the modules (routes are attached in app.ts). */
export async function createServices(deps: ServiceDeps) {
  const { config, database, logger } = deps;
  const db = database.db;
  // Identifiers that reach an error message are replaced by typed placeholders before it is logged.
  registerLogScrubber(scrubIdentifiers);

  // The log's name is fixed at first start and stored: verifiers need no PORT or PUBLIC_URL (modules/audit).
  const origin = await fixAuditOrigin(db, `${new URL(config.publicUrl).host}/sealbridge-audit`);
  const signingKey = await openAuditSigningKey({
    seedBase64: config.auditSigningKeyBase64,
    filePath: config.auditSigningKeyFile,
    dataDir: config.dataDir,
    keyName: origin,
  });
  const registry = createAuditEventRegistry(ALL_AUDIT_EVENTS);
  const auditLog = createAuditLog({
    db,
    dialect: database.dialect,
    logger,
    registry,
    signingKey,
    origin,
    exportDir: config.auditExportDir,
  });

  const staffRepo = createStaffRepo(db);
  const vault = await createVault({
    db,
    // No staff reveal before the confidentiality agreement and training; break_glass only under an active grant.
    revealGate: createRevealGate({ repo: staffRepo }),
    // Every reveal of a consent-based field but the subject's own asks the one consent guard (modules/consent).
    consentGate: (check) =>
      createConsentGate({
        guard: consent.guard,
        accountOfSubject: async (subjectId) =>
          (await db.selectFrom('account_profiles').select('account_id').where('subject_id', '=', subjectId).executeTakeFirst())?.account_id,
      })(check),
    keys: deps.keys.db,
    provider: keyProviderFor({ rootKeyBase64: config.rootKeyBase64, dataDir: config.dataDir }),
    logger,
    audit: auditLog,
    ...(deps.pubsub
      ? {
          announceKeyEvent: (event: VaultKeyEvent) =>
            void deps.pubsub
              ?.publish(VAULT_KEY_EVENTS, JSON.stringify(event))
              .catch((error: unknown) => logger.error({ err: error }, 'key event not announced')),
        }
      : {}),
  });
  // A data key destroyed or a KEK promoted on one instance is dropped from every other instance's caches at once.
  await deps.pubsub?.subscribe(VAULT_KEY_EVENTS, (message) => {
    void vault
      .applyKeyEvent(JSON.parse(message) as VaultKeyEvent)
      .catch((error: unknown) => logger.error({ err: error }, 'key event not applied'));
  });
  const identityRepo = createIdentityRepo(db);
  const registrationRepo = createRegistrationRepo(db);
  const contacts = createContactDirectory({ repo: registrationRepo, vault });
  const loginThrottle = createLoginThrottle({ repo: createLoginThrottleRepo(db), now: () => new Date() });
  // Second factors: TOTP secrets are sealed by the vault (the only code that decrypts). Identity signs an enrolled
  // account in in two steps and keeps a staff member without a factor in an enrolment-only session.
  const factors = createFactorsService({
    repo: createFactorsRepo(db),
    audit: auditLog,
    secretBox: { seal: (plaintext, aad) => vault.sealSecret(plaintext, aad), open: (sealed, aad) => vault.openSecret(sealed, aad) },
    accounts: {
      findAccount: async (id) => {
        const a = await identityRepo.findAccountById(id);
        return a && { accountNo: a.account_no, kind: a.kind, roles: a.roles.split(',').filter(Boolean) };
      },
    },
    relyingParty: relyingPartyFrom(config.publicUrl),
    passwordCheck: (accountId, password) => identity.checkPassword(accountId, password),
    // A half-signed-in session that proves its factor continues under a new token (identity rotates it).
    onFactorProven: ({ sessionId }) => identity.completeSecondFactor(sessionId),
  });

  const identity = createIdentityService({
    repo: identityRepo,
    onSessionStarted: (session) => factors.recordFreshAuthentication(session),
    secondFactor: (accountId) => factors.secondFactorStatus(accountId),
    audit: auditLog,
    contacts,
    lockout: { throttle: loginThrottle, digest: (name) => vault.keyedDigest('identity_login_name', name) },
    ...(deps.redis ? { cache: createRedisSessionCache(deps.redis) } : {}),
    onCacheError: (error) => logger.warn({ err: error }, 'session cache unavailable; reading the database'),
    deviceDigest: (accountId, deviceId) => vault.keyedDigest('identity_device', `${accountId}:${deviceId}`),
    notifyNewDevice: async ({ accountId, device, at }) => {
      const contact = await profiles.noticeAddress(accountId);
      const to = contact && normalizeContact(contact.channel, contact.address);
      if (!contact || !to) return false;
      const time = new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      await delivery.send({
        channel: contact.channel,
        to,
        template: 'new_device_sign_in',
        params: { time, device: [device.browser, device.os].filter(Boolean).join(' / ') || '未知设备' },
      });
      return true;
    },
  });
  // The PRC working-day calendar (holidays, 调休) for every clock counted in working days; DATA_DIR may override years.
  const calendar = loadChinaCalendar({ dataDir: config.dataDir });
  // Third parties (issue 17): every outbound transfer passes the sharing gateway — the delivery transports too, which
  // reach the outbox only wrapped by it. The providers they stand for are registered from configuration.
  const vendors = createVendorsService({
    repo: createVendorsRepo(db),
    audit: auditLog,
    calendar,
    consent: (accountId, purpose, recipient) => consent.guard.check(accountId, purpose, recipient),
    digest: (value) => vault.keyedDigest('sharing_subject', value),
    privacyOfficers: async () =>
      (await staffRepo.listStaffAccounts())
        .filter((a) => a.status === 'active' && a.roles.split(',').includes('privacy_officer'))
        .map((a) => a.id),
    notifications: { notifyMany: (inputs) => notifications.notifyMany(inputs) },
    probes: {
      notice: async () => {
        const notice = await consent.currentNotice().catch(() => null);
        if (!notice) return null;
        const listed = new Set(notice.inventory.map((i) => i.key));
        return {
          version: notice.version,
          missingFields: PERSONAL_FIELDS.filter((f) => !listed.has(f.key)).length,
          unversionedPurposes: Math.max(
            0,
            new Set(CONSENT_PURPOSES.map((d) => `${d.kind}:${d.purpose}`)).size - Object.keys(notice.purposeVersions).length,
          ),
        };
      },
      unprotectedSensitiveFields: async () =>
        PERSONAL_FIELDS.filter((f) => f.sensitivity === 'sensitive' && f.purposes.length === 0).length,
      overdueTickets: async () => {
        const open = (await consent.listTickets()).filter((t) => t.status === 'open');
        return { open: open.length, overdue: open.filter((t) => t.overdue).length };
      },
      shortNoticeRuleChanges: async () =>
        (await consent.listNotices()).versions.filter(
          (v) => v.ruleChange && Date.parse(v.effectiveAt) - Date.parse(v.publishedAt) < 7 * 86_400_000,
        ).length,
    },
  });
  const gatedDelivery = gatedDeliveryTransports(
    { smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom, ...(deps.deliveryTransports ? { extra: deps.deliveryTransports } : {}) },
    vendors.gateway,
  );
  // Identity checks are done by the assigned broker (manual review); an outside provider would be registered here too.
  if (deps.reconcileConfiguredVendors) await vendors.registry.registerConfigured(gatedDelivery.providers);
  const jobs = deps.jobs;
  const delivery = createDeliveryOutbox({
    repo: createDeliveryRepo(db),
    vault,
    logger,
    transports: gatedDelivery.transports,
    ...(jobs ? { queue: (messageId: string) => jobs.enqueue(DISPATCH_JOB, { messageId }) } : {}),
  });
  const limiter: AttemptLimiter = deps.redis ? createRedisAttemptLimiter(deps.redis) : createMemoryAttemptLimiter();
  const registration = createRegistrationService({
    repo: registrationRepo,
    vault,
    contacts,
    delivery,
    audit: auditLog,
    limiter,
    sessions: identity,
  });
  const listingsRepo = createListingsRepo(db);
  const companyReveal = createCompanyReveal({
    repo: listingsRepo,
    vault,
    requireStepUp: async (sessionId, maxAgeMs) => void (await factors.requireRecentStepUp(sessionId, maxAgeMs)),
  });
  const listings = createListingsService({
    repo: listingsRepo,
    ensureAdviser: (sellerAccountId, hint) => advisers.ensureAdviser(sellerAccountId, hint, 'first_listing'),
    companyRevealedBy: (listingId, brokerAccountId) => companyReveal.revealedBy(listingId, brokerAccountId),
    audit: auditLog,
    vault,
    // Saved searches with e-mail alerts: the buyer's own e-mail on their profile, through the delivery port.
    notifyByEmail: async (accountId, codes) => {
      const contact = await profiles.noticeAddress(accountId, ['email']);
      const to = contact && normalizeContact('email', contact.address);
      if (!to) return;
      await delivery.send({
        channel: 'email',
        to,
        template: 'listing_alert',
        params: { count: codes.length, codes: codes.join('、'), url: `${config.publicUrl}/listings` },
      });
    },
  });
  const profilesRepo = createProfilesRepo(db);
  // Consent receipts are signed with a key derived from the audit signing seed (modules/consent/receipt-signing.ts).
  const consent = createConsentService({
    repo: createConsentRepo(db),
    audit: auditLog,
    vault,
    signer: receiptSignerFrom(signingKey.privateKey, `${new URL(config.publicUrl).host}/sealbridge-consent`),
    subjectOfAccount: async (accountId) => (await profilesRepo.findByAccount(accountId))?.subject_id,
    // Consents naming the other party of an inquiry (the disclosure path) are checked by the disclosure module.
    recipientAllowed: (accountId, purpose, recipient) => disclosure.recipientAllowed(accountId, purpose, recipient),
    // Third parties and recipients abroad, live from the vendor registry (issue 17).
    recipients: () => vendors.recipients(),
    calendar,
    // Ticket replies (issue 14 item 5): in-app for a signed-in sender (notifications are declared below and only
    // called once an officer acts), the delivery outbox for an anonymous sender's contact e-mail.
    notifications: { notify: (input) => notifications.notify(input), notifyMany: (inputs) => notifications.notifyMany(inputs) },
    delivery,
    officers: async () =>
      (await db.selectFrom('accounts').select(['id', 'roles']).where('kind', '=', 'staff').where('status', '=', 'active').execute())
        .filter((a) => (JSON.parse(a.roles) as string[]).includes('privacy_officer'))
        .map((a) => a.id),
    ticketSlaWorkingDays: config.rightsSlaWorkingDays,
  });
  const profiles = createProfilesService({
    repo: profilesRepo,
    vault,
    audit: auditLog,
    requireStepUp: (sessionId, maxAgeMs) => factors.requireRecentStepUp(sessionId, maxAgeMs),
  });
  // Real-name verification: sealed under the customer's profile subject; decided by the assigned broker.
  const verification = createVerificationService({
    repo: createVerificationRepo(db),
    vault,
    audit: auditLog,
    provider: createManualBrokerReviewProvider(),
    subjectOfCustomer: (accountId) => profiles.ensureSubject(accountId),
    isAssigned: async (brokerId, customerId) => (await profilesRepo.assignedAmong(brokerId, [customerId])).has(customerId),
    accountNumbers: async (ids) => new Map((await identityRepo.findAccountsByIds(ids)).map((a) => [a.id, a.account_no])),
    // The form's separate consent goes to the consent ledger like every other consent.
    recordConsent: (principal, statementHash, requestId) =>
      consent.recordFormConsent(principal, 'identity_verification', 'sensitive', statementHash, requestId),
  });
  const labels = new Map(PERSONAL_FIELDS.map((f) => [f.key, f.label]));
  const auditRepo = createAuditRepo(db);
  const auditWitnesses = createAuditWitnesses({ repo: auditRepo, witnesses: config.auditWitnesses.map(parseCosignerVkey) });
  const audit = createAuditService({
    repo: auditRepo,
    registry,
    verifier: { publicKey: signingKey.publicKey, keyName: signingKey.keyName, origin, verifierKey: signingKey.publicKeyBase64 },
    staffNumbers: async (ids) => new Map((await identityRepo.findAccountsByIds(ids)).map((a) => [a.id, a.account_no])),
    fieldLabel: (key) => labels.get(key) ?? { 'zh-CN': key, en: key },
    exportDir: config.auditExportDir,
  });

  /** Subject search by blind index: the identifier is hashed, never stored or logged. */
  async function resolveSubjects(query: TAuditSearchQuery): Promise<string[] | undefined> {
    const pairs = [
      ['account_profiles.mobile', 'mobile_bidx', query.subjectMobile],
      ['account_profiles.email', 'email_bidx', query.subjectEmail],
      ['account_profiles.id_number', 'id_number_bidx', query.subjectIdNumber],
    ] as const;
    const given = pairs.find(([, , value]) => value);
    if (!given) return undefined;
    const index = vault.blindIndexOf(given[0], given[2] ?? '');
    if (index === null) return [];
    return (await profilesRepo.findByBlindIndex(given[1], index)).map((r) => r.subject_id);
  }

  /** A customer's own subject and, for a seller, the companies they listed (who read those is theirs to see too). */
  async function subjectsOfAccount(accountId: string): Promise<string[]> {
    const profile = await profilesRepo.findByAccount(accountId);
    // A person's words in message threads are sealed under subjects of their own: who read them shows here too.
    return [
      ...(profile ? [profile.subject_id] : []),
      ...(await disclosure.companySubjectsOf(accountId)),
      ...(await messaging.subjectsOfAccount(accountId)),
    ];
  }

  const staff = createStaffService({
    repo: staffRepo,
    audit: auditLog,
    identity,
    vault,
    profiles,
    subjectOf: async (accountId) => (await profilesRepo.findByAccount(accountId))?.subject_id,
    delivery,
    // Training reminders (issue 19): called by the daily job, after notifications exist.
    notify: (inputs) => notifications.notifyMany(inputs),
  });

  // Notices of the deal path: in-app always; e-mail / SMS copies to the person's own address per their choices.
  const notifications = createNotificationsService({
    repo: createNotificationsRepo(db),
    audit: auditLog,
    delivery,
    contactOf: async (accountId, channel) => {
      const contact = await profiles.noticeAddress(accountId, [channel]);
      return contact ? normalizeContact(contact.channel, contact.address) : null;
    },
    publicUrl: config.publicUrl,
    logger,
  });

  // Advisers for everyone; the disclosure path from teaser to identity (ADR 0012).
  const advisers = createAdvisersService({
    repo: createAdvisersRepo(db),
    audit: auditLog,
    assignClient: (customerAccountId, brokerAccountId, by) => profiles.assignClient(customerAccountId, brokerAccountId, by),
    moveSellerListings: (sellerAccountId, brokerAccountId) => listings.moveSellerListings(sellerAccountId, brokerAccountId),
    notifications,
  });
  const disclosure = createDisclosureService({
    repo: createDisclosureRepo(db),
    audit: auditLog,
    vault,
    consent,
    verification,
    advisers,
    notifications,
    profiles: {
      row: (accountId) => profilesRepo.findByAccount(accountId),
      ensureSubject: (accountId) => profiles.ensureSubject(accountId),
    },
    requireStepUp: async (sessionId, maxAgeMs) => void (await factors.requireRecentStepUp(sessionId, maxAgeMs)),
    ndaSigner: ndaSignerFrom(signingKey.privateKey, `${new URL(config.publicUrl).host}/sealbridge-nda`),
  });
  // Messages (issue 13): sealed threads, masking until L3, live updates over the instances' pub/sub.
  const inquiriesRepo = createDisclosureRepo(db);
  const messaging = createMessagingService({
    repo: createMessagingRepo(db),
    vault,
    audit: auditLog,
    disclosure: disclosure.access,
    // A thread opens once the buyer has an inquiry on the listing that is still open or was accepted.
    inquiries: {
      hasInquiry: async (listingId, buyerAccountId) => {
        const inquiry = await inquiriesRepo.inquiryOf(listingId, buyerAccountId);
        return inquiry?.status === 'open' || inquiry?.status === 'accepted';
      },
    },
    notifications,
    bus: createMessageBus(deps.pubsub ?? createLocalPubSub(logger), logger),
    presence: deps.redis ? createRedisPresence(deps.redis) : createMemoryPresence(),
    logger,
  });
  await messaging.stream.start();

  // The deal pipeline: the listings module keeps the exclusivity lock and the listing's status, deals drive them;
  // the disclosure module says who holds L1 (to start a deal), who the seller and adviser are, and the buyer's alias.
  const dealLock = createListingsDealLock({ db, audit: auditLog });
  const deals = createDealsService({
    repo: createDealsRepo(db),
    audit: auditLog,
    vault,
    access: disclosure.access,
    listings: dealLock,
    calendar,
    notifications,
    logger,
  });

  // The data room (issue 12): documents sealed under a key per listing, per-grant permissions, watermarked pages.
  const dataroom = createDataroomService({
    db,
    // L2 grants and the listing's parties, asked on every request (ADR 0012): a revocation or expiry is seen at once.
    access: disclosure.access,
    vault,
    blobs:
      config.dataroom.blobStore === 's3' && config.dataroom.s3
        ? createS3BlobStore(config.dataroom.s3)
        : config.dataroom.blobStore === 'fs'
          ? createFsBlobStore(join(config.dataDir, 'dataroom'))
          : createDatabaseBlobStore(db),
    audit: auditLog,
    converter: createOfficeConverter({ command: config.dataroom.sofficePath }),
    viewerIdentity: async (accountId) => {
      const account = (await identityRepo.findAccountsByIds([accountId]))[0];
      const profile = await profilesRepo.findByAccount(accountId);
      const masked = profile
        ? await vault.maskFields(
            profile.subject_id,
            'account_profiles',
            profile.account_id,
            profile as unknown as Record<string, unknown>,
            ['real_name'],
          )
        : {};
      const name = masked['real_name'];
      return { maskedName: name?.state === 'masked' ? name.value : '**', accountNo: account?.account_no ?? '' };
    },
    watermarkSecret: Buffer.from([0, 1, 2, 3].map((i) => vault.keyedDigest('dataroom_watermark', `pattern-v1:${i}`)).join(''), 'hex'),
    uploadMaxBytes: config.dataroom.uploadMaxBytes,
    renderCacheBytes: config.dataroom.renderCacheBytes,
    notifications,
  });

  // Typed rights requests: identity from a recent step-up, the working-day clock, export and erasure over all subjects.
  const rights = createRightsService({
    repo: createRightsRepo(db),
    audit: auditLog,
    vault,
    subjectOfCustomer: (accountId) => profiles.ensureSubject(accountId),
    subjectsOfAccount,
    requireStepUp: (sessionId, maxAgeMs) => factors.requireRecentStepUp(sessionId, maxAgeMs),
    notifications,
    officers: async () =>
      (await db.selectFrom('accounts').select(['id', 'roles']).where('kind', '=', 'staff').where('status', '=', 'active').execute())
        .filter((a) => (JSON.parse(a.roles) as string[]).includes('privacy_officer'))
        .map((a) => a.id),
    accountNumbers: async (ids) => new Map((await identityRepo.findAccountsByIds(ids)).map((a) => [a.id, a.account_no])),
    calendar,
    // Declared below; called only when an officer executes a deletion, long after start-up.
    eraseAccount: (accountId, actor, reason, requestId) => erasure.eraseAccount(accountId, actor, reason, requestId),
    closeAccount: (accountId) => identity.closeAccount(accountId),
    dealsOfAccount: async (accountId) => {
      const deals = await db
        .selectFrom('deals')
        .select(['status', 'closed_at', 'cancelled_at'])
        .where((eb) => eb.or([eb('buyer_account_id', '=', accountId), eb('seller_account_id', '=', accountId)]))
        .execute();
      const ends = deals
        .flatMap((d) => (d.status === 'open' ? [] : [d.closed_at ?? d.cancelled_at ?? '']))
        .filter(Boolean)
        .sort();
      return { running: deals.some((d) => d.status === 'open'), lastEndedAt: ends.at(-1) ?? null };
    },
    slaWorkingDays: config.rightsSlaWorkingDays,
  });

  // Security monitoring over the audit trail (issue 18): the log's append hook only wakes the monitor.
  const activeStaffWithRole = async (role: string) =>
    (await db.selectFrom('accounts').select(['id', 'roles']).where('kind', '=', 'staff').where('status', '=', 'active').execute())
      .filter((a) => a.roles.split(',').includes(role) || (a.roles.startsWith('[') && (JSON.parse(a.roles) as string[]).includes(role)))
      .map((a) => a.id);
  const security = createSecurityService({
    db,
    audit: auditLog,
    notifications,
    containment: {
      endSessions: (accountId) => identity.endAllSessions(accountId),
      disableAccount: async (accountId) => {
        await identity.setAccountStatus(accountId, 'disabled');
        await identity.endAllSessions(accountId);
        return 1;
      },
      revokeGrants: (buyerAccountId, reason) => disclosure.grants.revokeAllOfBuyer(buyerAccountId, reason),
      rotateKeys: async (actor) => {
        await vault.rotateKek(actor);
        return 1;
      },
    },
    usualClientsOf: async (brokerAccountId) => {
      const customers = (
        await db
          .selectFrom('client_assignments')
          .select('customer_account_id')
          .where('broker_account_id', '=', brokerAccountId)
          .where('ended_at', 'is', null)
          .execute()
      ).map((r) => r.customer_account_id);
      const subjects = new Set<string>();
      if (customers.length)
        for (const r of await db.selectFrom('account_profiles').select('subject_id').where('account_id', 'in', customers).execute())
          subjects.add(r.subject_id);
      for (const c of customers) for (const s of await disclosure.companySubjectsOf(c)) subjects.add(s);
      return subjects;
    },
    isSensitiveField: (key) => SENSITIVE_OR_IDENTIFYING.has(key),
    fieldLabel: (key) => labels.get(key) ?? { 'zh-CN': key, en: key },
    staffWithRole: activeStaffWithRole,
    accountNumbers: async (ids) => new Map((await identityRepo.findAccountsByIds(ids)).map((a) => [a.id, a.account_no])),
    contact: `privacy@${new URL(config.publicUrl).hostname}`,
    logger,
  });
  auditLog.onAppended(() => security.monitor.wake());

  if (deps.jobs) {
    // E-mails leave through this job (any instance): a worker killed mid-send has its job run again after the expiry,
    // and the outbox row settles once, so the message is not sent twice (ADR 0021, "Jobs exactly once").
    await deps.jobs.register(
      DISPATCH_JOB,
      async (data, ctx) => {
        const outcome = await delivery.dispatchStored(String(data['messageId']), { final: ctx.attempt >= DISPATCH_ATTEMPTS });
        ctx.logger.info({ messageId: data['messageId'], outcome, attempt: ctx.attempt }, 'message dispatched');
      },
      // Above nodemailer's own socket timeout (10 min), so a slow but live send is never run twice; a dead worker's
      // job is found by its stopped heartbeat in 30 s.
      // A person waits for the code in it: idle workers look every half second rather than every two.
      { retryLimit: DISPATCH_ATTEMPTS - 1, retryDelaySeconds: 1, expireInSeconds: 900, heartbeatSeconds: 30, pollSeconds: 0.5 },
    );
    await deps.jobs.register('disclosure.expire-grants', async (_data, ctx) => {
      ctx.logger.info({ expired: await disclosure.grants.expireLapsed() }, 'lapsed disclosure grants expired');
    });
    await deps.jobs.schedule('disclosure.expire-grants', '*/5 * * * *');
    // Reminds sellers still on record as legal representative after a closing (working days only), at 09:30 Beijing.
    await deps.jobs.register('deals.remind-legal-representatives', async (_data, ctx) => {
      ctx.logger.info({ sent: await deals.remindLegalRepresentatives() }, 'legal-representative reminders sent');
    });
    await deps.jobs.schedule('deals.remind-legal-representatives', '30 1 * * *');
    await deps.jobs.register('deals.remind-overdue-items', async (_data, ctx) => {
      ctx.logger.info({ deals: await deals.remindOverdueItems() }, 'overdue checklist reminders sent');
    });
    await deps.jobs.schedule('deals.remind-overdue-items', '35 1 * * *');
    // The retention sweep (issue 14 item 6): destroys what passed its ceiling, at 03:10 Beijing every day.
    // Long jobs: an hour to run, and a heartbeat so that a dead worker's sweep is taken up again within a minute.
    const LONG_JOB = { expireInSeconds: 3600, heartbeatSeconds: 60 };
    await deps.jobs.register(
      'retention.sweep',
      async (_data, ctx) => {
        const run = await retention.run();
        ctx.logger.info({ scanned: run.scanned, destroyed: run.destroyed }, 'retention sweep done');
      },
      LONG_JOB,
    );
    await deps.jobs.schedule('retention.sweep', '10 19 * * *');
    // Reminders and escalations before rights-request deadlines, at 09:00 Beijing every day.
    await deps.jobs.register('rights.check-clocks', async (_data, ctx) => {
      ctx.logger.info(await rights.checkClocks(), 'rights-request clocks checked');
    });
    await deps.jobs.schedule('rights.check-clocks', '0 1 * * *');
    // The same for privacy feedback tickets, five minutes later.
    await deps.jobs.register('consent.check-ticket-clocks', async (_data, ctx) => {
      ctx.logger.info(await consent.tickets.checkClocks(), 'privacy-ticket clocks checked');
    });
    await deps.jobs.schedule('consent.check-ticket-clocks', '5 1 * * *');
    await deps.jobs.register(
      'vault.rewrap-data-keys',
      async (_data, ctx) => {
        const count = await vault.rewrapDataKeys();
        ctx.logger.info({ count }, 'data keys re-wrapped');
      },
      LONG_JOB,
    );
    await deps.jobs.register('identity.purge-stale-sessions', async (_data, ctx) => {
      ctx.logger.info({ deleted: await identity.purgeStaleSessions() }, 'stale sessions purged');
    });
    await deps.jobs.schedule('identity.purge-stale-sessions', '17 * * * *');
    await deps.jobs.register('identity.purge-codes-and-lockouts', async (_data, ctx) => {
      ctx.logger.info(
        { codes: await registration.purgeExpiredCodes(), lockouts: await loginThrottle.purgeStale() },
        'expired codes and lockouts purged',
      );
    });
    await deps.jobs.schedule('identity.purge-codes-and-lockouts', '23 * * * *');
    await deps.jobs.register('factors.purge-stale', async (_data, ctx) => {
      ctx.logger.info({ deleted: await factors.purgeStale() }, 'expired second-factor challenges and attempts purged');
    });
    await deps.jobs.schedule('factors.purge-stale', '*/15 * * * *');
    await deps.jobs.register('staff.start-access-review', async (_data, ctx) => {
      ctx.logger.info({ campaignId: await staff.reviews.start(null, 14) }, 'access review campaign started');
    });
    await deps.jobs.schedule('staff.start-access-review', '0 2 1 */3 *');
    await deps.jobs.register('staff.expire-access', async (_data, ctx) => {
      ctx.logger.info(
        { reviewsExpired: await staff.reviews.expireOverdue(), breakGlassExpired: await staff.breakGlass.recordExpiries() },
        'overdue reviews and break-glass grants swept',
      );
    });
    await deps.jobs.schedule('staff.expire-access', '* * * * *');
    await deps.jobs.register('staff.remind-training', async (_data, ctx) => {
      ctx.logger.info(await staff.program.remindTraining(), 'training reminders sent');
    });
    await deps.jobs.schedule('staff.remind-training', '10 1 * * *');
    // Vendor reviews due and standard contracts to file: the privacy officers are reminded at 09:00 Beijing.
    await deps.jobs.register('vendors.remind-due', async (_data, ctx) => {
      ctx.logger.info({ reminders: await vendors.remindDue() }, 'vendor reviews and filings reminded');
    });
    await deps.jobs.schedule('vendors.remind-due', '0 1 * * *');
    // Incident report clocks (CAC 4 h / 1 h): both officers are reminded in the last hour, once.
    await deps.jobs.register('security.check-incident-clocks', async (_data, ctx) => {
      ctx.logger.info({ reminded: await security.incidents.checkClocks() }, 'incident clocks checked');
    });
    await deps.jobs.schedule('security.check-incident-clocks', '*/5 * * * *');
    // Dispute clocks (issue 19): the mediator a working day before a deadline, every side once it has passed.
    await deps.jobs.register('disputes.remind-clocks', async (_data, ctx) => {
      ctx.logger.info(await disputes.remindClocks(), 'dispute clocks checked');
    });
    await deps.jobs.schedule('disputes.remind-clocks', '20 1 * * *');
    // The transparency report (issue 19 item 4): the previous quarter is drafted at 09:40 Beijing on its first three days.
    await deps.jobs.register('transparency.draft-quarter', async (_data, ctx) => {
      ctx.logger.info(await transparency.draftPreviousQuarter(), 'transparency report drafted');
    });
    await deps.jobs.schedule('transparency.draft-quarter', '40 1 1-3 1,4,7,10 *');
  }

  /** Lets in-flight transport hand-offs settle and closes the SMTP pool (on shutdown). */
  async function closeDelivery() {
    await delivery.drain();
    gatedDelivery.close();
  }

  // Erasure across every module that declares a copy of a person's data (vault PERSONAL_DATA_COPIES).
  const erasure = createErasureService({ db, vault, audit: auditLog });
  // Retention: the schedule applied daily through the erasure service; certificates signed like the checkpoints.
  const retention = createRetentionService({
    repo: createRetentionRepo(db),
    erasure,
    audit: auditLog,
    signer: certificateSignerFrom(signingKey.privateKey, `${new URL(config.publicUrl).host}/sealbridge-retention`),
  });

  // Disputes and mediation (issue 19).
  const disputes = createDisputesService({ repo: createDisputesRepo(db), audit: auditLog, notifications, calendar });
  // Customer education (issue 19 item 6): guides and in-flow tips as content.
  const education = createEducationService({ repo: createEducationRepo(db), audit: auditLog });
  // The quarterly transparency report (issue 19 item 4): counts from the database, frozen when published.
  const transparency = createTransparencyService({ repo: createTransparencyRepo(db), audit: auditLog, calendar });

  return {
    vault,
    erasure,
    identity,
    registration,
    delivery,
    closeDelivery,
    listings,
    profiles,
    factors,
    audit,
    auditLog,
    auditWitnesses,
    resolveSubjects,
    subjectsOfAccount,
    consent,
    verification,
    staff,
    notifications,
    advisers,
    disclosure,
    companyReveal,
    messaging,
    deals,
    dealLock,
    dataroom,
    rights,
    vendors,
    security,
    retention,
    disputes,
    education,
    transparency,
  };
}
