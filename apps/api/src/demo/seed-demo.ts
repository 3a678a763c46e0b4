import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import type { Role, TUpdateProfileRequest } from '@sealbridge/contracts';
import { newId } from '../platform/ids/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import type { Database } from '../db/schema.ts';
import { ZListingInput } from '@sealbridge/contracts';
import { createListingsRepo, demoListings, demoSellerListings } from '../modules/listings/index.ts';
import type { Services } from '../services.ts';

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

/** Seeds once: a store that already has accounts is left alone. Returns whether it seeded. */
export async function seedDemo(database: DatabaseHandle<Database>, services: Pick<Services, 'identity' | 'profiles'> & Partial<Pick<Services, 'listings'>>): Promise<boolean> {
  const { identity, profiles } = services;
  if ((await identity.countAccounts()) > 0) return false;
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const created = await identity.createAccount({ ...account, password: DEMO_PASSWORD });
    ids.set(account.loginName, created.id);
    const profile = DEMO_PROFILES[account.loginName];
    if (profile) {
      await profiles.updateOwn({ accountId: created.id, sessionId: 'seed', kind: created.kind, roles: created.roles, csrfToken: '' }, profile);
    }
  }
  // The demo broker runs both demo customers (brokers see only their assigned clients).
  for (const customer of ['seller', 'buyer']) {
    await profiles.assignClient(ids.get(customer) ?? '', ids.get('broker') ?? '', ids.get('admin') ?? 'seed');
  }
  await createListingsRepo(database.db).insertMany(demoListings(DEMO_LISTING_COUNT, { idFor: () => newId() }));
  // The demo seller's own listings through the seller flow: one published, one waiting for review, one draft.
  if (services.listings) {
    const principal = (name: string, roles: string[], kind: 'staff' | 'customer') => ({ accountId: ids.get(name) ?? '', sessionId: 'seed', kind, roles, csrfToken: '' });
    const seller = principal('seller', ['seller'], 'customer');
    const broker = principal('broker', ['broker'], 'staff');
    const [first, second, third] = demoSellerListings();
    const checklist = { identity_checked: true, registry_checked: true, teaser_anonymous: true, red_flags_disclosed: true, price_reasonable: true };
    for (const [i, input] of [first, second, third].entries()) {
      if (!input) continue;
      const draft = await services.listings.saveDraft(seller, undefined, ZListingInput.parse(input));
      if (i < 2) await services.listings.submit(seller, draft.id);
      if (i === 0) await services.listings.review(broker, draft.id, { decision: 'approve', comment: '资料核验完毕，可以发布。', checklist });
    }
  }
  return true;
}
