import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { createVendorsFixture, registerReadyVendor } from './vendors-fixture.ts';

type Center = {
  thirdParties: { id: string; name: { en: string }; role: string }[];
  crossBorder: { code: string; country: { 'zh-CN': string } }[];
};

for (const dialect of DIALECTS) {
  describe(`the privacy center lists recipients from live data (${dialect})`, () => {
    test('with SMTP configured the privacy center lists the e-mail provider; without it, it does not', async () => {
      const withSmtp = await createVendorsFixture(dialect, { env: { SMTP_URL: 'smtp://mailer:secret@smtp.example.cn:587' } });
      try {
        const center: Center = (await withSmtp.app.inject({ url: '/api/privacy/center' })).json();
        const smtp = center.thirdParties.find((t) => t.id === 'smtp');
        assert.ok(smtp, JSON.stringify(center.thirdParties));
        assert.equal(smtp.role, 'entrusted_processor');
        assert.match(smtp.name.en, /E-mail delivery \(smtp\.example\.cn\)/);
        assert.ok(!JSON.stringify(center).includes('secret'), 'no credential leaves');
      } finally {
        await withSmtp.close();
      }
      const without = await createVendorsFixture(dialect);
      try {
        const center: Center = (await without.app.inject({ url: '/api/privacy/center' })).json();
        assert.deepEqual(center.thirdParties, []);
        assert.deepEqual(center.crossBorder, []);
        // A recipient abroad registered by the officer shows as a destination, named, with its country.
        await registerReadyVendor(without, { vendorKey: 'sg_processor', country: 'SG' });
        const after: Center = (await without.app.inject({ url: '/api/privacy/center' })).json();
        assert.deepEqual(
          after.crossBorder.map((c) => [c.code, c.country['zh-CN']]),
          [['sg_processor', '新加坡']],
        );
      } finally {
        await without.close();
      }
    });
  });
}
