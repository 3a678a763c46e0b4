import { createHash } from 'node:crypto';
import { demoTotpSecret } from './demo-totp.ts';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { CURRENT_SENSITIVE_CONSENT_STATEMENT, SENSITIVE_CONSENT_STATEMENTS } from '@sealbridge/contracts';
import { generate } from 'otplib';
import type { Role, TUpdateProfileRequest } from '@sealbridge/contracts';
import { newId } from '../platform/ids/index.ts';
import { hashToken } from '../modules/identity/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import type { Database } from '../db/schema.ts';
import { ZListingInput } from '@sealbridge/contracts';
import { createListingsRepo, demoListings, demoSellerListings } from '../modules/listings/index.ts';
import type { Services } from '../services.ts';
import { previousQuarter, quarterOf, quarterRange } from '../modules/transparency/index.ts';

export { demoTotpSecret };

/** The password of every demo account. Demo data is synthetic and never used with DEMO=0. */
export const DEMO_PASSWORD = 'Demo-2026!';

export const DEMO_ACCOUNTS: { loginName: string; accountNo: string; kind: 'staff' | 'customer'; roles: Role[] }[] = [
  { loginName: 'admin', accountNo: 'S-0001', kind: 'staff', roles: ['admin'] },
  { loginName: 'broker', accountNo: 'S-1001', kind: 'staff', roles: ['broker'] },
  { loginName: 'privacy', accountNo: 'S-2001', kind: 'staff', roles: ['privacy_officer'] },
  { loginName: 'security', accountNo: 'S-3001', kind: 'staff', roles: ['security_officer'] },
  { loginName: 'auditor', accountNo: 'S-4001', kind: 'staff', roles: ['auditor'] },
  { loginName: 'seller', accountNo: 'C-100001', kind: 'customer', roles: ['seller'] },
  { loginName: 'buyer', accountNo: 'C-200001', kind: 'customer', roles: ['buyer'] },
];

export const DEMO_LISTING_COUNT = 36;

/** A synthetic resident ID number with a valid check digit (region 110101 = 北京市东城区). */
function syntheticIdNumber(birth: string, sequence: string): string {
  const body = `110101${birth}${sequence}`;
  return `${body}${idNumberCheckChar(body)}`;
}

/** Invented profiles for the demo customers: plausible formats, no real person. */
export const DEMO_PROFILES: Record<string, TUpdateProfileRequest> = {
  seller: {
    realName: '张晓明',
    mobile: '+86 138 0000 0001',
    email: 'seller.demo@example.com',
    wechat: 'zxm_demo_01',
    idNumber: syntheticIdNumber('19800101', '001'),
    address: '上海市浦东新区示例路1号',
  },
  buyer: {
    realName: '欧阳丽华',
    mobile: '13900000002',
    email: 'buyer.demo@example.com',
    idNumber: syntheticIdNumber('19851212', '002'),
    address: '广东省深圳市南山区演示大道2号',
  },
};

/** A 1×1 grey PNG standing in for both sides of the demo buyer's ID card (no real document). */
const DEMO_ID_CARD_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Seeds once: a store that already has accounts is left alone. Returns whether it seeded. */
export async function seedDemo(
  database: DatabaseHandle<Database>,
  services: Pick<Services, 'identity' | 'profiles' | 'factors' | 'verification'> &
    Partial<Pick<Services, 'consent' | 'staff' | 'listings' | 'companyReveal' | 'transparency'>>,
): Promise<boolean> {
  const { identity, profiles, factors } = services;
  if ((await identity.countAccounts()) > 0) return false;
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const created = await identity.createAccount({ ...account, password: DEMO_PASSWORD });
    ids.set(account.loginName, created.id);
    const profile = DEMO_PROFILES[account.loginName];
    if (profile) {
      await profiles.updateOwn(
        { accountId: created.id, sessionId: 'seed', kind: created.kind, roles: created.roles, csrfToken: '', stage: 'active' },
        profile,
      );
    }
  }
  // Demo staff enrol TOTP through the same steps a person takes (an enrolment-only session, a first code).
  for (const account of DEMO_ACCOUNTS.filter((a) => a.kind === 'staff')) {
    const row = await database.db.selectFrom('accounts').selectAll().where('login_name', '=', account.loginName).executeTakeFirstOrThrow();
    const session = await identity.startSession(row, {}, 'enrol_factor');
    const actor = { accountId: row.id, sessionId: hashToken(session.token), kind: row.kind, roles: account.roles };
    const secret = demoTotpSecret(account.loginName);
    const started = await factors.startTotpEnrolment(actor, null, secret);
    await factors.confirmTotp(actor, started.factorId, await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
    await identity.logout({ ...actor, csrfToken: '', stage: 'active' });
  }
  // The demo broker runs both demo customers (brokers see only their assigned clients).
  for (const customer of ['seller', 'buyer']) {
    await profiles.assignClient(ids.get(customer) ?? '', ids.get('broker') ?? '', ids.get('admin') ?? 'seed');
  }
  // The demo buyer's real-name verification waits in the demo broker's review queue (实名审核).
  const buyer = DEMO_ACCOUNTS.find((a) => a.loginName === 'buyer');
  if (buyer) {
    const statement = SENSITIVE_CONSENT_STATEMENTS[CURRENT_SENSITIVE_CONSENT_STATEMENT]['zh-CN'];
    await services.verification.submit(
      { accountId: ids.get('buyer') ?? '', sessionId: 'seed', kind: 'customer', roles: buyer.roles, csrfToken: '', stage: 'active' },
      {
        fullName: DEMO_PROFILES['buyer']?.realName ?? '欧阳丽华',
        idNumber: DEMO_PROFILES['buyer']?.idNumber ?? '',
        idFrontImage: DEMO_ID_CARD_PNG,
        idBackImage: DEMO_ID_CARD_PNG,
        consent: {
          given: true,
          statement: CURRENT_SENSITIVE_CONSENT_STATEMENT,
          textHash: createHash('sha256').update(statement, 'utf8').digest('hex'),
        },
      },
    );
  }
  // The demo staff have accepted the confidentiality agreement and completed training (else they could reveal nothing).
  for (const account of DEMO_ACCOUNTS.filter((a) => a.kind === 'staff')) {
    await services.staff?.training.recordCompletions(ids.get(account.loginName) ?? '');
    // Break-glass alerts reach the demo privacy officer's (invented) work e-mail through the outbox.
    await services.staff?.admin.attachRecord(
      ids.get(account.loginName) ?? '',
      account.loginName === 'privacy' ? 'privacy.demo@example.com' : undefined,
    );
  }
  await createListingsRepo(database.db).insertMany(demoListings(DEMO_LISTING_COUNT, { idFor: () => newId() }));
  if (services.consent) await seedConsent(services.consent, ids);
  // The demo seller's own listings through the seller flow: one published, one waiting for review, one draft.
  if (services.listings) {
    const principal = (name: string, roles: string[], kind: 'staff' | 'customer') => ({
      accountId: ids.get(name) ?? '',
      sessionId: 'seed',
      kind,
      roles,
      csrfToken: '',
      stage: 'active' as const,
    });
    const seller = principal('seller', ['seller'], 'customer');
    // The demo broker signs in (a fresh sign-in counts as the step-up a staff reveal needs) to check the registry.
    const brokerRow = await database.db.selectFrom('accounts').selectAll().where('login_name', '=', 'broker').executeTakeFirstOrThrow();
    const brokerSession = await identity.startSession(brokerRow, {}, 'active');
    const broker = { ...principal('broker', ['broker'], 'staff'), sessionId: hashToken(brokerSession.token) };
    const [first, second, third] = demoSellerListings();
    const checklist = {
      identity_checked: true,
      registry_checked: true,
      teaser_anonymous: true,
      red_flags_disclosed: true,
      price_reasonable: true,
    };
    for (const [i, input] of [first, second, third].entries()) {
      if (!input) continue;
      const draft = await services.listings.saveDraft(seller, undefined, ZListingInput.parse(input));
      if (i < 2) await services.listings.submit(seller, draft.id);
      if (i === 0) {
        await services.companyReveal?.reveal(broker, draft.id);
        await services.listings.review(broker, draft.id, { decision: 'approve', comment: '资料核验完毕，可以发布。', checklist });
      }
    }
    await identity.logout(broker);
  }
  if (services.transparency) await seedTransparency(services.transparency, ids.get('privacy') ?? '');
  return true;
}

/**
 * Last quarter's transparency report, published, so a newcomer sees the public page with numbers: one (invented)
 * regulator's inspection in the authority register, then the report counted from the store as it is — a fresh demo
 * store holds little else in that quarter, and the report says so honestly.
 */
async function seedTransparency(transparency: NonNullable<Services['transparency']>, officerId: string) {
  const officer = {
    accountId: officerId,
    sessionId: 'seed',
    kind: 'staff' as const,
    roles: ['privacy_officer'],
    csrfToken: '',
    stage: 'active' as const,
  };
  const period = previousQuarter(quarterOf(new Date()));
  await transparency.recordAuthorityRequest(officer, {
    authority: '某市网信办',
    legalBasis: 'regulatory_inspection',
    receivedOn: quarterRange(period).fromDay.replace(/-01$/, '-15'),
    disclosed: false,
    personsAffected: 0,
    note: '例行检查，仅查阅制度文件与汇总数据，未提供个人信息。',
  });
  await transparency.generate(officer, period);
  await transparency.publish(officer, period);
}

/** Privacy notice v1 (in force at once: a first version changes no earlier rule) and the demo seller's consents. */
async function seedConsent(consent: Services['consent'], ids: Map<string, string>) {
  const notice = await consent.publishNotice(
    { prose: DEMO_NOTICE_PROSE, effectiveAt: new Date().toISOString(), changedPurposes: [] },
    null,
  );
  const sellerId = ids.get('seller');
  if (!sellerId) return;
  // The demo seller has agreed to everything asked; the demo buyer has not been asked yet (sees the prompt).
  const seller = {
    accountId: sellerId,
    sessionId: 'seed',
    kind: 'customer' as const,
    roles: ['seller'],
    csrfToken: '',
    stage: 'active' as const,
  };
  for (const p of (await consent.center()).purposes.filter((x) => x.kind === 'general' || x.kind === 'sensitive')) {
    const uiTextHash = createHash('sha256').update(`${p.label['zh-CN']}\n${p.description['zh-CN']}`).digest('hex');
    await consent.decide(
      seller,
      { purpose: p.purpose, kind: p.kind, decision: 'given', noticeVersion: notice.version, uiTextHash },
      'seed',
    );
  }
}

export const DEMO_NOTICE_PROSE = {
  'zh-CN': [
    '封桥（以下简称"我们"）是公司转让交易中心的线上平台。本隐私政策说明我们处理哪些个人信息、为何处理、保存多久，以及您享有的权利。',
    '下方"个人信息清单"由系统根据个人信息登记表自动生成，逐项列明每一项信息的类别、处理目的、法律依据、保存期限与接收方。',
    '基于同意的处理（如通过微信联系、使用身份证号码进行实名核验、向您指定的交易对方提供信息）仅在您同意后进行，您可随时在"我的隐私"中一键撤回，撤回不影响撤回前基于同意已进行的处理。',
    '我们不会在聊天中索要公章、营业执照正本的照片或您的登录密码。如对本政策有疑问，可通过隐私中心的反馈表联系个人信息保护负责人，我们将在 15 个工作日内答复。',
  ].join('\n\n'),
  en: [
    'Sealbridge ("we") runs the online platform of a company-transfer trading center. This notice says which personal data we process, why, for how long, and what your rights are.',
    'The item-by-item list below is generated by the system from the personal-data registry: for each item, its category, purposes, legal basis, retention and recipients.',
    'Processing based on consent happens only after you agree: being contacted on the WeChat app, having your resident ID number checked to verify who you are, and giving your details to a counterparty you name; you can withdraw in one click under "My privacy", which does not affect processing done before.',
    'We never ask for photos of company seals, original business licences or your password in chat. Questions go to the personal information protection officer through the feedback form in the privacy center; we answer within 15 working days.',
  ].join('\n\n'),
};
