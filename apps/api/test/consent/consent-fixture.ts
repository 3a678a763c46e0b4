import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openAuditSigningKey } from '../../src/modules/audit/index.ts';
import { createConsentRepo, createConsentService, receiptSignerFrom, type ConsentService } from '../../src/modules/consent/index.ts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

export const PROSE = { 'zh-CN': '本政策说明我们如何处理您的个人信息。', en: 'This notice explains how we process your personal data.' };
export const uiHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Staff sign-in for the consent tests, in one place: second-factor sign-in for staff is arriving (issue 5) and
 * only this helper should need to change.
 */
export async function signInStaff(app: FastifyInstance, loginName: string, password: string): Promise<Session> {
  return signIn(app, loginName, password);
}

export type ConsentFixture = {
  t: TestApp;
  ids: Record<'seller' | 'buyer' | 'other' | 'broker' | 'privacy', string>;
  clock: { at: number };
  /** A consent service over the same store with a clock the test moves (for effective dates and cool-downs). */
  timed: ConsentService;
};

/** A fresh app with two customers, a third account, a broker (assigned to the seller) and a privacy officer. */
export async function createConsentFixture(dialect: DialectName): Promise<ConsentFixture> {
  const t = await createTestApp(dialect);
  await t.app.ready();
  const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
  const make = async (loginName: string, accountNo: string, kind: 'staff' | 'customer', role: string) =>
    (await identity.createAccount({ kind, loginName, accountNo, roles: [role as 'buyer'], password: `pw-${loginName}-1` })).id;
  const ids = {
    seller: await make('seller', 'C-1', 'customer', 'seller'),
    buyer: await make('buyer', 'C-2', 'customer', 'buyer'),
    other: await make('other', 'C-3', 'customer', 'buyer'),
    broker: await make('broker', 'S-1', 'staff', 'broker'),
    privacy: await make('privacy', 'S-2', 'staff', 'privacy_officer'),
  };
  await t.app.services.profiles.assignClient(ids.seller, ids.broker, 'test');
  await completeStaffTraining(t.app.services, ids.broker, ids.privacy);
  const clock = { at: Date.now() };
  // The same derivation as the app's, so receipts of this instance verify against the app's published key.
  const signer = receiptSignerFrom(await auditPrivateKey(t), `${new URL(t.config.publicUrl).host}/sealbridge-consent`);
  const timed = createConsentService({
    repo: createConsentRepo(t.database.db),
    audit: t.app.services.auditLog,
    vault: t.app.services.vault,
    signer,
    now: () => new Date(clock.at),
  });
  return { t, ids, clock, timed };
}

async function auditPrivateKey(t: TestApp) {
  const origin = `${new URL(t.config.publicUrl).host}/sealbridge-audit`;
  return (await openAuditSigningKey({ seedBase64: t.config.auditSigningKeyBase64, dataDir: t.config.dataDir, keyName: origin })).privateKey;
}

export const customer = (accountId: string) => ({
  accountId,
  sessionId: 'test',
  kind: 'customer' as const,
  roles: ['seller'],
  csrfToken: '',
  stage: 'active' as const,
});
