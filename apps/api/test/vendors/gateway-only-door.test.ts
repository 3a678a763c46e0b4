// No transport can be reached except through the sharing gateway: a structural check over the source (who may
// build or call a transport) and a runtime check (a transport the gateway refuses never receives the message).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RenderedMessage } from '../../src/modules/delivery/index.ts';
import { createServices } from '../../src/services.ts';
import { createCapturingTransports } from '../fakes/capturing-transport.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createVendorsFixture, type VendorsFixture } from './vendors-fixture.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Files (relative to src/) where `pattern` occurs, comments stripped. */
function filesMatching(pattern: RegExp): string[] {
  return sourceFiles(SRC)
    .filter((path) => pattern.test(readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
    .map((path) => relative(SRC, path).replaceAll('\\', '/'))
    .sort();
}

describe('the sharing gateway is the only door to a transport (structure)', () => {
  test('only the gated-delivery wrapper builds a transport, and nodemailer is imported by the SMTP transport alone', () => {
    assert.deepEqual(filesMatching(/\bcreate(Smtp|Sms)Transport\s*\(/), [
      'modules/delivery/sms-transport.ts',
      'modules/delivery/smtp-transport.ts',
      'modules/vendors/gated-delivery.ts',
    ]);
    assert.deepEqual(filesMatching(/from\s+'nodemailer'/), ['modules/delivery/smtp-transport.ts']);
    assert.deepEqual(filesMatching(/\bsendTemplate\s*\(/), ['modules/delivery/sms-transport.ts']);
  });

  test("only the outbox (given gated transports) and the gateway's wrapper call a transport's deliver", () => {
    assert.deepEqual(filesMatching(/\.deliver\s*\(/), ['modules/delivery/delivery-outbox.ts', 'modules/vendors/gated-delivery.ts']);
  });

  test('the composition root hands the outbox only the gated transports, and raw transports only to the gateway', () => {
    const services = readFileSync(join(SRC, 'services.ts'), 'utf8');
    assert.match(services, /createDeliveryOutbox\(\{[^}]*transports: gatedDelivery\.transports/);
    const raw = [...services.matchAll(/deps\.deliveryTransports/g)].map((m) => m.index ?? 0);
    const gatedCall = services.indexOf('gatedDeliveryTransports(');
    const gatedEnd = services.indexOf('vendors.gateway', gatedCall);
    assert.ok(raw.length > 0 && raw.every((i) => i > gatedCall && i < gatedEnd), 'extra transports are used only inside the gated wrapper');
    assert.equal(filesMatching(/\bcreateDeliveryOutbox\s*\(/).join(), 'modules/delivery/delivery-outbox.ts,services.ts');
  });
});

for (const dialect of DIALECTS) {
  describe(`delivery through the gateway (${dialect})`, () => {
    let f: VendorsFixture;
    let messages: RenderedMessage[];
    before(async () => {
      const capture = createCapturingTransports();
      messages = capture.messages;
      f = await createVendorsFixture(dialect, { transports: capture.transports });
    });
    after(async () => f.close());

    const send = async (to: string) => {
      await f.app.services.delivery.send({ channel: 'email', to, template: 'registration_code', params: { code: '246810', minutes: 10 } });
      await f.app.services.delivery.drain();
    };

    test('a configured provider is registered from configuration and a message to it is allowed and recorded before it leaves', async () => {
      const vendor = (await f.app.services.vendors.registry.list()).find((v) => v.vendorKey === 'capture');
      assert.ok(vendor, 'registered from configuration');
      assert.deepEqual([vendor.source, vendor.role, vendor.contract?.kind], ['configuration', 'entrusted_processor', 'provisional']);
      await send('li@example.com');
      assert.equal(messages.at(-1)?.to, 'li@example.com');
      const rows = await f.database.db.selectFrom('data_transfers').selectAll().where('vendor_key', '=', 'capture').execute();
      assert.deepEqual(
        rows.map((r) => [r.outcome, r.channel, r.purpose]),
        [['allowed', 'delivery_email', 'account_service']],
      );
      assert.ok(!JSON.stringify(rows).includes('li@example.com'), 'the address is not in the record');
    });

    test('a command-line run configured without the provider does not end the registration the servers use', async () => {
      // The CLI (audit verify, backup, keys) composes the services with its own configuration: here no transport at all.
      await createServices({ config: f.config, database: f.database, keys: f.keys, logger: f.logger });
      const vendor = (await f.app.services.vendors.registry.list()).find((v) => v.vendorKey === 'capture');
      assert.equal(vendor?.status, 'active');
      const before = messages.length;
      await send('zhao@example.com');
      assert.equal(messages.length, before + 1, 'the message still leaves');
    });

    test('when the gateway refuses (the relationship ended), the transport receives nothing and the refusal is recorded', async () => {
      const vendor = (await f.app.services.vendors.registry.list()).find((v) => v.vendorKey === 'capture');
      await f.app.services.vendors.registry.end(f.officer, vendor?.id ?? '', 'by_officer');
      const before = messages.length;
      await send('wang@example.com');
      assert.equal(messages.length, before, 'nothing reached the transport');
      const outbox = await f.database.db
        .selectFrom('delivery_outbox')
        .select(['status', 'failure'])
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      assert.deepEqual([outbox?.status, outbox?.failure], ['failed', 'capture_transfer_refused']);
      const refused = await f.database.db
        .selectFrom('data_transfers')
        .select(['reason'])
        .where('vendor_key', '=', 'capture')
        .where('outcome', '=', 'refused')
        .execute();
      assert.deepEqual(
        refused.map((r) => r.reason),
        ['recipient_ended'],
      );
    });
  });
}
