import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor, Vault } from '../../src/modules/vault/index.ts';
import type { Services } from '../../src/services.ts';
import { DIALECTS, createTestServices, createTestStore, type TestStore } from '../helpers/test-store.ts';
import { completeStaffTraining, createStaffAccounts } from '../helpers/staff-training.ts';

const broker: Actor = { accountId: 'staff-1', roles: ['broker'], kind: 'staff' };
const auditor: Actor = { accountId: 'staff-2', roles: ['auditor'], kind: 'staff' };

for (const dialect of DIALECTS) {
  describe(`the vault on ${dialect}`, () => {
    let store: TestStore;
    let services: Services;
    let vault: Vault;
    before(async () => {
      store = await createTestStore(dialect);
      services = await createTestServices(store);
      vault = services.vault;
      await createStaffAccounts(store.database.db, broker, auditor);
      await completeStaffTraining(services, broker.accountId, auditor.accountId);
    });
    after(async () => {
      await services.auditLog.stop();
      await store.cleanup();
    });
    const eventsOf = (subjectId: string) =>
      store.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', subjectId)
        .where('type', '=', 'vault.fields_revealed')
        .orderBy('seq')
        .execute();

    async function sealed(recordId: string, values: Record<string, string>) {
      const subject = await vault.createSubject('customer');
      const columns = await vault.sealFields(subject, 'account_profiles', recordId, values);
      return { subject, columns };
    }

    test('sealed fields are a ciphertext and a blind index, mask inside the vault and reveal to the normalized value', async () => {
      const { subject, columns } = await sealed('rec-1', { mobile: '+86 139-1234-5678', email: 'Li.Ming@Example.COM' });
      assert.deepEqual(Object.keys(columns).sort(), ['email_bidx', 'email_ct', 'mobile_bidx', 'mobile_ct']);
      assert.doesNotMatch(columns.mobile_ct ?? '', /13912345678/);
      assert.match(columns.mobile_bidx ?? '', /^[0-9a-f]+$/);
      const masked = await vault.maskFields(subject.subjectId, 'account_profiles', 'rec-1', columns, ['mobile', 'email', 'address']);
      assert.deepEqual(masked, {
        mobile: { state: 'masked', value: '139****5678' },
        email: { state: 'masked', value: 'l***@example.com' },
        address: { state: 'absent' },
      });
      const out = await vault.reveal({
        actor: broker,
        own: false,
        subjectId: subject.subjectId,
        table: 'account_profiles',
        recordId: 'rec-1',
        row: columns,
        fields: ['mobile', 'email'],
        purpose: 'deal_execution',
      });
      assert.deepEqual(out.mobile, { state: 'revealed', value: '+8613912345678' });
      assert.deepEqual(out.email, { state: 'revealed', value: 'li.ming@example.com' });
    });

    test('an invalid identifier is refused before anything is written, naming the field but not the value', async () => {
      const subject = await vault.createSubject('customer');
      await assert.rejects(
        vault.sealFields(subject, 'account_profiles', 'rec-x', { id_number: '110101198001010011' }),
        (error: Error & { code?: string; details?: unknown }) => {
          assert.equal(error.code, 'INVALID_IDENTIFIER');
          assert.deepEqual(error.details, { fields: ['id_number'] });
          assert.doesNotMatch(JSON.stringify(error.details) + error.message, /110101198001010011/);
          return true;
        },
      );
    });

    test('a purpose the field is not registered for is refused and the refusal is recorded', async () => {
      const { subject, columns } = await sealed('rec-2', { id_number: '11010119800101001' + checkChar('11010119800101001') });
      await assert.rejects(
        vault.reveal({
          actor: broker,
          own: false,
          subjectId: subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-2',
          row: columns,
          fields: ['id_number'],
          purpose: 'deal_execution',
        }),
        /reveal of account_profiles.id_number refused/,
      );
      const events = await eventsOf(subject.subjectId);
      assert.equal(events.length, 1);
      assert.equal(events[0]?.decision, 'denied');
      assert.deepEqual(JSON.parse(events[0]?.fields ?? '[]'), ['account_profiles.id_number']);
    });

    test('a staff role the field is not visible to is refused even for a registered purpose', async () => {
      const { subject, columns } = await sealed('rec-3', { mobile: '13912345678' });
      await assert.rejects(
        vault.reveal({
          actor: auditor,
          own: false,
          subjectId: subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-3',
          row: columns,
          fields: ['mobile'],
          purpose: 'customer_support',
        }),
        (error: Error & { code?: string }) => error.code === 'FORBIDDEN',
      );
    });

    test('every staff reveal is recorded with fields and purpose before the plaintext is returned; own reads are not', async () => {
      const { subject, columns } = await sealed('rec-4', { mobile: '13912345678' });
      const args = {
        subjectId: subject.subjectId,
        table: 'account_profiles',
        recordId: 'rec-4',
        row: columns,
        fields: ['mobile'],
        purpose: 'customer_support' as const,
      };
      await vault.reveal({ ...args, actor: broker, own: false, requestId: 'req-1' });
      await vault.reveal({ ...args, actor: { accountId: 'me', roles: ['buyer'], kind: 'customer' }, own: true });
      const events = await eventsOf(subject.subjectId);
      assert.equal(events.length, 1);
      assert.deepEqual(
        [events[0]?.actor_account_id, events[0]?.purpose, events[0]?.decision, events[0]?.request_id],
        ['staff-1', 'customer_support', 'allowed', 'req-1'],
      );
      assert.doesNotMatch(JSON.stringify(events), /13912345678/);
    });

    test('a ciphertext moved to another record does not decrypt', async () => {
      const a = await sealed('rec-a', { mobile: '13911111111' });
      const b = await sealed('rec-b', { mobile: '13922222222' });
      const forged = { ...b.columns, mobile_ct: a.columns.mobile_ct };
      await assert.rejects(
        vault.reveal({
          actor: broker,
          own: false,
          subjectId: b.subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-b',
          row: forged,
          fields: ['mobile'],
          purpose: 'deal_execution',
        }),
      );
      const sameSubjectOtherRow = { ...a.columns };
      await assert.rejects(
        vault.reveal({
          actor: broker,
          own: false,
          subjectId: a.subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-other',
          row: sameSubjectOtherRow,
          fields: ['mobile'],
          purpose: 'deal_execution',
        }),
      );
    });

    test('a tampered ciphertext does not decrypt', async () => {
      const { subject, columns } = await sealed('rec-t', { mobile: '13933333333' });
      const ct = columns.mobile_ct ?? '';
      const flipped = ct.slice(0, -3) + (ct.at(-3) === 'A' ? 'B' : 'A') + ct.slice(-2);
      await assert.rejects(
        vault.reveal({
          actor: broker,
          own: false,
          subjectId: subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-t',
          row: { ...columns, mobile_ct: flipped },
          fields: ['mobile'],
          purpose: 'deal_execution',
        }),
      );
    });

    test('equal values in different formats get the same blind index; another field gets another', async () => {
      const a = vault.blindIndexOf('account_profiles.mobile', '139 1234 5678');
      const b = vault.blindIndexOf('account_profiles.mobile', '+86-13912345678');
      assert.equal(a, b);
      assert.equal(vault.blindIndexOf('account_profiles.mobile', 'not a phone'), null);
      assert.equal(vault.blindIndexOf('account_profiles.email', 'A@B.CN'), vault.blindIndexOf('account_profiles.email', 'a@b.cn'));
    });
  });
}

/** GB 11643 check character, computed here independently of the toolkit under test. */
function checkChar(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '';
}
