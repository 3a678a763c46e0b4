import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import {
  createVendorsFixture,
  DAY,
  FULL_CLAUSES,
  priorCrossBorderTransfers,
  registerReadyVendor,
  vendorInput,
  type VendorsFixture,
} from './vendors-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`the obligations map checks real data (${dialect})`, () => {
    let f: VendorsFixture;
    before(async () => {
      f = await createVendorsFixture(dialect);
    });
    after(async () => f.close());
    const status = async (row: number) => {
      const map = await f.app.services.vendors.obligations.map();
      const found = map.rows.find((r) => r.row === row);
      assert.ok(found);
      return found.status;
    };

    test('every row of PRIVACY-LAW.md is on the map with a status and evidence in both languages', async () => {
      const map = await f.app.services.vendors.obligations.map();
      assert.deepEqual(
        map.rows.map((r) => r.row),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      for (const r of map.rows) assert.ok(r.evidence['zh-CN'] && r.evidence.en && ['green', 'amber', 'red'].includes(r.status));
    });

    test('row 11 (entrusted processors) turns red when a recipient has no contract in force, and green once one with every clause is on file', async () => {
      assert.equal(await status(11), 'green', 'no recipients, nothing broken');
      const vendor = await f.app.services.vendors.registry.create(f.officer, vendorInput({ vendorKey: 'no_contract' }));
      assert.equal(await status(11), 'red');
      await f.app.services.vendors.registry.recordContract(f.officer, vendor.id, {
        reference: 'DPA-1',
        clauses: FULL_CLAUSES,
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + 300 * DAY).toISOString(),
      });
      assert.equal(await status(11), 'green');
    });

    test('row 13 (impact assessments) turns red while a flow has no assessment, and green once it has one', async () => {
      assert.equal(await status(13), 'red', 'the vendor of row 11 has a flow without an assessment');
      const vendor = (await f.app.services.vendors.registry.list()).find((v) => v.vendorKey === 'no_contract');
      await f.app.services.vendors.assessments.create(f.officer, {
        template: 'entrusted_processing',
        vendorId: vendor?.id ?? null,
        purposes: ['deal_execution'],
        title: '评估',
        answers: { necessity: '仅限必要的信息。', impact: '影响有限且可控。', measures: '加密传输与合同约束。' },
        conclusion: '可以开展此项处理。',
        riskLevel: 'low',
      });
      assert.equal(await status(13), 'green');
    });

    test('row 19 (cross-border) turns red when persons abroad need a mechanism not on file, amber until the standard contract is filed, then green', async () => {
      assert.equal(await status(19), 'green', 'nobody abroad: exempt');
      const vendor = await registerReadyVendor(f, {
        vendorKey: 'sg_processor',
        country: 'SG',
        categories: ['identity_document'],
        sensitive: true,
      });
      await f.repo.insertTransfers(priorCrossBorderTransfers('sg_processor', vendor.id, 3, true));
      assert.equal(await status(19), 'red');
      const scc = await f.app.services.vendors.crossBorder.record(f.officer, {
        kind: 'standard_contract',
        reference: 'SCC-1',
        effectiveAt: new Date(Date.now() - DAY).toISOString(),
      });
      assert.ok(scc.filingDueAt && Date.parse(scc.filingDueAt) > Date.now() + 9 * DAY, 'ten PRC working days are at least two weeks');
      assert.equal(await status(19), 'amber');
      await f.app.services.vendors.crossBorder.markFiled(f.officer, scc.id);
      assert.equal(await status(19), 'green');
    });
  });
}
