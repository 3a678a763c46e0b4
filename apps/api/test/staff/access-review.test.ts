import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, type Session } from '../helpers/test-app.ts';
import { createStaffFixture, signInAs, type StaffFixture } from './staff-fixture.ts';

type Item = { id: string; accountId: string; decision: string; roles: string[] };
const DAY = 24 * 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe(`access review campaigns on ${dialect}`, () => {
    let t: StaffFixture;
    let admin: Session;
    let adminId: string;
    let keepId: string;
    let dropId: string;
    let lateId: string;
    let late: Session;
    let items: Item[];
    before(async () => {
      t = await createStaffFixture(dialect);
      adminId = await t.account('review.admin', ['admin']);
      keepId = await t.account('keep.me', ['broker']);
      dropId = await t.account('drop.me', ['auditor']);
      lateId = await t.account('late.one', ['security_officer']);
      await t.account('a.customer', ['buyer'], 'customer');
      admin = await signInAs(t.app, 'review.admin');
      late = await signInAs(t.app, 'late.one');
    });
    after(async () => t.close());

    test('a campaign started by an admin holds one item per staff member with their current roles', async () => {
      const res = await t.call(admin, 'POST', '/api/staff/access-reviews', { dueInDays: 7 });
      assert.equal(res.statusCode, 201, res.body);
      const campaign = (await t.call(admin, 'GET', '/api/staff/access-reviews')).json().items[0];
      items = campaign.items;
      assert.deepEqual(items.map((i) => i.accountId).sort(), [adminId, keepId, dropId, lateId].sort());
      assert.deepEqual(items.find((i) => i.accountId === dropId)?.roles, ['auditor']);
      assert.equal((await t.auditOf('staff.review_started'))[0]?.data['items'], 4);
    });

    test('a reviewer recertifies one member, and cannot review their own access', async () => {
      const keep = items.find((i) => i.accountId === keepId);
      const res = await t.call(admin, 'POST', `/api/staff/access-reviews/items/${keep?.id}`, { decision: 'recertify' });
      assert.equal(res.statusCode, 204, res.body);
      const again = await t.call(admin, 'POST', `/api/staff/access-reviews/items/${keep?.id}`, { decision: 'revoke' });
      assert.equal(again.json().code, 'CONFLICT', 'a decided item stays decided');
      const own = items.find((i) => i.accountId === adminId);
      const self = await t.call(admin, 'POST', `/api/staff/access-reviews/items/${own?.id}`, { decision: 'recertify' });
      assert.equal(self.statusCode, 403);
      assert.deepEqual(
        (await t.auditOf('staff.access_recertified')).map((e) => e.decision),
        ['allowed', 'denied'],
      );
    });

    test('a revoked member loses their roles and their sessions', async () => {
      const session = await signInAs(t.app, 'drop.me');
      const drop = items.find((i) => i.accountId === dropId);
      const res = await t.call(admin, 'POST', `/api/staff/access-reviews/items/${drop?.id}`, { decision: 'revoke' });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 401);
      const account = await t.database.db.selectFrom('accounts').select('roles').where('id', '=', dropId).executeTakeFirstOrThrow();
      assert.equal(account.roles, '');
      assert.deepEqual(
        (await t.auditOf('staff.access_revoked')).map((e) => e.data['sessionsEnded']),
        [1],
      );
    });

    test('what is not recertified by the due date expires: roles removed, sessions ended, the campaign closed', async () => {
      const reviews = t.app.services.staff.reviews;
      assert.equal(await reviews.expireOverdue(new Date(Date.now() + 6 * DAY)), 0, 'nothing expires before the due date');
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(late) })).statusCode, 200);
      assert.equal(
        await reviews.expireOverdue(new Date(Date.now() + 8 * DAY)),
        2,
        'the late member and the admin (who cannot review themself)',
      );
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(late) })).statusCode, 401);
      const roles = await t.database.db.selectFrom('accounts').select(['id', 'roles']).where('id', 'in', [lateId, keepId]).execute();
      assert.deepEqual(Object.fromEntries(roles.map((r) => [r.id, r.roles])), { [lateId]: '', [keepId]: 'broker' });
      const expired = await t.auditOf('staff.access_expired');
      assert.deepEqual(
        expired.map((e) => e.actor_account_id),
        [null, null],
        "expiry is the system's act",
      );
      const campaign = await t.database.db.selectFrom('staff_review_campaigns').selectAll().executeTakeFirstOrThrow();
      assert.ok(campaign.closed_at);
      assert.equal(await reviews.expireOverdue(new Date(Date.now() + 9 * DAY)), 0, 'expiry happens once');
    });

    test('a campaign can be started by the schedule (no admin)', async () => {
      await t.app.services.staff.reviews.start(null, 14);
      const started = await t.auditOf('staff.review_started');
      assert.equal(started.at(-1)?.actor_account_id, null);
    });
  });
}
