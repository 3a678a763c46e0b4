import nodemailer from 'nodemailer';
import type { DeliveryTransport } from './delivery-port.ts';

/** The part of a nodemailer transporter we use (a fake in tests: nodemailer's JSON or stream transport). */
export type Mailer = {
  sendMail(mail: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
  close?(): void;
};

/**
 * E-mail through SMTP (nodemailer), configured by SMTP_URL (smtp:// or smtps://user:password@host:port).
 * The outbox calls it after the sealed row is written; a refusal is recorded by error class only.
 */
export function createSmtpTransport(options: { url?: string; from: string; mailer?: Mailer }): DeliveryTransport & { close(): void } {
  const mailer: Mailer = options.mailer ?? nodemailer.createTransport(options.url ?? '');
  return {
    name: 'smtp',
    channel: 'email',
    async deliver(message) {
      await mailer.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // Lets an operator match a bounce to an outbox row without the address.
        headers: { 'X-Sealbridge-Message-Id': message.id },
      });
    },
    close: () => mailer.close?.(),
  };
}
