/**
 * Delivery: the one way to send a person a code or a notice. `DeliveryPort.send` seals the message into the outbox
 * (the working local implementation, shown to admins masked) and hands it to a transport when one serves the
 * channel: SMTP (SMTP_URL) for e-mail, an SMS provider gateway for mobiles (interface only; see README).
 */
export type { DeliveryChannel, DeliveryMessage, DeliveryPort, DeliveryTransport, RenderedMessage } from './delivery-port.ts';
export { createDeliveryRepo } from './delivery-repo.ts';
export { createDeliveryOutbox, DISPATCH_JOB, type DeliveryOutbox } from './delivery-outbox.ts';
export { deliveryRoutes } from './delivery-routes.ts';
export { renderMessage, TEMPLATES } from './delivery-templates.ts';
export { createSmtpTransport, type Mailer } from './smtp-transport.ts';
export { createSmsTransport, type SmsGateway, type SmsTemplateMap } from './sms-transport.ts';
