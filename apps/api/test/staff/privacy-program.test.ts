import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRevealGate, createStaffRepo } from '../../src/modules/staff/index.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import type { Session } from '../helpers/test-app.ts';
import { createStaffFixture, signInAs, type StaffFixture } from './staff-fixture.ts';

const DAY = 24 * 60 * 60 * 1000;
const reveal = { fields: ['mobile'], purpose: 'deal_execution' };

for (const dialect of DIALECTS) {
  describe(`the privacy program (training that expires, the code of conduct, violations) on ${dialect}`, () => {
    let t: StaffFixture;
    let broker: Session;
    let officer: Session;
    let brokerId: string;
    let customerId: string;
    let trainedAt: number;
    let untrained: string;
    before(async () => {
      t = await createStaffFixture(dialect);
      brokerId = await t.account('program.broker', ['broker']);
      await t.account('program.officer', ['privacy_officer']);
      customerId = await t.account('program.client', ['seller'], 'customer');
      await t.app.services.profiles.assignClient(customerId, brokerId, 'test');
      const customer = await signInAs(t.app, 'program.client');
      assert.equal((await t.call(customer, 'PUT', '/api/me/profile', { mobile: '13700003333' })).statusCode, 200);
      trainedAt = Date.now();
      await completeStaffTraining(t.app.services, brokerId);
      broker = await signInAs(t.app, 'program.broker');
      officer = await signInAs(t.app, 'program.officer');
    });
    after(async () => t.close());

    test('a completed training runs out after 12 months and then closes the gate exactly like a missing one', async () => {
      const gateAt = (ms: number) => createRevealGate({ repo: createStaffRepo(t.database.db), now: () => new Date(trainedAt + ms) });
      const ask = { actor: { kind: 'staff' as const, accountId: brokerId }, subjectId: 'any', purpose: 'deal_execution' as const };
      assert.equal(await gateAt(360 * DAY)(ask as never), 'ok');
      assert.equal(await gateAt(367 * DAY)(ask as never), 'training_required');
      untrained = await t.account('never.trained', ['broker']);
      assert.equal(await gateAt(0)({ ...ask, actor: { kind: 'staff', accountId: untrained } } as never), 'training_required');
      const status = await t.app.services.staff.program.status({ accountId: brokerId } as never);
      assert.deepEqual(
        status.modules.map((m) => m.code),
        ['privacy-basics', 'pipl-basics', 'platform-rules', 'seals-and-documents', 'transfer-fraud'],
        'the base course and the four modules assigned to brokers',
      );
    });

    test('the console metrics count what the database holds, live at the asked instant', async () => {
      const now = await t.app.services.staff.program.metrics(new Date(trainedAt + DAY));
      const later = await t.app.services.staff.program.metrics(new Date(trainedAt + 350 * DAY));
      assert.deepEqual(
        [now.expiringTrainings, later.expiringTrainings, now.openAlerts, now.accessReviewCompletion, now.overdueRightsRequests],
        [0, 1, 0, null, 0],
        'the trained broker runs out within 30 days at day 350; no grants, reviews or requests yet',
      );
      const officerView = await t.call(officer, 'GET', '/api/staff/privacy-metrics');
      assert.equal(officerView.statusCode, 200);
    });

    test('reminders fire once 30 days before a training runs out and once when it has', async () => {
      const program = t.app.services.staff.program;
      assert.deepEqual(await program.remindTraining(new Date(trainedAt + 300 * DAY)), { expiring: 0, expired: 0 });
      const soon = await program.remindTraining(new Date(trainedAt + 350 * DAY));
      assert.equal(soon.expiring, 5, 'the base course and the four broker modules; the untrained have nothing to renew');
      assert.deepEqual(await program.remindTraining(new Date(trainedAt + 351 * DAY)), { expiring: 0, expired: 0 }, 'once each');
      const late = await program.remindTraining(new Date(trainedAt + 370 * DAY));
      assert.equal(late.expired, 5);
      const notices = await t.database.db
        .selectFrom('notifications')
        .select(['kind'])
        .where('account_id', '=', brokerId)
        .where('kind', 'in', ['training_expiring', 'training_expired'])
        .execute();
      assert.deepEqual(
        [notices.filter((n) => n.kind === 'training_expiring').length, notices.filter((n) => n.kind === 'training_expired').length],
        [5, 5],
      );
    });

    test('a module quiz below its pass mark records nothing; at the pass mark the module counts for 12 months', async () => {
      const learner = await signInAs(t.app, 'never.trained');
      const module = (await t.call(learner, 'GET', '/api/staff/me/modules/transfer-fraud')).json();
      assert.equal(module.passMark, 60);
      assert.equal(JSON.stringify(module).includes('"answer"'), false, 'no answer key leaves the server');
      const failed = await t.call(learner, 'POST', '/api/staff/me/modules/transfer-fraud', { revision: 1, answers: [1, 1, 1] });
      assert.deepEqual([failed.json().passed, failed.json().correct], [false, 1]);
      const passed = await t.call(learner, 'POST', '/api/staff/me/modules/transfer-fraud', { revision: 1, answers: [1, 0, 0] });
      assert.deepEqual([passed.json().passed, passed.json().correct], [true, 2]);
      const fraud = passed.json().status.modules.find((m: { code: string }) => m.code === 'transfer-fraud');
      assert.equal(fraud.state, 'valid');
      assert.equal(new Date(fraud.expiresAt).getUTCFullYear(), new Date(fraud.completedAt).getUTCFullYear() + 1);
      assert.deepEqual(
        (await t.auditOf('staff.module_completed')).filter((e) => e.actor_account_id === untrained).map((e) => e.decision),
        ['denied', 'allowed'],
      );
    });

    test('the privacy officer edits a module (a new revision); a broker cannot, and a quiz of the old revision is refused', async () => {
      const modules = (await t.call(officer, 'GET', '/api/staff/program/modules')).json().items;
      const rules = modules.find((m: { code: string }) => m.code === 'platform-rules');
      const { code: _code, revision: _revision, updatedAt: _updatedAt, ...input } = rules;
      const denied = await t.call(broker, 'PUT', '/api/staff/program/modules/platform-rules', input);
      assert.equal(denied.statusCode, 403);
      const withPhone = await t.call(officer, 'PUT', '/api/staff/program/modules/platform-rules', {
        ...input,
        body: `${input.body} 致电 13800138000`,
      });
      assert.equal(withPhone.json().code, 'FREE_TEXT_IDENTIFIERS');
      const saved = await t.call(officer, 'PUT', '/api/staff/program/modules/platform-rules', { ...input, passMark: 50 });
      assert.deepEqual([saved.statusCode, saved.json().revision, saved.json().passMark], [200, 2, 50]);
      const stale = await t.call(broker, 'POST', '/api/staff/me/modules/platform-rules', { revision: 1, answers: [1, 0] });
      assert.equal(stale.json().code, 'CONFLICT');
    });

    test('a new code of conduct version must be acknowledged before the next reveal', async () => {
      const before = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, reveal);
      assert.equal(before.statusCode, 200, before.body);
      const published = await t.call(officer, 'POST', '/api/staff/program/conduct', {
        title: '员工行为准则（第二版）',
        body: '只为已声明的目的查看个人信息；不把任何信息带出系统；发现违规立即报告。',
      });
      assert.deepEqual([published.statusCode, published.json().version], [201, 2]);
      const refused = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, reveal);
      assert.equal(refused.json().code, 'STAFF_TRAINING_REQUIRED');
      assert.equal((await t.call(broker, 'POST', '/api/staff/me/conduct', { version: 1 })).json().code, 'CONFLICT');
      const acknowledged = await t.call(broker, 'POST', '/api/staff/me/conduct', { version: 2 });
      assert.equal(acknowledged.json().cleared, true);
      const after = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, reveal);
      assert.equal(after.statusCode, 200);
    });

    test('the privacy officer sees per module where active staff stand and who has not acknowledged the current code', async () => {
      assert.equal((await t.call(broker, 'GET', '/api/staff/program/standing')).statusCode, 403);
      const response = await t.call(officer, 'GET', '/api/staff/program/standing');
      assert.equal(response.statusCode, 200, response.body);
      const standing = response.json();
      assert.equal(standing.conductVersion, 2);
      const row = (id: string) => standing.staff.find((s: { accountId: string }) => s.accountId === id);
      assert.deepEqual(
        [row(brokerId).loginName, row(brokerId).cleared, row(brokerId).overdue, typeof row(brokerId).conductAcknowledgedAt],
        ['pr***', true, [], 'string'],
        'the broker acknowledged version 2 and is current',
      );
      assert.deepEqual(
        [row(untrained).conductAcknowledgedAt, row(untrained).cleared, row(untrained).overdue.includes('privacy-basics')],
        [null, false, true],
      );
      assert.equal(row(customerId), undefined, 'customers are not staff');
      const fraud = standing.modules.find((m: { code: string }) => m.code === 'transfer-fraud');
      const fraudRoles: string[] = (await t.call(officer, 'GET', '/api/staff/program/modules'))
        .json()
        .items.find((m: { code: string }) => m.code === 'transfer-fraud').roles;
      const holders = standing.staff.filter((s: { roles: string[] }) => s.roles.some((r) => fraudRoles.includes(r))).length;
      assert.ok(holders >= 3, 'two brokers and the privacy officer at least');
      assert.deepEqual(
        [fraud.assigned, fraud.valid, fraud.missing, fraud.expiring + fraud.expired],
        [holders, 2, holders - 2, 0],
        'assigned by role; the trained broker and the one who passed its quiz are current, the others have not started',
      );
      const later = await t.app.services.staff.program.standing(new Date(trainedAt + 350 * DAY));
      const fraudLater = later.modules.find((m) => m.code === 'transfer-fraud');
      assert.equal(fraudLater?.expiring, 2, 'both completions run out within 30 days at day 350');
    });

    test('a violation is recorded with its handling decision and the audit records it rests on', async () => {
      const refusal = await t.database.db
        .selectFrom('audit_log')
        .select('seq')
        .where('type', '=', 'vault.fields_revealed')
        .where('decision', '=', 'denied')
        .where('actor_account_id', '=', brokerId)
        .executeTakeFirstOrThrow();
      const body = {
        staffAccountId: brokerId,
        description: '未确认新版行为准则即尝试查看客户信息',
        auditSeqs: [Number(refusal.seq)],
        decision: 'retraining',
      };
      assert.equal((await t.call(officer, 'POST', '/api/staff/program/violations', { ...body, auditSeqs: [99_999_999] })).statusCode, 404);
      assert.equal(
        (await t.call(officer, 'POST', '/api/staff/program/violations', { ...body, decisionNote: '联系 13800138000' })).json().code,
        'FREE_TEXT_IDENTIFIERS',
      );
      assert.equal((await t.call(broker, 'POST', '/api/staff/program/violations', body)).statusCode, 403);
      assert.equal((await t.call(officer, 'POST', '/api/staff/program/violations', body)).statusCode, 201);
      const list = (await t.call(officer, 'GET', '/api/staff/program/violations')).json().items;
      assert.deepEqual(
        list.map((v: { decision: string; auditSeqs: number[]; conductVersion: number }) => [v.decision, v.auditSeqs, v.conductVersion]),
        [['retraining', [Number(refusal.seq)], 2]],
      );
      assert.equal((await t.auditOf('staff.violation_recorded')).length, 1);
    });
  });
}
