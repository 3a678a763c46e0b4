import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { bytesAtRest } from '../helpers/at-rest.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

/** Values planted through the API; none may ever appear in plaintext at rest or in a log line. */
const ID_BODY = '33010619900307471';
const CANARY = {
  realName: '欧阳金丝雀',
  mobile: '13957246813',
  email: 'canary.7f3a9c@example.org',
  wechat: 'canary_wx_7f3a9c',
  idNumber: `${ID_BODY}${idNumberCheckChar(ID_BODY)}`,
  address: '浙江省杭州市西湖区金丝雀路77号',
};
/** The forms a value may take after normalization or in transit. */
const NEEDLES = [...Object.values(CANARY), '+8613957246813', '139 5724 6813', '金丝雀路77号', 'canary.7f3a9c', '7f3a9c'];

for (const dialect of DIALECTS) {
  describe(`canary values planted through the API on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const customer = await identity.createAccount({
        kind: 'customer',
        loginName: 'canary',
        accountNo: 'C-9',
        roles: ['seller'],
        password: 'canary-password-1',
      });
      const brokerAccount = await identity.createAccount({
        kind: 'staff',
        loginName: 'broker',
        accountNo: 'S-9',
        roles: ['broker'],
        password: 'broker-password-1',
      });
      await t.app.services.profiles.assignClient(customer.id, brokerAccount.id, 'test');
      await completeStaffTraining(t.app.services, brokerAccount.id);
      await t.app.ready();

      const me = await signIn(t.app, 'canary', 'canary-password-1');
      const put = await t.app.inject({ method: 'PUT', url: '/api/me/profile', headers: authHeaders(me), payload: CANARY });
      assert.equal(put.statusCode, 200, put.body);
      // Error paths echo nothing either: an invalid value next to the canaries, and a canary in a query string.
      await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(me),
        payload: { ...CANARY, idNumber: `${ID_BODY}0` },
      });
      const reveal = await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(me),
        payload: { fields: ['mobile', 'address'], purpose: 'account_service' },
      });
      assert.equal(reveal.json().fields.mobile.value, '+8613957246813');

      const broker = await signIn(t.app, 'broker', 'broker-password-1');
      const found = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { mobile: CANARY.mobile, purpose: 'deal_execution' },
        headers: authHeaders(broker),
      });
      const accountId = found.json().accounts[0].accountId as string;
      await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${accountId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['realName', 'mobile', 'email'], purpose: 'deal_execution' },
      });
      await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${accountId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'identity_verification' },
      });
    });
    after(async () => t.close());

    test('the responses did carry the planted values, so the search below is meaningful', async () => {
      const me = await signIn(t.app, 'canary', 'canary-password-1');
      const reveal = await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(me),
        payload: { fields: ['realName', 'idNumber'], purpose: 'account_service' },
      });
      assert.equal(reveal.json().fields.realName.value, CANARY.realName);
      assert.equal(reveal.json().fields.idNumber.value, CANARY.idNumber);
    });

    test('no planted value appears in the database files, their WAL, the key store or the tables', async () => {
      const haystack = await bytesAtRest(t);
      if (t.dialect === 'sqlite') assert.ok(existsSync(`${t.dataDir}/sealbridge.db-wal`), 'the WAL is searched too');
      else assert.match(haystack.toString('utf8'), /account_profiles|mobile_mask|138|\*\*\*\*/, 'the dump is not empty');
      const found = NEEDLES.filter((needle) => haystack.includes(Buffer.from(needle, 'utf8')));
      assert.deepEqual(found, []);
    });

    test('no planted value appears in any log line', () => {
      assert.ok(t.logLines.length > 5, 'the logs are searched');
      const logs = t.logLines.join('\n');
      assert.deepEqual(
        NEEDLES.filter((needle) => logs.includes(needle)),
        [],
      );
    });
  });
}
