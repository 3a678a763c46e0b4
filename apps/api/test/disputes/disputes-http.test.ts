import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe(`disputes and mediation on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let buyer: Session;
    let broker: Session;
    let outsider: Session;
    let listingCode = '';
    let disputeId = '';
    const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: authHeaders(s), ...(payload === undefined ? {} : { payload: payload as object }) });

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      await seedDemo(t.database, t.app.services);
      await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'other.buyer',
        accountNo: 'C-299999',
        roles: ['buyer'],
        password: DEMO_PASSWORD,
      });
      seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      buyer = await signIn(t.app, 'buyer', DEMO_PASSWORD);
      broker = await signIn(t.app, 'broker', DEMO_PASSWORD);
      outsider = await signIn(t.app, 'other.buyer', DEMO_PASSWORD);
      const mine = (await call(seller, 'GET', '/api/seller/listings')).json().items as { code: string; status: string }[];
      listingCode = mine.find((l) => l.status === 'published')?.code ?? '';
      const inquiry = await call(buyer, 'POST', `/api/listings/${listingCode}/inquiries`, {
        buyerType: 'company',
        budgetBand: '100to300',
        timeline: '1to3m',
        note: '希望了解资质和纳税情况',
      });
      assert.equal(inquiry.statusCode, 200, inquiry.body);
    });
    after(async () => t.close());

    test('a buyer with an inquiry opens a dispute against the seller; the listing broker mediates, with two clocks', async () => {
      const withPhone = await call(buyer, 'POST', '/api/me/disputes', {
        listingCode,
        against: 'party',
        topic: 'disclosure',
        summary: '卖方要求我直接打 13800138000 联系',
      });
      assert.equal(withPhone.json().code, 'FREE_TEXT_IDENTIFIERS');
      const stranger = await call(outsider, 'POST', '/api/me/disputes', {
        listingCode,
        against: 'party',
        topic: 'other',
        summary: '我没有询价但是想要投诉这个挂牌',
      });
      assert.equal(stranger.statusCode, 404, stranger.body + 'no inquiry, no deal: the listing is not theirs to dispute');
      const opened = await call(buyer, 'POST', '/api/me/disputes', {
        listingCode,
        against: 'party',
        topic: 'disclosure',
        summary: '卖方在批准前要求线下沟通，且资料与挂牌不符。',
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const d = opened.json();
      disputeId = d.id;
      assert.deepEqual([d.status, d.myRole, d.claimantRole, d.mediatorStaffNo, d.overdue], ['open', 'claimant', 'buyer', 'S-1001', false]);
      assert.equal(Date.parse(d.respondBy) - Date.parse(d.openedAt), 5 * DAY);
      assert.equal(Date.parse(d.resolveBy) - Date.parse(d.openedAt), 30 * DAY);
      assert.equal((await call(seller, 'GET', `/api/disputes/${disputeId}`)).json().myRole, 'respondent');
      assert.equal((await call(broker, 'GET', '/api/me/disputes')).json().items[0].myRole, 'mediator');
    });

    test('nobody outside the case sees it, and evidence they cannot see themselves is refused', async () => {
      assert.equal((await call(outsider, 'GET', `/api/disputes/${disputeId}`)).statusCode, 404);
      assert.deepEqual((await call(outsider, 'GET', '/api/me/disputes')).json().items, []);
      const evidence = await call(buyer, 'POST', `/api/disputes/${disputeId}/evidence`, { kind: 'document', refId: crypto.randomUUID() });
      assert.equal(evidence.statusCode, 404);
      const refusals = await t.database.db.selectFrom('audit_log').select('decision').where('type', '=', 'disputes.refused').execute();
      assert.equal(refusals.length, 2);
    });

    test('only the mediator records sessions and closes; both parties see the notes and the outcome', async () => {
      assert.equal((await call(buyer, 'POST', `/api/disputes/${disputeId}/sessions`, { notes: '双方同意补充资料' })).statusCode, 403);
      const guarded = await call(broker, 'POST', `/api/disputes/${disputeId}/sessions`, { notes: '卖方手机 13800138000' });
      assert.equal(guarded.json().code, 'FREE_TEXT_IDENTIFIERS');
      const session = await call(broker, 'POST', `/api/disputes/${disputeId}/sessions`, {
        notes: '第一次调解：卖方同意通过平台补充资料。',
      });
      assert.equal(session.json().status, 'mediation');
      const closed = await call(broker, 'POST', `/api/disputes/${disputeId}/close`, {
        closing: 'resolved',
        outcome: '卖方在七日内上传资料；买方撤回投诉。',
      });
      assert.equal(closed.json().status, 'resolved', closed.body);
      for (const party of [buyer, seller]) {
        const seen = (await call(party, 'GET', `/api/disputes/${disputeId}`)).json();
        assert.deepEqual([seen.outcome, seen.sessions.length, seen.closing], ['卖方在七日内上传资料；买方撤回投诉。', 1, 'resolved']);
      }
      assert.equal(
        (await call(broker, 'POST', `/api/disputes/${disputeId}/close`, { closing: 'court', outcome: '再次结案处理' })).json().code,
        'CONFLICT',
      );
      const kinds = await t.database.db.selectFrom('notifications').select('kind').where('kind', 'like', 'dispute_%').execute();
      assert.ok(kinds.some((k) => k.kind === 'dispute_closed'));
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('type')
        .where('type', 'like', 'disputes.%')
        .where('decision', '=', 'allowed')
        .execute();
      assert.deepEqual(audit.map((a) => a.type).sort(), ['disputes.closed', 'disputes.opened', 'disputes.session_held']);
    });
  });
}
