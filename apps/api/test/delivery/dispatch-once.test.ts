import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createDeliveryOutbox,
  createDeliveryRepo,
  type DeliveryOutbox,
  type DeliveryTransport,
  type RenderedMessage,
} from '../../src/modules/delivery/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';

/**
 * The `delivery.dispatch` job (scale-out: any instance hands a stored e-mail to SMTP). Whatever the runner does — a
 * job redelivered after its worker died, or run twice — the message leaves once. The cluster test kills a worker
 * mid-send (test/scale); this checks the outbox's side on both dialects.
 */
for (const dialect of DIALECTS) {
  describe(`the e-mail dispatch job on ${dialect}`, () => {
    let t: IdentityTestApp;
    let queued: string[];
    let delivered: RenderedMessage[];
    let refuse: boolean;
    let outbox: DeliveryOutbox;
    const transport: DeliveryTransport = {
      name: 'counting',
      channel: 'email',
      deliver: async (message) => {
        if (refuse) throw Object.assign(new Error(`550 <${message.to}> rejected`), { code: 'EENVELOPE' });
        delivered.push(message);
      },
    };
    const statusOf = async (id: string) => ({
      ...(await t.database.db.selectFrom('delivery_outbox').select(['status', 'failure']).where('id', '=', id).executeTakeFirstOrThrow()),
    });

    before(async () => {
      t = await createIdentityTestApp(dialect);
      outbox = createDeliveryOutbox({
        repo: createDeliveryRepo(t.database.db),
        vault: t.app.services.vault,
        logger: t.logger,
        transports: [transport],
        queue: async (id) => queued.push(id),
      });
    });
    after(async () => t?.close());

    test('an e-mail waits for its job, which rebuilds it from the sealed row and sends it once however often it runs', async () => {
      queued = [];
      delivered = [];
      refuse = false;
      const { id } = await outbox.send({
        channel: 'email',
        to: 'once.5e1d@example.org',
        template: 'registration_code',
        params: { code: '864213', minutes: 10 },
      });
      assert.deepEqual(queued, [id], 'one job queued with the outbox id only');
      assert.equal(delivered.length, 0, 'nothing leaves before the job runs');
      assert.equal((await statusOf(id)).status, 'queued');

      assert.equal(await outbox.dispatchStored(id, { final: false }), 'sent');
      // The job delivered again (its worker died after the send), and once more concurrently: no second e-mail.
      const again = await Promise.all([outbox.dispatchStored(id, { final: false }), outbox.dispatchStored(id, { final: true })]);
      assert.deepEqual(again, ['settled_before', 'settled_before']);
      assert.equal(delivered.length, 1);
      const [mail] = delivered;
      assert.equal(mail?.id, id);
      assert.equal(mail?.to, 'once.5e1d@example.org');
      assert.match(mail?.subject ?? '', /注册验证码/);
      assert.match(mail?.text ?? '', /864213/);
      assert.equal((await statusOf(id)).status, 'sent');
    });

    test('a refused attempt keeps the message queued for the retry, and the last attempt settles it as failed, once', async () => {
      queued = [];
      delivered = [];
      refuse = true;
      const { id } = await outbox.send({
        channel: 'email',
        to: 'refused.5e1d@example.org',
        template: 'registration_already_registered',
        params: {},
      });
      await assert.rejects(outbox.dispatchStored(id, { final: false }));
      assert.deepEqual(await statusOf(id), { status: 'queued', failure: 'counting_eenvelope' });
      assert.equal(await outbox.dispatchStored(id, { final: true }), 'failed');
      assert.deepEqual(await statusOf(id), { status: 'failed', failure: 'counting_eenvelope' });
      refuse = false;
      assert.equal(await outbox.dispatchStored(id, { final: false }), 'settled_before', 'a settled failure is not sent later');
      assert.equal(delivered.length, 0);
      // The provider's text (it echoes the address) is never logged.
      assert.ok(!t.logLines.some((l) => l.includes('refused.5e1d@example.org')));
    });
  });
}
