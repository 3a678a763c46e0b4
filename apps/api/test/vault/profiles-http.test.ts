import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { PERSONAL_FIELDS } from '../../src/modules/vault/index.ts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

const ID = `11010519760815123${idNumberCheckChar('11010519760815123')}`;

for (const dialect of DIALECTS) {
  describe(`customer profiles over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let broker: Session;
    let auditor: Session;
    let buyer: Session;
    let sellerId: string;

    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      sellerId = (
        await identity.createAccount({
          kind: 'customer',
          loginName: 'seller',
          accountNo: 'C-1',
          roles: ['seller'],
          password: 'pw-seller-1',
        })
      ).id;
      await identity.createAccount({ kind: 'customer', loginName: 'buyer', accountNo: 'C-2', roles: ['buyer'], password: 'pw-buyer-1' });
      const brokerId = (
        await identity.createAccount({ kind: 'staff', loginName: 'broker', accountNo: 'S-1', roles: ['broker'], password: 'pw-broker-1' })
      ).id;
      const broker2Id = (
        await identity.createAccount({ kind: 'staff', loginName: 'broker2', accountNo: 'S-3', roles: ['broker'], password: 'pw-broker-2' })
      ).id;
      await t.app.services.profiles.assignClient(sellerId, brokerId, 'test');
      await completeStaffTraining(t.app.services, brokerId, broker2Id);
      await identity.createAccount({ kind: 'staff', loginName: 'auditor', accountNo: 'S-2', roles: ['auditor'], password: 'pw-auditor-1' });
      await t.app.ready();
      seller = await signIn(t.app, 'seller', 'pw-seller-1');
      buyer = await signIn(t.app, 'buyer', 'pw-buyer-1');
      broker = await signIn(t.app, 'broker', 'pw-broker-1');
      auditor = await signIn(t.app, 'auditor', 'pw-auditor-1');
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(seller),
        payload: {
          realName: '司马相如',
          mobile: '0086 137-0000-1234',
          email: 'Sima@Example.cn',
          idNumber: ID,
          address: '四川省成都市武侯区某街道8号',
        },
      });
      assert.equal(put.statusCode, 200, put.body);
    });
    after(async () => t.close());

    test('a customer sees their own data masked by default', async () => {
      const res = await t.app.inject({ url: '/api/me/profile', headers: authHeaders(seller) });
      const f = res.json().fields;
      assert.deepEqual(f.mobile, { state: 'masked', value: '137****1234' });
      assert.deepEqual(f.realName, { state: 'masked', value: '司马**' });
      assert.deepEqual(f.idNumber, { state: 'masked', value: `110***********${ID.slice(-4)}` });
      assert.deepEqual(f.address, { state: 'masked', value: '四川省成都市武侯区' });
      assert.deepEqual(f.wechat, { state: 'absent' });
    });

    test('an invalid ID number is a 422 naming the field, and the stored profile is unchanged', async () => {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(seller),
        payload: { mobile: '13800000000', idNumber: `${ID.slice(0, 17)}0` },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'INVALID_IDENTIFIER');
      assert.deepEqual(res.json().details, { fields: ['idNumber'] }, 'the API names its own fields');
      const again = await t.app.inject({ url: '/api/me/profile', headers: authHeaders(seller) });
      assert.equal(again.json().fields.mobile.value, '137****1234', 'the valid field in the same request was not written either');
    });

    test('a broker finds the customer by mobile in another format, without the plaintext leaving the vault', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { mobile: '+86 137 0000 1234', purpose: 'deal_execution' },
        headers: authHeaders(broker),
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().accounts.length, 1);
      assert.equal(res.json().accounts[0].accountId, sellerId);
      assert.equal(res.json().accounts[0].fields.mobile.state, 'masked');
    });

    test('a lookup for a purpose the field is not registered for is refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { idNumber: ID, purpose: 'deal_execution' },
        headers: authHeaders(broker),
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'PURPOSE_NOT_ALLOWED');
    });

    test('customers and auditors cannot use the staff lookup or reveal at all', async () => {
      const lookup = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { mobile: '13700001234', purpose: 'deal_execution' },
        headers: authHeaders(buyer),
      });
      assert.equal(lookup.statusCode, 403);
      const reveal = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(auditor),
        payload: { fields: ['mobile'], purpose: 'customer_support' },
      });
      assert.equal(reveal.statusCode, 403);
      assert.equal(reveal.json().code, 'FORBIDDEN');
    });

    test('a broker reveals the ID number for identity verification but not for running the deal', async () => {
      const wrong = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'deal_execution' },
      });
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().code, 'PURPOSE_NOT_ALLOWED');
      // The ID number rests on separate consent (modules/consent): refused until the customer gives it.
      const noConsent = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'identity_verification' },
      });
      assert.equal(noConsent.json().code, 'CONSENT_REQUIRED', noConsent.body);
      const notice = await t.app.services.consent.publishNotice(
        { prose: { 'zh-CN': '政策', en: 'Notice' }, effectiveAt: new Date().toISOString(), changedPurposes: [] },
        null,
      );
      const given = await t.app.inject({
        method: 'POST',
        url: '/api/me/consents',
        headers: authHeaders(seller),
        payload: {
          purpose: 'identity_verification',
          kind: 'sensitive',
          decision: 'given',
          noticeVersion: notice.version,
          uiTextHash: '0'.repeat(64),
        },
      });
      assert.equal(given.statusCode, 201);
      const right = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'identity_verification' },
      });
      assert.equal(right.statusCode, 200);
      assert.deepEqual(right.json().fields.idNumber, { state: 'revealed', value: ID });
      assert.equal(right.json().fields.mobile.state, 'masked', 'fields not asked for stay masked');
      const events = await t.database.db
        .selectFrom('audit_log')
        .select(['purpose', 'decision', 'fields'])
        .where('type', '=', 'vault.fields_revealed')
        .execute();
      assert.deepEqual(events.map((e) => `${(JSON.parse(e.fields) as string[]).join(',')}|${e.purpose}|${e.decision}`).sort(), [
        'account_profiles.id_number|deal_execution|denied',
        'account_profiles.id_number|identity_verification|allowed',
        // The attempt before consent was given: refused by the consent guard inside the vault, and on record.
        'account_profiles.id_number|identity_verification|denied',
      ]);
    });

    test('another broker probing this client by id is refused with 403, and the attempt is on record', async () => {
      const other = await signIn(t.app, 'broker2', 'pw-broker-2');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(other),
        payload: { fields: ['mobile'], purpose: 'deal_execution' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'FORBIDDEN');
      assert.doesNotMatch(res.body, /1234/);
      const refused = await t.database.db.selectFrom('audit_log').selectAll().where('type', '=', 'profiles.access_refused').execute();
      assert.equal(refused.length, 1);
      assert.equal(refused[0]?.decision, 'denied');
      assert.deepEqual(JSON.parse(refused[0]?.fields ?? '[]'), ['account_profiles.mobile']);
    });

    test("another broker's look-up does not find a client assigned elsewhere, and nothing is decrypted for it", async () => {
      const other = await signIn(t.app, 'broker2', 'pw-broker-2');
      const before = await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('type', '=', 'vault.lookup_matched')
        .executeTakeFirstOrThrow();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { mobile: '13700001234', purpose: 'deal_execution' },
        headers: authHeaders(other),
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().accounts, []);
      const after = await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('type', '=', 'vault.lookup_matched')
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('only an admin may assign clients', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/assignments',
        payload: { customerAccountId: sellerId, brokerAccountId: sellerId },
        headers: authHeaders(broker),
      });
      assert.equal(res.statusCode, 403);
    });

    test('the data map lists every registered personal field with its purposes and legal basis', async () => {
      const res = await t.app.inject('/api/privacy/data-map');
      assert.equal(res.statusCode, 200);
      const entries = res.json().entries as { key: string; legalBasis: string; sensitivity: string }[];
      assert.deepEqual(entries.map((e) => e.key).sort(), PERSONAL_FIELDS.map((f) => f.key).sort());
      const id = entries.find((e) => e.key === 'account_profiles.id_number');
      assert.equal(id?.sensitivity, 'sensitive');
      assert.equal(id?.legalBasis, 'separate_consent');
    });
  });
}
