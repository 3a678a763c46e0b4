import type { DeliveryTemplate } from '@sealbridge/contracts';
import type { DeliveryTransport } from './delivery-port.ts';

/**
 * What a Chinese SMS provider needs (Aliyun 短信服务 SendSms, Tencent Cloud 短信 SendSms): carriers accept only
 * pre-approved signatures (签名) and templates (模板), so a provider is sent a template id and the template's
 * variables, never free text. An adapter for a provider implements this with its SDK and credentials; none is
 * bundled (they need an account and network access — README, "Integrations that cannot run here").
 *
 * - Aliyun: PhoneNumbers, SignName, TemplateCode (SMS_xxxxxxxx), TemplateParam as a JSON object by name.
 * - Tencent: PhoneNumberSet (+86…), SmsSdkAppId, SignName, TemplateId, TemplateParamSet as an ordered list.
 */
export type SmsGateway = {
  provider: string;
  sendTemplate(request: {
    /** E.164, e.g. +8613800000000 (strip the +86 for providers that want the national number). */
    phoneNumber: string;
    signName: string;
    templateId: string;
    /** By name, in the order the approved template declares them (Tencent needs the order). */
    params: readonly (readonly [name: string, value: string])[];
  }): Promise<{ providerMessageId: string }>;
};

/** Our template → the provider's approved template id and its variables, in order. */
export type SmsTemplateMap = Record<DeliveryTemplate, { templateId: string; params: readonly string[] }>;

/** A delivery transport over a provider gateway: maps the template, sends the variables, never the text. */
export function createSmsTransport(gateway: SmsGateway, options: { signName: string; templates: SmsTemplateMap }): DeliveryTransport {
  return {
    name: `sms_${gateway.provider}`,
    channel: 'mobile',
    async deliver(message) {
      const template = options.templates[message.template];
      await gateway.sendTemplate({
        phoneNumber: message.to,
        signName: options.signName,
        templateId: template.templateId,
        params: template.params.map((name) => [name, String(message.params[name] ?? '')] as const),
      });
    },
  };
}
