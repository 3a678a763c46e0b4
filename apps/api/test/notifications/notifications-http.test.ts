import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NOTIFICATION_KINDS, notificationText } from '@sealbridge/contracts';
import { detect } from '@sealbridge/cn-identifiers';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';

const PASSWORD = 'Seal-bridge harbour 42 lanterns';
const ALL_OFF = {
  account: { email: false, sms: false },
  disclosure: { email: false, sms: false },
  dataroom: { email: false, sms: false },
  messages: { email: false, sms: false },
  deals: { email: false, sms: false },
};

for (const dialect of DIALECTS) {
  describe(`notifications on ${dialect}`, () => {
    let t: IdentityTestApp;
    let alice: Session;
    let bob: Session;
    let aliceId = '';

    before(async () => {
      t = await createIdentityTestApp(dialect);
      const a = await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'notice-alice',
        accountNo: 'C-900001',
        roles: ['buyer'],
        password: PASSWORD,
      });
      await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'notice-bob',
        accountNo: 'C-900002',
        roles: ['seller'],
        password: PASSWORD,
      });
      aliceId = a.id;
      await t.app.services.profiles.updateOwn(
        { accountId: a.id, sessionId: 'test', kind: 'customer', roles: ['buyer'], csrfToken: '', stage: 'active' },
        { email: 'alice.notice@example.com', mobile: '13911113333' },
      );
      alice = await signIn(t.app, 'notice-alice', PASSWORD);
      bob = await signIn(t.app, 'notice-bob', PASSWORD);
    });
    after(async () => t.close());

    test("a notice appears in its owner's list, unread, and nowhere else; marking it read clears the count", async () => {
      await t.app.services.notifications.notify({
        accountId: aliceId,
        kind: 'level_expired',
        params: { code: 'SB-2026-0001', level: 'L1' },
        link: '/account/notifications',
      });
      const mine = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: authHeaders(alice, false) })).json();
      assert.equal(mine.unread, 1);
      assert.equal(mine.items[0].kind, 'level_expired');
      assert.deepEqual(mine.items[0].params, { code: 'SB-2026-0001', level: 'L1' });
      const theirs = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: authHeaders(bob, false) })).json();
      assert.equal(theirs.items.length, 0);
      const read = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read', headers: authHeaders(alice), payload: {} });
      assert.equal(read.statusCode, 204);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: authHeaders(alice, false) })).json().unread,
        0,
      );
    });

    test("an e-mail copy goes to the person's own address by default, a text message only after they turn it on", async () => {
      const before = t.outbox.messages.length;
      await t.app.services.notifications.notify({
        accountId: aliceId,
        kind: 'level_expired',
        params: { code: 'SB-2026-0002', level: 'L1' },
      });
      await t.app.services.delivery.drain();
      const sent = t.outbox.messages.slice(before);
      assert.deepEqual(
        sent.map((m) => [m.channel, m.to, m.template]),
        [['email', 'alice.notice@example.com', 'notification']],
      );
      assert.match(sent[0]?.text ?? '', /SB-2026-0002/);

      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/me/notification-settings',
        headers: authHeaders(alice),
        payload: { channels: { ...ALL_OFF, disclosure: { email: false, sms: true } } },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json().channels.disclosure, { email: false, sms: true });
      const next = t.outbox.messages.length;
      await t.app.services.notifications.notify({
        accountId: aliceId,
        kind: 'level_expired',
        params: { code: 'SB-2026-0003', level: 'L1' },
      });
      await t.app.services.delivery.drain();
      assert.deepEqual(
        t.outbox.messages.slice(next).map((m) => [m.channel, m.to]),
        [['mobile', '+8613911113333']],
      );
      await t.app.services.auditLog.drain();
      const changed = await t.database.db
        .selectFrom('audit_log')
        .select('type')
        .where('type', '=', 'notifications.settings_changed')
        .where('actor_account_id', '=', aliceId)
        .execute();
      assert.equal(changed.length, 1);
    });

    test("opening the person's address for a copy is an audited access by the platform", async () => {
      await t.app.services.auditLog.drain();
      const reveals = await t.database.db
        .selectFrom('audit_log')
        .select(['purpose', 'decision'])
        .where('type', '=', 'vault.fields_revealed')
        .where('actor_account_id', '=', aliceId)
        .execute();
      assert.ok(reveals.length >= 2);
      assert.ok(reveals.every((r) => r.purpose === 'account_service' && r.decision === 'allowed'));
    });

    test('a notice whose parameters hold an identifier, or are not its declared ones, is refused before anything is stored', async () => {
      const count = async () =>
        (await t.database.db.selectFrom('notifications').select('id').where('account_id', '=', aliceId).execute()).length;
      const n = await count();
      await assert.rejects(
        t.app.services.notifications.notify({ accountId: aliceId, kind: 'level_expired', params: { code: '13812345678', level: 'L1' } }),
        /identifier/,
      );
      await assert.rejects(
        t.app.services.notifications.notify({
          accountId: aliceId,
          kind: 'level_expired',
          params: { code: 'SB-1', level: 'L1', extra: 'x' },
        }),
        /declaration/,
      );
      await assert.rejects(
        t.app.services.notifications.notify({
          accountId: aliceId,
          kind: 'level_expired',
          params: { code: 'SB-1', level: 'L1' },
          link: 'https://evil.example/',
        }),
        /in-app path/,
      );
      assert.equal(await count(), n);
    });

    test('bad settings are refused with a validation error and change nothing', async () => {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/me/notification-settings',
        headers: authHeaders(bob),
        payload: { channels: { nonsense: { email: true, sms: true } } },
      });
      assert.equal(res.statusCode, 422);
      const settings = (
        await t.app.inject({ method: 'GET', url: '/api/me/notification-settings', headers: authHeaders(bob, false) })
      ).json();
      assert.deepEqual(settings.channels.deals, { email: true, sms: false });
    });
  });
}

describe('the notification registry', () => {
  test('every kind declares the parameters its texts use, in both languages, and its texts carry no identifier', () => {
    for (const [kind, def] of Object.entries(NOTIFICATION_KINDS)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const used = [...def[locale].matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
        assert.deepEqual([...new Set(used)].sort(), [...def.params].sort(), `${kind} ${locale}`);
        const sample = notificationText(kind, Object.fromEntries(def.params.map((p) => [p, 'SB-2026-0001'])), locale);
        assert.deepEqual(detect(sample), [], `${kind} ${locale}`);
      }
    }
  });
});
