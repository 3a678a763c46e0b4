import type { Role } from '@sealbridge/contracts';
import { newId } from '../platform/ids/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import type { Database } from '../db/schema.ts';
import { createIdentityRepo, createIdentityService } from '../modules/identity/index.ts';
import { createListingsRepo, demoListings } from '../modules/listings/index.ts';

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

/** Seeds once: a store that already has accounts is left alone. Returns whether it seeded. */
export async function seedDemo(database: DatabaseHandle<Database>): Promise<boolean> {
  const identity = createIdentityService({ repo: createIdentityRepo(database.db) });
  if ((await identity.countAccounts()) > 0) return false;
  for (const account of DEMO_ACCOUNTS) await identity.createAccount({ ...account, password: DEMO_PASSWORD });
  await createListingsRepo(database.db).insertMany(demoListings(DEMO_LISTING_COUNT, { idFor: () => newId() }));
  return true;
}
