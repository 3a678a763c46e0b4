import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TDealList } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { seedDemoDeal } from '../../src/demo/seed-demo-deal.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';
import { authHeaders, signIn } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';

for (const dialect of DIALECTS) {
  describe(`the demo deal seed on ${dialect}`, () => {
    let t: IdentityTestApp;
    let seeded: boolean;
    before(async () => {
      t = await createIdentityTestApp(dialect);
      await seedDemo(t.database, t.app.services);
      seeded = await seedDemoDeal(t.database, t.app.services);
    });
    after(async () => t.close());

    const deals = async (loginName: string) => {
      const session = await signIn(t.app, loginName, DEMO_PASSWORD);
      const res = await t.app.inject({ method: 'GET', url: '/api/deals', headers: authHeaders(session, false) });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as TDealList).items;
    };

    /** The real-name verification status of a demo log-in. */
    const verificationOf = async (loginName: string) =>
      (
        await t.database.db
          .selectFrom('identity_verifications')
          .innerJoin('accounts', 'accounts.id', 'identity_verifications.account_id')
          .select('identity_verifications.status')
          .where('accounts.login_name', '=', loginName)
          .executeTakeFirstOrThrow()
      ).status;

    test('the demo deal is at due diligence after a signed letter of intent, and its seller, buyer and broker each see it', async () => {
      assert.equal(seeded, true);
      const [asSeller, asBuyer, asBroker] = [await deals('seller2'), await deals('buyer2'), await deals('broker')];
      for (const items of [asSeller, asBuyer, asBroker]) {
        assert.equal(items.length, 1);
        assert.equal(items[0]?.stage, 'due_diligence');
      }
      const deal = await t.database.db.selectFrom('deals').selectAll().executeTakeFirstOrThrow();
      assert.equal(deal.intent_kind, 'loi');
      const events = (await t.database.db.selectFrom('audit_log').select('type').where('type', 'like', 'deals.%').execute()).map(
        (e) => e.type,
      );
      assert.equal(events.filter((e) => e === 'deals.started').length, 1);
      assert.equal(events.filter((e) => e === 'deals.stage_advanced').length, 2, 'inquiry → intent → due diligence, audited');
    });

    test('the first demo pair is untouched: their listing is not locked and their buyer still waits for verification', async () => {
      assert.deepEqual(await deals('seller'), []);
      const seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      const own = (await t.app.inject({ method: 'GET', url: '/api/seller/listings', headers: authHeaders(seller, false) })).json() as {
        items: { status: string }[];
      };
      assert.deepEqual(own.items.map((l) => l.status).sort(), ['draft', 'published', 'submitted']);
      assert.deepEqual(await deals('buyer'), []);
      assert.equal(await verificationOf('buyer'), 'pending');
    });

    test('the demo buyer is verified, the messages and the data-room document are stored sealed', async () => {
      assert.equal(await verificationOf('buyer2'), 'verified');
      const messages = await t.database.db.selectFrom('thread_messages').selectAll().execute();
      assert.equal(messages.length, 4);
      assert.ok(
        messages.every((m) => !JSON.stringify(m).includes('软件著作权')),
        'no message rests in plaintext',
      );
      assert.equal((await t.database.db.selectFrom('dataroom_documents').select('id').execute()).length, 1);
    });

    test('seeding again adds nothing', async () => {
      const count = async (table: 'accounts' | 'deals' | 'listings' | 'thread_messages') =>
        (await t.database.db.selectFrom(table).selectAll().execute()).length;
      const before = await Promise.all((['accounts', 'deals', 'listings', 'thread_messages'] as const).map(count));
      assert.equal(await seedDemo(t.database, t.app.services), false);
      assert.equal(await seedDemoDeal(t.database, t.app.services), false);
      assert.deepEqual(await Promise.all((['accounts', 'deals', 'listings', 'thread_messages'] as const).map(count)), before);
    });
  });
}
