import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bytesAtRest } from '../helpers/at-rest.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, signIn } from '../helpers/test-app.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';
import { createRefusingTransport } from '../fakes/capturing-transport.ts';

const PASSWORD = 'Outbox-canary 93 lighthouse';
/** Addresses planted through registration; with the codes sent to them, none may rest or be logged in plaintext. */
const MOBILE = '13957246831';
const EMAIL = 'outbox.canary.5e1d@example.org';
const NEEDLES_BASE = [MOBILE, '+8613957246831', '139 5724 6831', EMAIL, 'outbox.canary.5e1d'];

for (const dialect of DIALECTS) {
  describe(`the delivery outbox on ${dialect}`, () => {
    let t: IdentityTestApp;
    let needles: string[];
    before(async () => {
      t = await createIdentityTestApp(dialect);
      await t.app.services.identity.createAccount({
        kind: 'staff',
        loginName: 'admin',
        accountNo: 'S-1',
        roles: ['admin'],
        password: PASSWORD,
      });
      await t.app.services.identity.createAccount({
        kind: 'staff',
        loginName: 'broker',
        accountNo: 'S-2',
        roles: ['broker'],
        password: PASSWORD,
      });
      await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'buyer',
        accountNo: 'C-3',
        roles: ['buyer'],
        password: PASSWORD,
      });
      for (const [channel, address] of [
        ['mobile', MOBILE],
        ['email', EMAIL],
      ] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/register/start',
          remoteAddress: nextClientAddress(),
          payload: { channel, address },
        });
        assert.equal(res.statusCode, 202, res.body);
      }
      const code = t.outbox.codeFor('+8613957246831');
      const done = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register/complete',
        remoteAddress: nextClientAddress(),
        payload: { channel: 'mobile', address: MOBILE, code, password: PASSWORD, roles: ['seller'] },
      });
      assert.equal(done.statusCode, 201, done.body);
      needles = [...NEEDLES_BASE, code, t.outbox.codeFor(EMAIL)];
      await t.app.services.delivery.drain();
    });
    after(async () => t.close());

    test('the transports were handed the real address and code, so the search below is meaningful', () => {
      assert.equal(t.outbox.lastTo('+8613957246831')?.params['code'], needles.at(-2));
      assert.match(t.outbox.lastTo(EMAIL)?.text ?? '', /验证码为 \d{6}/);
    });

    test('no address or code appears in the database files, their WAL, the key store or the tables', async () => {
      const haystack = await bytesAtRest(t);
      if (t.dialect === 'sqlite') assert.ok(haystack.includes(Buffer.from('delivery_outbox')), 'the files hold the outbox');
      else assert.match(haystack.toString('utf8'), /registration_code/, 'the dump holds the outbox');
      assert.deepEqual(
        needles.filter((needle) => haystack.includes(Buffer.from(needle, 'utf8'))),
        [],
      );
    });

    test('the log says "message queued" with template and id only, and holds no address or code', () => {
      const queued = t.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'message queued');
      assert.equal(queued.length, 2);
      for (const line of queued) {
        assert.match(String(line['messageId']), /^[0-9a-f-]{36}$/);
        assert.equal(line['template'], 'registration_code');
      }
      const logs = t.logLines.join('\n');
      assert.deepEqual(
        needles.filter((needle) => logs.includes(needle)),
        [],
      );
    });

    test('an admin sees each message with a masked recipient, its template, status and time', async () => {
      const admin = await signIn(t.app, 'admin', PASSWORD);
      const res = await t.app.inject({ url: '/api/staff/outbox', headers: authHeaders(admin) });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.total, 2);
      const byChannel = Object.fromEntries(body.items.map((i: { channel: string }) => [i.channel, i]));
      assert.deepEqual(byChannel.mobile.recipient, { state: 'masked', value: '139****6831' });
      assert.deepEqual(byChannel.email.recipient, { state: 'masked', value: 'o***@example.org' });
      for (const item of body.items) {
        assert.equal(item.template, 'registration_code');
        assert.equal(item.status, 'sent');
        assert.ok(Date.parse(item.createdAt) > 0 && Date.parse(item.dispatchedAt) > 0);
        assert.deepEqual(Object.keys(item).sort(), ['channel', 'createdAt', 'dispatchedAt', 'id', 'recipient', 'status', 'template']);
      }
      assert.deepEqual(
        needles.filter((needle) => res.body.includes(needle)),
        [],
        'only masks leave',
      );
      assert.doesNotMatch(res.body, /验证码/, 'the text never leaves');
    });

    test('the outbox is refused to a broker, a customer and a visitor', async () => {
      const broker = await signIn(t.app, 'broker', PASSWORD);
      const buyer = await signIn(t.app, 'buyer', PASSWORD);
      assert.equal((await t.app.inject({ url: '/api/staff/outbox', headers: authHeaders(broker) })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/api/staff/outbox', headers: authHeaders(buyer) })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/api/staff/outbox' })).statusCode, 401);
    });
  });
}

describe('the outbox without a transport, and with a failing one', () => {
  test('with no transport configured a message stays in the outbox with status outbox_only', async () => {
    const t = await createIdentityTestApp('sqlite', { transports: [] });
    try {
      await t.app.services.delivery.send({
        channel: 'mobile',
        to: '+8613957246832',
        template: 'registration_code',
        params: { code: '123456', minutes: 10 },
      });
      const list = await t.app.services.delivery.list({ page: 1, pageSize: 10 });
      assert.equal(list.items[0]?.status, 'outbox_only');
      assert.equal(list.items[0]?.dispatchedAt, null);
    } finally {
      await t.close();
    }
  });

  test('a refused message is marked failed with an error class, and the provider text (which names the address) is not logged', async () => {
    const t = await createIdentityTestApp('sqlite', { transports: [createRefusingTransport('email')] });
    try {
      await t.app.services.delivery.send({
        channel: 'email',
        to: 'refused.7c2@example.org',
        template: 'registration_already_registered',
        params: {},
      });
      await t.app.services.delivery.drain();
      const row = await t.database.db.selectFrom('delivery_outbox').select(['status', 'failure']).executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { status: 'failed', failure: 'refusing_eenvelope' });
      const logs = t.logLines.join('\n');
      assert.match(logs, /message not delivered/);
      assert.doesNotMatch(logs, /refused\.7c2|Recipient address rejected/);
    } finally {
      await t.close();
    }
  });
});
