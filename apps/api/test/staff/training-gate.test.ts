import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AGREEMENT_VERSION, TRAINING_COURSE, TRAINING_VERSION } from '@sealbridge/contracts';
import { DIALECTS } from '../helpers/test-store.ts';
import type { Session } from '../helpers/test-app.ts';
import { createStaffFixture, signInAs, type StaffFixture } from './staff-fixture.ts';

const RIGHT = { q1: 1, q2: 0, q3: 2, q4: 1 };

for (const dialect of DIALECTS) {
  describe(`the confidentiality agreement and training gate on ${dialect}`, () => {
    let t: StaffFixture;
    let broker: Session;
    let customer: Session;
    let brokerId: string;
    let customerId: string;
    before(async () => {
      t = await createStaffFixture(dialect);
      brokerId = await t.account('new.broker', ['broker']);
      customerId = await t.account('gated.client', ['seller'], 'customer');
      await t.app.services.profiles.assignClient(customerId, brokerId, 'test');
      broker = await signInAs(t.app, 'new.broker');
      customer = await signInAs(t.app, 'gated.client');
      const put = await t.call(customer, 'PUT', '/api/me/profile', { mobile: '13700002222', realName: '欧阳修' });
      assert.equal(put.statusCode, 200, put.body);
    });
    after(async () => t.close());

    test('an untrained staff member cannot reveal or look up any personal data, and each refusal is audited', async () => {
      const reveal = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, {
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.equal(reveal.statusCode, 403);
      assert.equal(reveal.json().code, 'STAFF_TRAINING_REQUIRED');
      assert.doesNotMatch(reveal.body, /13700002222/);
      const lookup = await t.call(broker, 'POST', '/api/staff/customers/lookup', { mobile: '13700002222', purpose: 'deal_execution' });
      assert.equal(lookup.statusCode, 403);
      assert.equal(lookup.json().code, 'STAFF_TRAINING_REQUIRED');
      const revealed = await t.auditOf('vault.fields_revealed');
      assert.deepEqual(
        revealed.map((e) => [e.decision, e.data['refusal']]),
        [['denied', 'training_required']],
      );
      const looked = await t.auditOf('vault.lookup_matched');
      assert.deepEqual(
        looked.map((e) => [e.decision, e.data['refusal']]),
        [['denied', 'training_required']],
      );
    });

    test('a customer revealing their own data is not gated', async () => {
      const own = await t.call(customer, 'POST', '/api/me/profile/reveal', { fields: ['mobile'], purpose: 'account_service' });
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().fields.mobile.value, '+8613700002222');
    });

    test('the agreement alone is not enough; a failed quiz records nothing; agreement, the quiz, the modules and the code of conduct open the gate', async () => {
      const start = await t.call(broker, 'GET', '/api/staff/me/compliance');
      assert.deepEqual(start.json(), {
        agreement: { version: AGREEMENT_VERSION, acceptedAt: null },
        training: { course: TRAINING_COURSE, version: TRAINING_VERSION, completedAt: null },
        cleared: false,
      });
      const stale = await t.call(broker, 'POST', '/api/staff/me/agreement', { version: '2020-01' });
      assert.equal(stale.json().code, 'CONFLICT');
      const accepted = await t.call(broker, 'POST', '/api/staff/me/agreement', { version: AGREEMENT_VERSION });
      assert.ok(accepted.json().agreement.acceptedAt);
      assert.equal(accepted.json().cleared, false);
      const stillRefused = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, {
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.equal(stillRefused.json().code, 'STAFF_TRAINING_REQUIRED');

      const failed = await t.call(broker, 'POST', '/api/staff/me/training', {
        course: TRAINING_COURSE,
        version: TRAINING_VERSION,
        answers: { ...RIGHT, q3: 0 },
      });
      assert.equal(failed.statusCode, 200);
      assert.deepEqual(
        [failed.json().passed, failed.json().correct, failed.json().total, failed.json().status.cleared],
        [false, 3, 4, false],
      );
      const passed = await t.call(broker, 'POST', '/api/staff/me/training', {
        course: TRAINING_COURSE,
        version: TRAINING_VERSION,
        answers: RIGHT,
      });
      assert.deepEqual([passed.json().passed, passed.json().status.cleared], [true, false], 'the modules and the code are still to do');
      await t.app.services.staff.program.recordCompletions(brokerId);
      assert.equal((await t.call(broker, 'GET', '/api/staff/me/compliance')).json().cleared, true);

      const reveal = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, {
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.equal(reveal.statusCode, 200, reveal.body);
      assert.equal(reveal.json().fields.mobile.value, '+8613700002222');
      const training = await t.auditOf('staff.training_completed');
      assert.deepEqual(
        training.map((e) => [e.decision, e.data['correct']]),
        [
          ['denied', 3],
          ['allowed', 4],
        ],
      );
      assert.equal((await t.auditOf('staff.agreement_accepted')).length, 1);
    });

    test('customers have no training routes', async () => {
      const res = await t.call(customer, 'POST', '/api/staff/me/agreement', { version: AGREEMENT_VERSION });
      assert.equal(res.statusCode, 403);
    });
  });
}
