import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import type { Role, TUpdateProfileRequest } from '@sealbridge/contracts';
import { newId } from '../platform/ids/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import type { Database } from '../db/schema.ts';
import { createListingsRepo, demoListings } from '../modules/listings/index.ts';
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
export async function seedDemo(database: DatabaseHandle<Database>, services: Pick<Services, 'identity' | 'profiles'> & Partial<Pick<Services, 'staff'>>): Promise<boolean> {
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
  // The demo staff have accepted the confidentiality agreement and completed training (else they could reveal nothing).
  for (const account of DEMO_ACCOUNTS.filter((a) => a.kind === 'staff')) {
    await services.staff?.training.recordCompletions(ids.get(account.loginName) ?? '');
    // Break-glass alerts reach the demo privacy officer's (invented) work e-mail through the outbox.
    await services.staff?.admin.attachRecord(ids.get(account.loginName) ?? '', account.loginName === 'privacy' ? 'privacy.demo@example.com' : undefined);
  }
  await createListingsRepo(database.db).insertMany(demoListings(DEMO_LISTING_COUNT, { idFor: () => newId() }));
  return true;
}
