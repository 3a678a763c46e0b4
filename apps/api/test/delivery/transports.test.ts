import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { createSmsTransport, createSmtpTransport, renderMessage, TEMPLATES, type SmsGateway } from '../../src/modules/delivery/index.ts';
import { DELIVERY_TEMPLATES } from '@sealbridge/contracts';

describe('delivery transports and templates', () => {
  test('every template renders in both channels, an SMS begins with the signature and a missing parameter is named', () => {
    for (const template of DELIVERY_TEMPLATES) {
      const params = Object.fromEntries(TEMPLATES[template].params.map((p) => [p, p === 'minutes' ? 10 : '246810']));
      const sms = renderMessage({ channel: 'mobile', to: '+8613900000000', template, params });
      assert.match(sms.text, /^【封桥】/);
      const mail = renderMessage({ channel: 'email', to: 'a@example.com', template, params });
      assert.ok(mail.subject.length > 0 && mail.text.length > sms.text.length);
    }
    assert.throws(
      () => renderMessage({ channel: 'mobile', to: '+8613900000000', template: 'registration_code', params: { minutes: 10 } }),
      /needs parameter code/,
    );
  });

  test('the SMTP transport hands nodemailer the sender, recipient, subject, text and the outbox id', async () => {
    const mailer = nodemailer.createTransport({ jsonTransport: true });
    const sent: unknown[] = [];
    const smtp = createSmtpTransport({
      from: '封桥 Sealbridge <no-reply@example.cn>',
      mailer: { sendMail: async (mail) => sent.push(JSON.parse(String(((await mailer.sendMail(mail)) as { message: string }).message))) },
    });
    assert.equal(smtp.channel, 'email');
    const rendered = renderMessage({
      channel: 'email',
      to: 'li@example.com',
      template: 'registration_code',
      params: { code: '135790', minutes: 10 },
    });
    await smtp.deliver({
      id: 'msg-1',
      channel: 'email',
      to: 'li@example.com',
      template: 'registration_code',
      params: { code: '135790', minutes: 10 },
      ...rendered,
    });
    const mail = sent[0] as {
      to: { address: string }[];
      subject: string;
      text: string;
      headers: Record<string, string>;
      from: { address: string };
    };
    assert.deepEqual(
      mail.to.map((a) => a.address),
      ['li@example.com'],
    );
    assert.equal(mail.from.address, 'no-reply@example.cn');
    assert.match(mail.subject, /注册验证码/);
    assert.match(mail.text, /135790/);
    assert.equal(mail.headers['X-Sealbridge-Message-Id'], 'msg-1');
  });

  test('the SMS transport sends a provider template id with its variables in order, never the text', async () => {
    const calls: Parameters<SmsGateway['sendTemplate']>[0][] = [];
    const gateway: SmsGateway = {
      provider: 'aliyun',
      sendTemplate: async (request) => (calls.push(request), { providerMessageId: 'p-1' }),
    };
    const sms = createSmsTransport(gateway, {
      signName: '封桥',
      templates: {
        registration_code: { templateId: 'SMS_000001', params: ['code', 'minutes'] },
        registration_already_registered: { templateId: 'SMS_000002', params: [] },
        new_device_sign_in: { templateId: 'SMS_000003', params: ['time', 'device'] },
        password_reset_code: { templateId: 'SMS_000004', params: ['code', 'minutes'] },
        password_reset_no_account: { templateId: 'SMS_000005', params: [] },
        break_glass_alert: { templateId: 'SMS_000006', params: ['staffNo', 'customerNo', 'minutes'] },
        listing_alert: { templateId: 'SMS_000007', params: ['count', 'codes', 'url'] },
        notification: { templateId: 'SMS_000008', params: ['text', 'url'] },
        privacy_ticket_reply: { templateId: 'SMS_000009', params: ['no', 'text'] },
      },
    });
    assert.equal(sms.name, 'sms_aliyun');
    const message = {
      id: 'm',
      channel: 'mobile' as const,
      to: '+8613900000000',
      template: 'registration_code' as const,
      params: { code: '112233', minutes: 10 },
    };
    await sms.deliver({ ...message, ...renderMessage(message) });
    assert.deepEqual(calls, [
      {
        phoneNumber: '+8613900000000',
        signName: '封桥',
        templateId: 'SMS_000001',
        params: [
          ['code', '112233'],
          ['minutes', '10'],
        ],
      },
    ]);
  });
});
