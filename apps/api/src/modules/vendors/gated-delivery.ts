import { createSmtpTransport, type DeliveryTransport } from '../delivery/index.ts';
import type { ConfiguredProvider } from './vendors-registry.ts';
import type { SharingGateway } from './sharing-gateway.ts';

/**
 * The delivery transports as the outbox receives them: each one wrapped by the sharing gateway, so a code or a
 * notice reaches SMTP or an SMS provider only after the gateway allowed and recorded the hand-off. This is the only
 * file that builds the SMTP transport (test/vendors/gateway-only-door.test.ts checks that no other file can reach
 * a transport), and it declares each transport as a provider to register from configuration.
 */
export function gateTransport(transport: DeliveryTransport, gateway: Pick<SharingGateway, 'send'>): DeliveryTransport {
  return {
    name: transport.name,
    channel: transport.channel,
    deliver: (message) =>
      gateway.send(
        {
          vendorKey: transport.name,
          // Codes, security alerts and service notices the person asked for: the account service itself.
          purpose: 'account_service',
          channel: `delivery_${transport.channel}`,
          subject: { reference: `${message.channel}:${message.to}` },
          categories: ['contact'],
          sensitive: false,
        },
        () => transport.deliver(message),
      ),
  };
}

/** The provider a transport stands for; `host` (the SMTP server, never a credential) names it in the privacy center. */
export function providerOf(transport: Pick<DeliveryTransport, 'name' | 'channel'>, host?: string): ConfiguredProvider {
  const email = transport.channel === 'email';
  const label = host ?? transport.name;
  return {
    vendorKey: transport.name,
    service: email ? 'email_delivery' : 'sms_delivery',
    name: email
      ? { 'zh-CN': `电子邮件发送服务（${label}）`, en: `E-mail delivery (${label})` }
      : { 'zh-CN': `短信发送服务（${label}）`, en: `SMS delivery (${label})` },
    country: 'CN',
    purposes: ['account_service'],
    categories: ['contact'],
    sensitive: false,
  };
}

/** SMTP from SMTP_URL and the extra transports (an SMS gateway), gated; with the providers they imply. */
export function gatedDeliveryTransports(
  options: { smtpUrl?: string | undefined; smtpFrom: string; extra?: readonly DeliveryTransport[] },
  gateway: Pick<SharingGateway, 'send'>,
): { transports: DeliveryTransport[]; providers: ConfiguredProvider[]; close: () => void } {
  const smtp = options.smtpUrl ? createSmtpTransport({ url: options.smtpUrl, from: options.smtpFrom }) : undefined;
  const raw = [...(options.extra ?? []), ...(smtp ? [smtp] : [])];
  const host = options.smtpUrl ? new URL(options.smtpUrl).hostname : undefined;
  const providers = new Map(raw.map((t) => [t.name, providerOf(t, t === smtp ? host : undefined)]));
  return { transports: raw.map((t) => gateTransport(t, gateway)), providers: [...providers.values()], close: () => smtp?.close() };
}
