import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSellerListings, syntheticCreditCode } from '../../src/modules/listings/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { signIn } from '../helpers/test-app.ts';
import { client, createDisclosureWorld, type DisclosureWorld } from './disclosure-fixture.ts';

const PASSWORD = 'Seal-bridge harbour 42 lanterns';

for (const dialect of DIALECTS) {
  describe(`advisers for everyone on ${dialect}`, () => {
    let w: DisclosureWorld;
    let c: ReturnType<typeof client>;
    let broker2 = '';
    before(async () => {
      w = await createDisclosureWorld(dialect);
      c = client(w.t.app);
      broker2 = (
        await w.t.app.services.identity.createAccount({
          kind: 'staff',
          loginName: 'broker-two',
          accountNo: 'S-1002',
          roles: ['broker'],
          password: PASSWORD,
        })
      ).id;
    });
    after(async () => w.t.close());

    test('a self-registered seller gets an adviser at the first listing, by the most specific rule, and sees only the staff number', async () => {
      const rule = await c.post(w.admin, '/api/staff/advisers/rules', { provinceCode: '54', industry: null, brokerAccountId: broker2 });
      assert.equal(rule.statusCode, 200, rule.body);
      const seller = await w.t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'new-seller',
        accountNo: 'C-100777',
        roles: ['seller'],
        password: PASSWORD,
      });
      const session = await signIn(w.t.app, 'new-seller', PASSWORD);
      assert.deepEqual((await c.get(session, '/api/me/adviser')).json(), { assigned: false, staffNo: null, since: null });
      const base = demoSellerListings()[0];
      assert.ok(base);
      const draft = await c.post(session, '/api/seller/listings', {
        ...base,
        districtCode: '540102',
        company: { ...base.company, name: '拉萨雪域7信息科技有限公司', creditCode: syntheticCreditCode(7701) },
      });
      assert.equal(draft.statusCode, 200, draft.body);
      const mine = (await c.get(session, '/api/me/adviser')).json();
      assert.equal(mine.assigned, true);
      assert.equal(mine.staffNo, 'S-1002');
      assert.deepEqual(Object.keys(mine).sort(), ['assigned', 'since', 'staffNo']);
      const row = await w.t.database.db
        .selectFrom('listings')
        .select('broker_account_id')
        .where('id', '=', draft.json().id)
        .executeTakeFirst();
      assert.equal(row?.broker_account_id, broker2);
      assert.equal((await c.get(session, '/api/me/notifications')).json().items[0].kind, 'adviser_assigned');
      assert.ok(seller.id);
    });

    test('an admin reassigns a customer: the old assignment ends (kept as history), the listings follow, the old broker loses access', async () => {
      const before = await w.t.database.db
        .selectFrom('client_assignments')
        .selectAll()
        .where('customer_account_id', '=', w.ids.seller)
        .execute();
      assert.equal(before.filter((r) => r.ended_at === null).length, 1);
      const res = await c.put(w.admin, `/api/staff/advisers/assignments/${w.ids.seller}`, { brokerAccountId: broker2 });
      assert.equal(res.statusCode, 204, res.body);
      const rows = await w.t.database.db
        .selectFrom('client_assignments')
        .selectAll()
        .where('customer_account_id', '=', w.ids.seller)
        .execute();
      assert.deepEqual(
        rows.filter((r) => r.ended_at === null).map((r) => r.broker_account_id),
        [broker2],
      );
      assert.ok(rows.some((r) => r.broker_account_id === w.ids.broker && r.ended_at !== null));
      assert.equal((await c.get(w.broker, `/api/broker/listings/${w.listing.id}`)).statusCode, 404);
      const s2 = await signIn(w.t.app, 'broker-two', PASSWORD);
      assert.equal((await c.get(s2, `/api/broker/listings/${w.listing.id}`)).statusCode, 200);
      assert.equal((await c.get(w.seller, '/api/me/adviser')).json().staffNo, 'S-1002');
      const list = (await c.get(w.admin, '/api/staff/advisers/assignments?customerNo=C-100001')).json();
      assert.equal(list.items[0].brokerStaffNo, 'S-1002');
    });

    test("a staff account or an unknown broker cannot be made anyone's adviser", async () => {
      assert.equal((await c.put(w.admin, `/api/staff/advisers/assignments/${w.ids.broker}`, { brokerAccountId: broker2 })).statusCode, 422);
      assert.equal(
        (await c.put(w.admin, `/api/staff/advisers/assignments/${w.ids.seller}`, { brokerAccountId: w.ids.admin })).statusCode,
        422,
      );
      assert.equal(
        (await c.post(w.admin, '/api/staff/advisers/rules', { provinceCode: null, industry: null, brokerAccountId: broker2 })).statusCode,
        422,
      );
    });
  });
}
