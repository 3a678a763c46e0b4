import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { DAY, FULL_CLAUSES, vendorInput } from './vendors-fixture.ts';

const MOBILE = '13812345678';

for (const dialect of DIALECTS) {
  describe(`the privacy officer's third-party console over HTTP (${dialect})`, () => {
    let t: TestApp;
    let officer: Session;
    let buyer: Session;
    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const officerId = (
        await identity.createAccount({
          kind: 'staff',
          loginName: 'po',
          accountNo: 'S-7',
          roles: ['privacy_officer'],
          password: 'pw-po-officer-1',
        })
      ).id;
      await identity.createAccount({ kind: 'customer', loginName: 'b1', accountNo: 'C-7', roles: ['buyer'], password: 'pw-b1-buyer-1' });
      await completeStaffTraining(t.app.services, officerId);
      officer = await signIn(t.app, 'po', 'pw-po-officer-1');
      buyer = await signIn(t.app, 'b1', 'pw-b1-buyer-1');
    });
    after(async () => t.close());

    const post = (url: string, payload: unknown, session = officer) =>
      t.app.inject({ method: 'POST', url, headers: authHeaders(session), payload: payload as object });

    test('a vendor name, contract reference, attestation, assessment or mechanism carrying an identifier is refused and nothing is written', async () => {
      const bad = await post('/api/staff/vendors', vendorInput({ name: { 'zh-CN': `联系人${MOBILE}`, en: 'Acme' } }));
      assert.equal(bad.statusCode, 422, bad.body);
      assert.equal(bad.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.equal((await t.database.db.selectFrom('vendors').select('id').execute()).length, 0);

      const created = await post('/api/staff/vendors', vendorInput());
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      const contract = {
        reference: `DPA ${MOBILE}`,
        clauses: FULL_CLAUSES,
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + DAY).toISOString(),
      };
      assert.equal((await post(`/api/staff/vendors/${id}/contracts`, contract)).statusCode, 422);
      assert.equal((await post(`/api/staff/vendors/${id}/contracts`, { ...contract, reference: 'DPA-9' })).statusCode, 200);
      const pia = {
        template: 'entrusted_processing',
        vendorId: id,
        purposes: ['deal_execution'],
        title: '评估',
        answers: { necessity: '仅限必要的信息。', impact: '影响有限且可控。', measures: '加密传输与合同约束。' },
        conclusion: `请联系 ${MOBILE} 了解详情。`,
        riskLevel: 'low',
      };
      assert.equal((await post('/api/staff/impact-assessments', pia)).statusCode, 422);
      const goodPia = await post('/api/staff/impact-assessments', { ...pia, conclusion: '可以开展此项处理。' });
      assert.equal(goodPia.statusCode, 201, goodPia.body);
      const mechanism = { kind: 'standard_contract', reference: `SCC ${MOBILE}`, effectiveAt: new Date().toISOString() };
      assert.equal((await post('/api/staff/cross-border/mechanisms', mechanism)).statusCode, 422);
      assert.equal((await post(`/api/staff/vendors/${id}/end`, {})).statusCode, 200);
      assert.equal((await post(`/api/staff/vendors/${id}/deletion-attestation`, { statement: `已删除，联系 ${MOBILE}` })).statusCode, 422);
      const attested = await post(`/api/staff/vendors/${id}/deletion-attestation`, { statement: '已删除全部数据并出具证明。' });
      assert.equal(attested.statusCode, 200, attested.body);
      assert.ok(attested.json().deletionAttestedAt);
    });

    test('the officer reads the vendors, transfers, ledger, assessments and obligations; a customer is refused', async () => {
      for (const url of [
        '/api/staff/vendors',
        '/api/staff/transfers',
        '/api/staff/cross-border',
        '/api/staff/impact-assessments',
        '/api/staff/obligations',
      ]) {
        const res = await t.app.inject({ url, headers: authHeaders(officer, false) });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.equal((await t.app.inject({ url, headers: authHeaders(buyer, false) })).statusCode, 403, url);
      }
      const map = (await t.app.inject({ url: '/api/staff/obligations', headers: authHeaders(officer, false) })).json();
      assert.equal(map.rows.length, 20);
      const templates = (await t.app.inject({ url: '/api/staff/impact-assessments', headers: authHeaders(officer, false) })).json()
        .templates;
      assert.equal(templates.length, 5);
    });
  });
}
