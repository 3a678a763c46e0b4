import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import type { Session } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { createStaffFixture, signInAs, type StaffFixture } from './staff-fixture.ts';

const WHY = '客户投诉账户被盗用，需要紧急核实其联系方式以便冻结交易（工单 INC-2026-118）';

for (const dialect of DIALECTS) {
  describe(`break-glass access on ${dialect}`, () => {
    let t: StaffFixture;
    let security: Session;
    let privacy: Session;
    let broker: Session;
    let securityId: string;
    let privacyId: string;
    let customerId: string;
    let grantId: string;
    before(async () => {
      t = await createStaffFixture(dialect);
      await t.account('bg.admin', ['admin']);
      const admin = await signInAs(t.app, 'bg.admin');
      // The privacy officer is created through staff administration, with a work e-mail for alerts.
      const created = await t.call(admin, 'POST', '/api/staff/members', {
        loginName: 'privacy.chief',
        staffNo: 'S-2100',
        roles: ['privacy_officer'],
        workEmail: 'privacy.chief@example.cn',
      });
      assert.equal(created.statusCode, 201, created.body);
      privacyId = created.json().member.accountId;
      privacy = await signInAs(t.app, 'privacy.chief', created.json().initialPassword);
      securityId = await t.account('sec.officer', ['security_officer']);
      const brokerId = await t.account('bg.broker', ['broker']);
      customerId = await t.account('bg.client', ['seller'], 'customer');
      await t.app.services.profiles.assignClient(customerId, brokerId, 'test');
      await completeStaffTraining(t.app.services, securityId, privacyId, brokerId);
      security = await signInAs(t.app, 'sec.officer');
      broker = await signInAs(t.app, 'bg.broker');
      const customer = await signInAs(t.app, 'bg.client');
      assert.equal((await t.call(customer, 'PUT', '/api/me/profile', { mobile: '13600003333', realName: '诸葛亮' })).statusCode, 200);
    });
    after(async () => t.close());

    test('an officer sees no personal data without a grant', async () => {
      const plain = await t.call(security, 'POST', `/api/staff/customers/${customerId}/reveal`, {
        fields: ['mobile'],
        purpose: 'security_investigation',
      });
      assert.equal(plain.statusCode, 403, 'officers have no ordinary reveal');
      const direct = t.app.services.vault;
      const row = await t.database.db
        .selectFrom('account_profiles')
        .selectAll()
        .where('account_id', '=', customerId)
        .executeTakeFirstOrThrow();
      await assert.rejects(
        direct.reveal({
          actor: { accountId: securityId, roles: ['security_officer'], kind: 'staff' },
          own: false,
          subjectId: row.subject_id,
          table: 'account_profiles',
          recordId: customerId,
          row: row as unknown as Record<string, unknown>,
          fields: ['mobile'],
          purpose: 'break_glass',
        }),
        (error: { code?: string }) => error.code === 'BREAK_GLASS_REQUIRED',
      );
    });

    test('a request needs a long enough justification, a time box of at most 60 minutes, and no identifier in the text', async () => {
      const short = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountId: customerId,
        justification: '紧急',
        minutes: 30,
      });
      assert.equal(short.statusCode, 422);
      const long = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountId: customerId,
        justification: WHY,
        minutes: 90,
      });
      assert.equal(long.statusCode, 422);
      const leaky = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountId: customerId,
        justification: `${WHY}，客户手机 13600003333`,
        minutes: 30,
      });
      assert.equal(leaky.statusCode, 422);
      assert.equal(leaky.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.deepEqual(leaky.json().details, {
        findings: [{ field: 'justification', kind: 'mobile', start: WHY.length + 6, end: WHY.length + 17 }],
      });
      assert.doesNotMatch(leaky.body, /13600003333/);
      const spelled = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountId: customerId,
        justification: `${WHY}，客户手机 幺三六 零零零零 三三三三`,
        minutes: 30,
      });
      assert.equal(spelled.json().code, 'FREE_TEXT_IDENTIFIERS', 'written in numerals, it is refused too');
      const byBroker = await t.call(broker, 'POST', '/api/staff/break-glass', {
        customerAccountId: customerId,
        justification: WHY,
        minutes: 30,
      });
      assert.equal(byBroker.statusCode, 403, 'brokers have no break-glass');
      assert.equal(
        await t.database.db
          .selectFrom('staff_break_glass')
          .select('id')
          .execute()
          .then((r) => r.length),
        0,
      );
    });

    test('a grant, asked for by customer number, alerts the privacy officer (console list and outbox message) and is audited', async () => {
      const { account_no: customerNo } = await t.database.db
        .selectFrom('accounts')
        .select('account_no')
        .where('id', '=', customerId)
        .executeTakeFirstOrThrow();
      const unknown = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountNo: 'C-999999',
        justification: WHY,
        minutes: 30,
      });
      assert.equal(unknown.statusCode, 404);
      const res = await t.call(security, 'POST', '/api/staff/break-glass', {
        customerAccountNo: customerNo,
        justification: WHY,
        minutes: 30,
      });
      assert.equal(res.statusCode, 201, res.body);
      grantId = res.json().id;
      assert.equal(res.json().active, true);
      await t.app.services.delivery.drain();
      const mail = t.outbox.lastTo('privacy.chief@example.cn');
      assert.equal(mail?.template, 'break_glass_alert');
      assert.match(mail?.text ?? '', /30 分钟/);
      const alerts = await t.call(privacy, 'GET', '/api/staff/break-glass/alerts');
      assert.equal(alerts.statusCode, 200);
      assert.deepEqual(
        alerts.json().items.map((a: { id: string; justification: string }) => [a.id, a.justification]),
        [[grantId, WHY]],
      );
      assert.equal((await t.call(security, 'GET', '/api/staff/break-glass/alerts')).statusCode, 403, "alerts are the privacy officer's");
      const granted = await t.auditOf('staff.break_glass_granted');
      assert.deepEqual([granted[0]?.purpose, granted[0]?.data['minutes'], granted[0]?.data['alerted']], ['break_glass', 30, 1]);
    });

    test("while the grant is active its holder reveals the customer's fields with purpose break_glass; nobody else can use it", async () => {
      const res = await t.call(security, 'POST', `/api/staff/break-glass/${grantId}/reveal`, { fields: ['mobile', 'realName'] });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().fields.mobile.value, '+8613600003333');
      const uses = (await t.auditOf('vault.fields_revealed')).filter((e) => e.purpose === 'break_glass');
      assert.deepEqual(
        uses.map((e) => e.decision),
        ['denied', 'allowed'],
      );
      const other = await t.call(privacy, 'POST', `/api/staff/break-glass/${grantId}/reveal`, { fields: ['mobile'] });
      assert.equal(other.statusCode, 404);
      assert.deepEqual(
        (await t.auditOf('staff.break_glass_refused')).map((e) => e.data['reason']),
        ['identifier_in_justification', 'identifier_in_justification', 'no_profile', 'not_own_grant'],
      );
      const asBroker = await t.call(broker, 'POST', `/api/staff/customers/${customerId}/reveal`, {
        fields: ['mobile'],
        purpose: 'break_glass',
      });
      assert.equal(asBroker.statusCode, 403, 'a broker cannot claim the break_glass purpose');
    });

    test('the privacy officer acknowledges the alert, once', async () => {
      const ack = await t.call(privacy, 'POST', `/api/staff/break-glass/${grantId}/acknowledge`);
      assert.equal(ack.statusCode, 204, ack.body);
      assert.equal((await t.call(privacy, 'POST', `/api/staff/break-glass/${grantId}/acknowledge`)).json().code, 'CONFLICT');
      assert.ok((await t.call(privacy, 'GET', '/api/staff/break-glass/alerts')).json().items[0].acknowledgedAt);
    });

    test('after the time box the grant is refused, and its expiry is recorded once', async () => {
      const past = new Date(Date.now() - 60_000).toISOString();
      await t.database.db.updateTable('staff_break_glass').set({ expires_at: past }).where('id', '=', grantId).execute();
      const res = await t.call(security, 'POST', `/api/staff/break-glass/${grantId}/reveal`, { fields: ['mobile'] });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'BREAK_GLASS_REQUIRED');
      assert.doesNotMatch(res.body, /13600003333/);
      const refused = (await t.auditOf('vault.fields_revealed')).at(-1);
      assert.deepEqual([refused?.decision, refused?.data['refusal']], ['denied', 'no_break_glass_grant']);
      assert.equal(await t.app.services.staff.breakGlass.recordExpiries(), 1);
      assert.equal(await t.app.services.staff.breakGlass.recordExpiries(), 0);
      assert.deepEqual(
        (await t.auditOf('staff.break_glass_expired')).map((e) => e.data['grantId']),
        [grantId],
      );
      const mine = await t.call(security, 'GET', '/api/staff/break-glass/mine');
      assert.equal(mine.json().items[0].active, false);
    });
  });
}
