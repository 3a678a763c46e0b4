import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, sessionFrom, type Session } from '../helpers/test-app.ts';
import { nextClientAddress } from '../helpers/identity-app.ts';
import { createStaffFixture, signInAs, type StaffFixture } from './staff-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`staff administration and offboarding on ${dialect}`, () => {
    let t: StaffFixture;
    let admin: Session;
    let adminId: string;
    before(async () => {
      t = await createStaffFixture(dialect);
      adminId = await t.account('chief.admin', ['admin']);
      await t.account('some.broker', ['broker']);
      admin = await signInAs(t.app, 'chief.admin');
    });
    after(async () => t.close());

    test('an admin creates a staff member whose one-time initial password signs in, and the list masks the log-in name and e-mail', async () => {
      const res = await t.call(admin, 'POST', '/api/staff/members', {
        loginName: 'Wang.Fang',
        staffNo: 'S-2002',
        roles: ['privacy_officer'],
        workEmail: 'Wang.Fang@Example.cn',
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.match(body.initialPassword, /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      assert.equal(body.member.loginName, 'wa***');
      assert.equal(body.member.workEmail.state, 'masked');
      assert.doesNotMatch(JSON.stringify(body.member), /wang\.fang@example\.cn/i);
      assert.equal(body.member.agreementAccepted, false);
      await signInAs(t.app, 'wang.fang', body.initialPassword);
      const stored = await t.database.db
        .selectFrom('staff_members')
        .selectAll()
        .where('account_id', '=', body.member.accountId)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(stored.work_email_ct ?? '', /example/);
      const list = await t.call(admin, 'GET', '/api/staff/members');
      assert.ok(list.json().items.some((m: { staffNo: string }) => m.staffNo === 'S-2002'));
      const events = await t.auditOf('staff.account_created');
      assert.deepEqual(events.at(-1)?.data, { staffAccountId: body.member.accountId, roles: ['privacy_officer'] });
    });

    test('a taken log-in name or staff number is a conflict, an invalid e-mail names the field, and nothing is created', async () => {
      const before = (await t.call(admin, 'GET', '/api/staff/members')).json().items.length;
      const taken = await t.call(admin, 'POST', '/api/staff/members', { loginName: 'some.broker', staffNo: 'S-7777', roles: ['broker'] });
      assert.equal(taken.json().code, 'CONFLICT');
      const bad = await t.call(admin, 'POST', '/api/staff/members', {
        loginName: 'new.one',
        staffNo: 'S-7778',
        roles: ['broker'],
        workEmail: 'not-an-email',
      });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(bad.json().details, { fields: ['workEmail'] });
      const customerRole = await t.call(admin, 'POST', '/api/staff/members', {
        loginName: 'new.two',
        staffNo: 'S-7779',
        roles: ['seller'],
      });
      assert.equal(customerRole.statusCode, 422, 'customer roles are not staff roles');
      assert.equal((await t.call(admin, 'GET', '/api/staff/members')).json().items.length, before);
    });

    test('a broker cannot administer staff', async () => {
      const broker = await signInAs(t.app, 'some.broker');
      const res = await t.call(broker, 'POST', '/api/staff/members', { loginName: 'sneaky', staffNo: 'S-6666', roles: ['admin'] });
      assert.equal(res.statusCode, 403);
      assert.equal((await t.call(broker, 'GET', '/api/staff/members')).statusCode, 403);
    });

    test("an admin changes another member's roles (effective on the next request) but never their own", async () => {
      const id = await t.account('role.change', ['auditor']);
      const member = await signInAs(t.app, 'role.change');
      assert.deepEqual((await t.call(member, 'GET', '/api/auth/me')).json().account.roles, ['auditor']);
      const res = await t.call(admin, 'PUT', `/api/staff/members/${id}/roles`, { roles: ['broker'] });
      assert.equal(res.statusCode, 204, res.body);
      const me = await t.call(member, 'GET', '/api/auth/me');
      assert.deepEqual(me.json().account.roles, ['broker']);
      const own = await t.call(admin, 'PUT', `/api/staff/members/${adminId}/roles`, { roles: ['admin', 'auditor'] });
      assert.equal(own.statusCode, 403);
      const events = await t.auditOf('staff.roles_changed');
      assert.deepEqual(
        events.map((e) => e.decision),
        ['allowed', 'denied'],
      );
    });

    test("an offboarded broker's session is refused on this instance and on a second one, they cannot sign in, and their clients are flagged for reassignment", async () => {
      const brokerId = await t.account('leaving.broker', ['broker']);
      const nextBrokerId = await t.account('next.broker', ['broker']);
      const customerId = await t.account('client.one', ['seller'], 'customer');
      await t.app.services.profiles.assignClient(customerId, brokerId, adminId);
      const session = await signInAs(t.app, 'leaving.broker');
      const second = await t.secondInstance();
      assert.equal(
        (await second.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode,
        200,
        'the session works on both instances first',
      );

      const res = await t.call(admin, 'POST', `/api/staff/members/${brokerId}/offboard`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().sessionsEnded, 1);
      assert.equal(res.json().clientsFlagged, 1);

      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 401);
      assert.equal((await second.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 401);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginName: 'leaving.broker', password: 'staff-fixture-password-1' },
        remoteAddress: nextClientAddress(),
      });
      assert.equal(login.statusCode, 401);
      assert.equal(login.json().code, 'INVALID_CREDENTIALS');
      const onSecond = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginName: 'leaving.broker', password: 'staff-fixture-password-1' },
        remoteAddress: nextClientAddress(),
      });
      assert.equal(onSecond.statusCode, 401);
      assert.equal(sessionFrom(onSecond).csrf, '');

      const flagged = (await t.call(admin, 'GET', '/api/staff/reassignments')).json().items;
      assert.deepEqual(
        flagged.map((f: { customerAccountId: string; fromAccountId: string }) => [f.customerAccountId, f.fromAccountId]),
        [[customerId, brokerId]],
      );
      const list = (await t.call(admin, 'GET', '/api/staff/members'))
        .json()
        .items.find((m: { accountId: string }) => m.accountId === brokerId);
      assert.equal(list.status, 'disabled');
      assert.ok(list.offboardedAt);
      const events = await t.auditOf('staff.offboarded');
      assert.deepEqual(events.at(-1)?.data, { staffAccountId: brokerId, sessionsEnded: 1, clientsFlagged: 1, grantsEnded: 0 });

      const toDisabled = await t.call(admin, 'POST', '/api/staff/reassignments', {
        customerAccountId: customerId,
        fromAccountId: brokerId,
        toAccountId: brokerId,
      });
      assert.equal(toDisabled.statusCode, 422, 'a disabled broker cannot take the client');
      const moved = await t.call(admin, 'POST', '/api/staff/reassignments', {
        customerAccountId: customerId,
        fromAccountId: brokerId,
        toAccountId: nextBrokerId,
      });
      assert.equal(moved.statusCode, 204, moved.body);
      assert.deepEqual((await t.call(admin, 'GET', '/api/staff/reassignments')).json().items, []);
      const assigned = await t.database.db
        .selectFrom('client_assignments')
        .selectAll()
        .where('broker_account_id', '=', nextBrokerId)
        .execute();
      assert.deepEqual(
        assigned.map((a) => a.customer_account_id),
        [customerId],
      );
      assert.equal((await t.auditOf('staff.client_reassigned')).length, 1);
    });

    test('an admin cannot offboard themself', async () => {
      const res = await t.call(admin, 'POST', `/api/staff/members/${adminId}/offboard`);
      assert.equal(res.statusCode, 403);
      assert.equal((await t.call(admin, 'GET', '/api/auth/me')).statusCode, 200);
    });

    test('an assignment joins a customer to an active broker only: a staff account is never a client, a non-broker never an adviser', async () => {
      const customer = await t.account('assign.customer', ['buyer'], 'customer');
      const broker = await t.account('assign.broker', ['broker']);
      const auditor = await t.account('assign.auditor', ['auditor']);
      const assign = (customerAccountId: string, brokerAccountId: string) =>
        t.call(admin, 'POST', '/api/staff/assignments', { customerAccountId, brokerAccountId });
      const staffAsClient = await assign(auditor, broker);
      assert.equal(staffAsClient.statusCode, 422);
      assert.deepEqual(staffAsClient.json().details, { fields: ['customerAccountId'] });
      assert.deepEqual((await assign(broker, broker)).json().details, { fields: ['customerAccountId'] });
      assert.deepEqual((await assign(customer, auditor)).json().details, { fields: ['brokerAccountId'] });
      assert.deepEqual((await assign(customer, customer)).json().details, { fields: ['brokerAccountId'] });
      assert.deepEqual((await assign(customer, 'no-such-account')).json().details, { fields: ['brokerAccountId'] });
      const none = await t.database.db
        .selectFrom('client_assignments')
        .selectAll()
        .where('customer_account_id', 'in', [auditor, broker, customer])
        .execute();
      assert.deepEqual(none, [], 'nothing half-written');
      assert.equal((await assign(customer, broker)).statusCode, 204);
    });
  });
}
