import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

for (const dialect of DIALECTS) {
  describe(`keyed digests and presented values in the vault on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
    });
    after(async () => t.close());

    test('a keyed digest is 48 bits of hex, the same for the same input and different across domains', () => {
      const { vault } = t.app.services;
      const a = vault.keyedDigest('identity_login_name', 'name:buyer');
      assert.match(a, /^[0-9a-f]{12}$/);
      assert.equal(vault.keyedDigest('identity_login_name', 'name:buyer'), a);
      assert.notEqual(vault.keyedDigest('identity_registration_code', 'name:buyer'), a);
      assert.notEqual(vault.keyedDigest('identity_login_name', 'name:seller'), a);
    });

    test('only the record that holds the presented value matches, in any accepted form, and an erased one never does', async () => {
      const { vault } = t.app.services;
      const holder = await vault.createSubject('customer');
      const other = await vault.createSubject('customer');
      const own = await vault.sealFields(holder, 'account_profiles', 'acct-1', { mobile: '13940000001' });
      const theirs = await vault.sealFields(other, 'account_profiles', 'acct-2', { mobile: '13940000002' });
      const candidates = [
        { recordId: 'acct-1', subjectId: holder.subjectId, ciphertext: own['mobile_ct'] ?? null },
        { recordId: 'acct-2', subjectId: other.subjectId, ciphertext: theirs['mobile_ct'] ?? null },
      ];
      assert.deepEqual(await vault.matchPresentedValue('account_profiles.mobile', '+86 139 4000 0001', candidates), ['acct-1']);
      assert.deepEqual(await vault.matchPresentedValue('account_profiles.mobile', '13940000009', candidates), []);
      assert.deepEqual(await vault.matchPresentedValue('account_profiles.mobile', 'not a number', candidates), []);
      await vault.eraseSubject(holder.subjectId, { accountId: 'ops', roles: ['privacy_officer'], kind: 'staff' }, 'RR-1');
      assert.deepEqual(await vault.matchPresentedValue('account_profiles.mobile', '13940000001', candidates), []);
    });
  });
}
