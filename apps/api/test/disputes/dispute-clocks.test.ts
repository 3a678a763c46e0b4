import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { createDisputesRepo, createDisputesService } from '../../src/modules/disputes/index.ts';
import { loadChinaCalendar } from '../../src/platform/calendar/index.ts';
import type { Principal } from '../../src/platform/http/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

const HOUR = 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe(`dispute clocks and their reminders on ${dialect}`, () => {
    let t: TestApp;
    let clock = new Date('2026-09-28T02:00:00Z'); // Monday 10:00 Beijing; the National Day holiday starts on Thursday
    let disputes: ReturnType<typeof createDisputesService>;
    let buyer: Principal;
    let broker: Principal;
    let disputeId = '';
    const ids: Record<string, string> = {};
    const noticesOf = async (login: string) =>
      (
        await t.database.db
          .selectFrom('notifications')
          .select('kind')
          .where('account_id', '=', ids[login] ?? '')
          .where('kind', 'in', ['dispute_clock_due', 'dispute_clock_overdue'])
          .execute()
      ).map((n) => n.kind);

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      await seedDemo(t.database, t.app.services);
      for (const row of await t.database.db.selectFrom('accounts').select(['id', 'login_name']).execute()) ids[row.login_name] = row.id;
      const principal = (login: string, roles: string[], kind: 'staff' | 'customer'): Principal => ({
        accountId: ids[login] ?? '',
        sessionId: 'test',
        kind,
        roles,
        csrfToken: '',
        stage: 'active',
      });
      buyer = principal('buyer', ['buyer'], 'customer');
      broker = principal('broker', ['broker'], 'staff');
      // The same service the app builds, with a clock the test moves (time travel) and the real PRC calendar.
      disputes = createDisputesService({
        repo: createDisputesRepo(t.database.db),
        audit: t.app.services.auditLog,
        notifications: t.app.services.notifications,
        calendar: loadChinaCalendar(),
        now: () => clock,
      });
      const seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      const asBuyer = await signIn(t.app, 'buyer', DEMO_PASSWORD);
      const mine = (await t.app.inject({ method: 'GET', url: '/api/seller/listings', headers: authHeaders(seller) })).json().items;
      const code = (mine as { code: string; status: string }[]).find((l) => l.status === 'published')?.code ?? '';
      const inquiry = await t.app.inject({
        method: 'POST',
        url: `/api/listings/${code}/inquiries`,
        headers: authHeaders(asBuyer),
        payload: { buyerType: 'company', budgetBand: '100to300', timeline: '1to3m', note: '希望了解资质和纳税情况' },
      });
      assert.equal(inquiry.statusCode, 200, inquiry.body);
      const opened = await disputes.open(buyer, {
        listingCode: code,
        against: 'party',
        topic: 'deposit',
        summary: '卖方收取定金后迟迟不提供尽调资料。',
      });
      disputeId = opened.id;
      assert.equal(opened.respondBy, '2026-10-03T02:00:00.000Z', 'five days: a Saturday inside the holiday');
    });
    after(async () => t.close());

    test('with the National Day holiday ahead, the mediator is reminded on the last working day but one, not by calendar days', async () => {
      assert.deepEqual(await disputes.remindClocks(clock), { due: 0, overdue: 0 }, 'Monday: two working days left');
      clock = new Date('2026-09-29T02:00:00Z'); // Tuesday: only Wednesday remains before the holiday, though 4 days are left
      assert.deepEqual(await disputes.remindClocks(clock), { due: 1, overdue: 0 });
      assert.deepEqual(await disputes.remindClocks(new Date('2026-09-30T02:00:00Z')), { due: 0, overdue: 0 }, 'once per clock');
      assert.deepEqual(await noticesOf('broker'), ['dispute_clock_due']);
      assert.deepEqual(await noticesOf('buyer'), [], 'the parties are not told of a clock still running');
    });

    test('once the answer clock has passed, the mediator and both parties hear it once, and the sweep is audited as counts', async () => {
      clock = new Date('2026-10-03T02:00:00Z');
      assert.deepEqual(await disputes.remindClocks(new Date(clock.getTime() - HOUR)), { due: 0, overdue: 0 }, 'not yet passed');
      clock = new Date('2026-10-03T03:00:00Z');
      assert.deepEqual(await disputes.remindClocks(clock), { due: 0, overdue: 1 });
      assert.deepEqual(await disputes.remindClocks(clock), { due: 0, overdue: 0 });
      assert.deepEqual((await noticesOf('broker')).sort(), ['dispute_clock_due', 'dispute_clock_overdue']);
      assert.deepEqual(await noticesOf('buyer'), ['dispute_clock_overdue']);
      assert.deepEqual(await noticesOf('seller'), ['dispute_clock_overdue']);
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select('data')
        .where('type', '=', 'disputes.clocks_reminded')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audited.map((r) => JSON.parse(String(r.data))),
        [
          { due: 1, overdue: 0 },
          { due: 0, overdue: 1 },
        ],
      );
      assert.equal((await disputes.get(buyer, disputeId)).overdue, true);
    });

    test('after a session only the mediation clock runs; a closed case is never reminded', async () => {
      clock = new Date('2026-10-09T02:00:00Z');
      await disputes.recordSession(broker, disputeId, '双方已到场，卖方同意三日内补充资料。');
      assert.deepEqual(
        await disputes.remindClocks(new Date('2026-10-26T02:00:00Z')),
        { due: 0, overdue: 0 },
        'Monday: two working days left',
      );
      assert.deepEqual(await disputes.remindClocks(new Date('2026-10-27T02:00:00Z')), { due: 1, overdue: 0 });
      clock = new Date('2026-10-27T03:00:00Z');
      await disputes.close(broker, disputeId, { closing: 'resolved', outcome: '卖方补齐资料，双方继续交易。' });
      assert.deepEqual(await disputes.remindClocks(new Date('2026-11-30T02:00:00Z')), { due: 0, overdue: 0 });
    });
  });
}
