import { createHash } from 'node:crypto';
import type { TCreateVendorRequest } from '@sealbridge/contracts';
import { CONTRACT_CLAUSES } from '@sealbridge/contracts';
import { buildApp } from '../../src/app.ts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { createVendorsRepo, type VendorsRepo } from '../../src/modules/vendors/index.ts';
import type { DeliveryTransport } from '../../src/modules/delivery/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import type { Principal } from '../../src/platform/http/index.ts';
import type { DataTransfersTable } from '../../src/db/schema.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';
import type { FastifyInstance } from 'fastify';

export const DAY = 86_400_000;
export const PROSE = { 'zh-CN': '本政策说明我们如何处理您的个人信息。', en: 'This notice explains how we process your personal data.' };

export type VendorsFixture = TestStore & {
  app: FastifyInstance;
  repo: VendorsRepo;
  officer: Principal;
  ids: { officer: string; customers: string[] };
  close: () => Promise<void>;
};

/** An app over a fresh store (optionally with extra delivery transports), a privacy officer and three customers. */
export async function createVendorsFixture(
  dialect: DialectName,
  options: { env?: Record<string, string>; transports?: readonly DeliveryTransport[] } = {},
): Promise<VendorsFixture> {
  const store = await createTestStore(dialect, options.env ?? {});
  const app = await buildApp({
    config: store.config,
    database: store.database,
    keys: store.keys,
    logger: store.logger,
    version: '0.0.0-test',
    ...(options.transports ? { deliveryTransports: options.transports } : {}),
  });
  await app.ready();
  const identity = createIdentityService({ repo: createIdentityRepo(store.database.db) });
  const make = async (loginName: string, accountNo: string, kind: 'staff' | 'customer', role: string) =>
    (await identity.createAccount({ kind, loginName, accountNo, roles: [role as 'buyer'], password: `pw-${loginName}-1` })).id;
  const officerId = await make('privacy', 'S-9', 'staff', 'privacy_officer');
  const customers = [
    await make('c1', 'C-11', 'customer', 'seller'),
    await make('c2', 'C-12', 'customer', 'seller'),
    await make('c3', 'C-13', 'customer', 'seller'),
  ];
  const officer: Principal = {
    accountId: officerId,
    sessionId: 'test',
    kind: 'staff',
    roles: ['privacy_officer'],
    csrfToken: '',
    stage: 'active',
  };
  return {
    ...store,
    app,
    repo: createVendorsRepo(store.database.db),
    officer,
    ids: { officer: officerId, customers },
    close: async () => {
      await app.close();
      await store.cleanup();
    },
  };
}

export function customerPrincipal(accountId: string): Principal {
  return { accountId, sessionId: 'test', kind: 'customer', roles: ['seller'], csrfToken: '', stage: 'active' };
}

export function vendorInput(overrides: Partial<TCreateVendorRequest> = {}): TCreateVendorRequest {
  return {
    vendorKey: 'acme_kyc',
    name: { 'zh-CN': '某核验服务商', en: 'Acme identity checks' },
    role: 'entrusted_processor',
    service: 'identity_check',
    country: 'CN',
    purposes: ['deal_execution'],
    categories: ['identity', 'contact'],
    sensitive: false,
    reviewIntervalDays: 365,
    ...overrides,
  };
}

export const FULL_CLAUSES = [...CONTRACT_CLAUSES];

/** A vendor with a contract in force carrying every clause and an impact assessment for its purposes. */
export async function registerReadyVendor(f: VendorsFixture, overrides: Partial<TCreateVendorRequest> = {}) {
  const v = f.app.services.vendors;
  const vendor = await v.registry.create(f.officer, vendorInput(overrides));
  await v.registry.recordContract(f.officer, vendor.id, {
    reference: 'DPA-2026-01',
    clauses: FULL_CLAUSES,
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: new Date(Date.now() + 365 * DAY).toISOString(),
  });
  await v.assessments.create(f.officer, {
    template: vendor.country === 'CN' ? 'entrusted_processing' : 'cross_border',
    vendorId: vendor.id,
    purposes: vendor.purposes,
    title: '核验服务影响评估',
    answers: { necessity: '核验身份所必需的最少信息。', impact: '泄露会影响个人的身份安全。', measures: '合同约束、传输加密、访问留痕。' },
    conclusion: '风险可控，可以开展。',
    riskLevel: 'medium',
  });
  return vendor;
}

export async function publishNotice(f: VendorsFixture): Promise<number> {
  return (await f.app.services.consent.publishNotice({ prose: PROSE, effectiveAt: new Date().toISOString(), changedPurposes: [] }, null))
    .version;
}

/** A separate consent of `accountId` naming `recipient` (vendor:<key> or destination:<key>). */
export async function giveConsent(f: VendorsFixture, accountId: string, kind: 'recipient' | 'cross_border', recipient: string) {
  const version = (await f.app.services.consent.listNotices()).current ?? (await publishNotice(f));
  await f.app.services.consent.decide(customerPrincipal(accountId), {
    purpose: 'deal_execution',
    kind,
    recipient,
    decision: 'given',
    noticeVersion: version,
    uiTextHash: createHash('sha256').update(recipient).digest('hex'),
  });
}

/** `count` distinct persons already abroad this year (the ledger's history), written straight into the record. */
export function priorCrossBorderTransfers(vendorKey: string, vendorId: string, count: number, sensitive: boolean): DataTransfersTable[] {
  const at = new Date();
  return Array.from({ length: count }, (_, i) => ({
    id: `seed-${vendorKey}-${i}`,
    vendor_key: vendorKey,
    vendor_id: vendorId,
    purpose: 'deal_execution',
    channel: 'api',
    subject_digest: `seed${String(i).padStart(8, '0')}`,
    categories_json: '["identity_document"]',
    sensitive: sensitive ? 1 : 0,
    country: 'SG',
    cross_border: 1,
    consent_checked: 1,
    impact_assessment_id: null,
    mechanism: 'standard_contract',
    outcome: 'allowed',
    reason: 'allowed',
    year: Number(new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 4)),
    created_at: at.toISOString(),
    retain_until: new Date(at.getTime() + 3 * 366 * DAY).toISOString(),
  }));
}
