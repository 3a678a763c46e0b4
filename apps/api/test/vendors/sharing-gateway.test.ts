import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TransferRequest } from '../../src/modules/vendors/index.ts';
import { isAppError } from '../../src/platform/errors/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import {
  createVendorsFixture,
  DAY,
  FULL_CLAUSES,
  giveConsent,
  priorCrossBorderTransfers,
  registerReadyVendor,
  type VendorsFixture,
} from './vendors-fixture.ts';

const request = (vendorKey: string, accountId: string, extra: Partial<TransferRequest> = {}): TransferRequest => ({
  vendorKey,
  purpose: 'deal_execution',
  channel: 'api',
  subject: { accountId },
  categories: ['identity'],
  sensitive: false,
  ...extra,
});

/** The refusal's reason and record id, or a failure when the transfer was allowed. */
async function refusal(f: VendorsFixture, r: TransferRequest): Promise<{ reason: string; transferId: string }> {
  try {
    await f.app.services.vendors.gateway.authorize(r);
  } catch (error) {
    assert.ok(isAppError(error) && error.code === 'TRANSFER_REFUSED', String(error));
    return error.details as { reason: string; transferId: string };
  }
  assert.fail('the transfer was allowed');
}

async function recorded(f: VendorsFixture, transferId: string) {
  return f.database.db.selectFrom('data_transfers').selectAll().where('id', '=', transferId).executeTakeFirstOrThrow();
}

for (const dialect of DIALECTS) {
  describe(`the sharing gateway (${dialect})`, () => {
    let f: VendorsFixture;
    before(async () => {
      f = await createVendorsFixture(dialect);
    });
    after(async () => f.close());

    test('a transfer to an unregistered recipient is refused, and the refusal is recorded with its reason and kept 3 years', async () => {
      const { reason, transferId } = await refusal(f, request('nobody_we_know', f.ids.customers[0] ?? ''));
      assert.equal(reason, 'unregistered_recipient');
      const row = await recorded(f, transferId);
      assert.deepEqual([row.outcome, row.reason, row.vendor_id], ['refused', 'unregistered_recipient', null]);
      assert.ok(Date.parse(row.retain_until) - Date.parse(row.created_at) >= 3 * 365 * DAY);
      assert.ok(!row.subject_digest.includes(f.ids.customers[0] ?? '-'), 'the person is recorded by a keyed digest only');
      const audit = await f.database.db.selectFrom('audit_log').select(['type']).where('type', '=', 'vendors.transfer_refused').execute();
      assert.ok(audit.length >= 1, 'the refusal is in the audit trail');
    });

    test('a transfer under an expired contract is refused and recorded', async () => {
      const vendor = await registerReadyVendor(f, { vendorKey: 'lapsed_co' });
      await f.app.services.vendors.registry.recordContract(f.officer, vendor.id, {
        reference: 'DPA-old',
        clauses: FULL_CLAUSES,
        startsAt: new Date(Date.now() - 40 * DAY).toISOString(),
        endsAt: new Date(Date.now() - DAY).toISOString(),
      });
      // The later-starting contract is gone; only the expired one governs.
      await f.database.db
        .deleteFrom('vendor_contracts')
        .where('vendor_id', '=', vendor.id)
        .where('reference', '=', 'DPA-2026-01')
        .execute();
      const { reason, transferId } = await refusal(f, request('lapsed_co', f.ids.customers[0] ?? ''));
      assert.equal(reason, 'no_contract_in_force');
      assert.equal((await recorded(f, transferId)).outcome, 'refused');
    });

    test('a contract missing a required clause, an undeclared purpose and a flow without an impact assessment are refused', async () => {
      const v = f.app.services.vendors;
      const partial = await v.registry.create(f.officer, {
        vendorKey: 'thin_contract',
        name: { 'zh-CN': '条款不全', en: 'Thin contract' },
        role: 'entrusted_processor',
        service: 'other',
        country: 'CN',
        purposes: ['deal_execution'],
        categories: ['identity'],
        sensitive: false,
        reviewIntervalDays: 365,
      });
      await v.registry.recordContract(f.officer, partial.id, {
        reference: 'DPA-thin',
        clauses: FULL_CLAUSES.filter((c) => c !== 'return_or_delete'),
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + 100 * DAY).toISOString(),
      });
      assert.equal((await refusal(f, request('thin_contract', f.ids.customers[0] ?? ''))).reason, 'contract_clauses_missing');
      await v.registry.recordContract(f.officer, partial.id, {
        reference: 'DPA-full',
        clauses: FULL_CLAUSES,
        startsAt: new Date(Date.now() - DAY / 2).toISOString(),
        endsAt: new Date(Date.now() + 200 * DAY).toISOString(),
      });
      assert.equal((await refusal(f, request('thin_contract', f.ids.customers[0] ?? ''))).reason, 'no_impact_assessment');
      assert.equal(
        (await refusal(f, request('thin_contract', f.ids.customers[0] ?? '', { purpose: 'account_service' }))).reason,
        'purpose_not_declared',
      );
    });

    test('a transfer to an independent handler without a consent naming it is refused; once the person names it, it passes and is recorded', async () => {
      await registerReadyVendor(f, { vendorKey: 'partner_bank', role: 'independent_handler', service: 'other' });
      const [alice, bob] = f.ids.customers as [string, string];
      await giveConsent(f, bob, 'recipient', 'vendor:lapsed_co');
      const missing = await refusal(f, request('partner_bank', alice));
      assert.equal(missing.reason, 'consent_missing');
      assert.equal((await recorded(f, missing.transferId)).consent_checked, 1);
      assert.equal(
        (await refusal(f, request('partner_bank', bob))).reason,
        'consent_missing',
        'a consent naming another recipient does not count',
      );

      await giveConsent(f, alice, 'recipient', 'vendor:partner_bank');
      const { transferId } = await f.app.services.vendors.gateway.authorize(request('partner_bank', alice));
      const row = await recorded(f, transferId);
      assert.deepEqual([row.outcome, row.reason, row.consent_checked, row.cross_border], ['allowed', 'allowed', 1, 0]);
      assert.ok(row.impact_assessment_id, 'the assessment covering the flow is named on the record');
      const list = await f.app.services.vendors.listTransfers({ page: 1, pageSize: 100 });
      assert.ok(list.items.some((t) => t.id === transferId && t.outcome === 'allowed'));
      assert.ok(list.items.some((t) => t.reason === 'consent_missing'));
    });

    test('the 10,000th distinct sensitive-data subject abroad is refused without a CAC security assessment, and passes with one', async () => {
      const v = f.app.services.vendors;
      const vendor = await registerReadyVendor(f, {
        vendorKey: 'sg_processor',
        country: 'SG',
        categories: ['identity_document'],
        sensitive: true,
      });
      await v.crossBorder.record(f.officer, {
        kind: 'standard_contract',
        reference: 'SCC-2026-01',
        effectiveAt: new Date(Date.now() - DAY).toISOString(),
      });
      await f.repo.insertTransfers(priorCrossBorderTransfers('sg_processor', vendor.id, 9_998, true));
      const [alice, bob] = f.ids.customers as [string, string];
      for (const id of [alice, bob]) await giveConsent(f, id, 'cross_border', 'destination:sg_processor');
      const sensitive: Partial<TransferRequest> = { categories: ['identity_document'], sensitive: true };

      const ninth = await v.gateway.authorize(request('sg_processor', alice, sensitive));
      assert.equal((await recorded(f, ninth.transferId)).mechanism, 'standard_contract', 'the 9,999th goes under the standard contract');
      assert.equal((await v.crossBorder.ledger()).sensitivePersons, 9_999);

      const tenth = await refusal(f, request('sg_processor', bob, sensitive));
      assert.equal(tenth.reason, 'mechanism_missing_security_assessment');
      const row = await recorded(f, tenth.transferId);
      assert.deepEqual([row.outcome, row.cross_border, row.sensitive], ['refused', 1, 1]);
      const ledger = await v.crossBorder.ledger();
      assert.equal(ledger.sensitivePersons, 9_999, 'a refused person is not counted');
      assert.ok(ledger.refusals >= 1);
      assert.equal(
        (await v.gateway.authorize(request('sg_processor', alice, sensitive))).transferId.length > 0,
        true,
        'a person already counted does not cross the threshold again',
      );

      await v.crossBorder.record(f.officer, {
        kind: 'security_assessment',
        reference: 'CAC-2026-001',
        effectiveAt: new Date(Date.now() - DAY).toISOString(),
      });
      const passed = await v.gateway.authorize(request('sg_processor', bob, sensitive));
      assert.equal((await recorded(f, passed.transferId)).mechanism, 'security_assessment');
      const after = await v.crossBorder.ledger();
      assert.deepEqual([after.sensitivePersons, after.required, after.satisfied], [10_000, 'security_assessment', true]);
    });

    test('a cross-border transfer without the separate consent naming the destination is refused', async () => {
      const [, , carol] = f.ids.customers as [string, string, string];
      const { reason } = await refusal(f, request('sg_processor', carol, { categories: ['identity_document'], sensitive: true }));
      assert.equal(reason, 'consent_missing');
    });

    test('an ended relationship refuses every later transfer and owes a deletion attestation', async () => {
      const v = f.app.services.vendors;
      const vendor = await registerReadyVendor(f, { vendorKey: 'ending_co' });
      await v.gateway.authorize(request('ending_co', f.ids.customers[0] ?? ''));
      await assert.rejects(v.registry.attestDeletion(f.officer, vendor.id, '已删除全部数据并出具证明。'), /CONFLICT|end the relationship/);
      await v.registry.end(f.officer, vendor.id, 'by_officer');
      assert.equal((await refusal(f, request('ending_co', f.ids.customers[0] ?? ''))).reason, 'recipient_ended');
      const attested = await v.registry.attestDeletion(f.officer, vendor.id, '已删除全部数据并出具证明。');
      assert.ok(attested.deletionAttestedAt);
    });
  });
}
