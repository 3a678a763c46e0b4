import {
  ZConsentDecisionRequest,
  ZFeedbackRequest,
  ZGuardDecisions,
  ZMyConsents,
  ZNotice,
  ZNoticeDraft,
  ZNoticeList,
  ZPendingConsents,
  ZPrivacyCenter,
  ZPublishNoticeRequest,
  ZReceiptBody,
  ZReceiptKey,
  ZSignedReceipt,
  ZTicket,
  ZTicketList,
  ZTicketReceipt,
  ZMyTicket,
  ZMyTicketList,
  ZRightsAnswer,
  ZRightsExtend,
  ZRightsRefuse,
  ZVerifyResult,
  ZWithdrawRequest,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOf, principalOf, type Principal } from '../../platform/http/index.ts';
import { renderReceiptPdf } from './consent-receipt-pdf.ts';
import type { ConsentService } from './consent-service.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });

/** `customerNo` names the customer on a receipt's PDF by their number (C-100001), not by the internal account id. */
export function consentRoutes(service: ConsentService, options: { customerNo?: (principal: Principal) => Promise<string> } = {}) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // Public: the privacy center.
    r.get('/api/privacy/center', {
      config: { permission: 'public' },
      schema: {
        tags: ['privacy'],
        summary: 'Officer contact, third parties, cross-border destinations and the consent purposes',
        response: { 200: ZPrivacyCenter },
      },
      handler: async () => service.center(),
    });
    r.get('/api/privacy/notices', {
      config: { permission: 'public' },
      schema: { tags: ['privacy'], summary: 'Published privacy-notice versions', response: { 200: ZNoticeList } },
      handler: async () => service.listNotices(),
    });
    r.get('/api/privacy/notices/current', {
      config: { permission: 'public' },
      schema: {
        tags: ['privacy'],
        summary: 'The privacy notice in force, with its 清单 generated from the registry',
        response: { 200: ZNotice },
      },
      handler: async () => service.currentNotice(),
    });
    r.get('/api/privacy/notices/:version', {
      config: { permission: 'public' },
      schema: {
        tags: ['privacy'],
        summary: 'One privacy-notice version',
        params: z.object({ version: zQueryInt(1, 1_000_000) }),
        response: { 200: ZNotice },
      },
      handler: async (request) => service.notice(request.params.version),
    });
    r.get('/api/privacy/receipt-key', {
      config: { permission: 'public' },
      schema: { tags: ['privacy'], summary: 'The platform public key that signs consent receipts', response: { 200: ZReceiptKey } },
      handler: async () => service.receiptKey(),
    });
    r.post('/api/privacy/receipts/verify', {
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['privacy'],
        summary: 'Check a consent receipt against the platform key',
        body: z.object({ receipt: ZReceiptBody.strict(), signature: z.string().max(200) }),
        response: { 200: ZVerifyResult },
      },
      handler: async (request) => service.verifyReceipt(request.body),
    });
    r.post('/api/privacy/feedback', {
      config: { permission: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['privacy'],
        summary: 'Send feedback to the privacy officer (a ticket with a 15-working-day clock)',
        body: ZFeedbackRequest,
        response: { 201: ZTicketReceipt },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.openTicket(request.principal ?? undefined, 'feedback', request.body, String(request.id))),
    });

    // Signed-in customer: my privacy.
    r.get('/api/me/privacy/tickets', {
      config: { permission: 'customer.self_service' },
      schema: { tags: ['consent'], summary: 'My privacy feedback: status, clock, answer and history', response: { 200: ZMyTicketList } },
      handler: async (request) => service.tickets.mine(customerOf(request.principal)),
    });
    r.get('/api/me/privacy/tickets/:id', {
      config: { permission: 'customer.self_service' },
      schema: {
        tags: ['consent'],
        summary: "One of my privacy tickets (another's answers 404 like none)",
        params: ZId,
        response: { 200: ZMyTicket },
      },
      handler: async (request) => service.tickets.mineOne(customerOf(request.principal), request.params.id),
    });
    r.get('/api/me/consents', {
      config: { permission: 'customer.self_service' },
      schema: { tags: ['consent'], summary: 'My consents and receipts', response: { 200: ZMyConsents } },
      handler: async (request) => service.mine(customerOf(request.principal).accountId),
    });
    r.get('/api/me/consents/pending', {
      config: { permission: 'customer.self_service' },
      schema: { tags: ['consent'], summary: 'Consent requests to show at this visit', response: { 200: ZPendingConsents } },
      handler: async (request) => service.pending(customerOf(request.principal).accountId),
    });
    r.get('/api/me/consents/decisions', {
      config: { permission: 'customer.self_service' },
      schema: {
        tags: ['consent'],
        summary: 'What the consent guard would decide now for each of my purposes',
        response: { 200: ZGuardDecisions },
      },
      handler: async (request) => service.decisions(customerOf(request.principal).accountId),
    });
    r.post('/api/me/consents', {
      config: { permission: 'customer.self_service' },
      schema: {
        tags: ['consent'],
        summary: 'Give or refuse consent to one purpose (returns the signed receipt)',
        body: ZConsentDecisionRequest,
        response: { 201: ZSignedReceipt },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.decide(customerOf(request.principal), request.body, 'web', String(request.id))),
    });
    r.post('/api/me/consents/withdraw', {
      config: { permission: 'customer.self_service' },
      schema: {
        tags: ['consent'],
        summary: 'Withdraw a consent in one step (returns the signed receipt)',
        body: ZWithdrawRequest,
        response: { 201: ZSignedReceipt },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.withdraw(customerOf(request.principal), request.body, String(request.id))),
    });
    r.get('/api/me/consents/receipts/:id', {
      config: { permission: 'customer.self_service' },
      schema: { tags: ['consent'], summary: 'One of my signed consent receipts', params: ZId, response: { 200: ZSignedReceipt } },
      handler: async (request) => service.receipt(customerOf(request.principal).accountId, request.params.id),
    });
    r.get('/api/me/consents/receipts/:id/receipt.pdf', {
      config: { permission: 'customer.self_service', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['consent'], summary: 'One of my consent receipts as a readable zh-CN PDF (signed JSON attached)', params: ZId },
      handler: async (request, reply) => {
        const principal = customerOf(request.principal);
        const signed = await service.receipt(principal.accountId, request.params.id);
        const customerNo = options.customerNo ? await options.customerNo(principal) : principal.accountId;
        const bytes = await renderReceiptPdf(signed, customerNo);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="sealbridge-consent-receipt.pdf"`)
          .send(Buffer.from(bytes));
      },
    });
    // Privacy officer.
    r.get('/api/staff/privacy/notice-draft', {
      config: { permission: 'privacy.notice.manage' },
      schema: {
        tags: ['staff'],
        summary: 'The next notice as the registry has it now, with what changed',
        response: { 200: ZNoticeDraft },
      },
      handler: async () => {
        const { changedFields: _omit, ...draft } = await service.draftNotice();
        return draft;
      },
    });
    r.post('/api/staff/privacy/notices', {
      config: { permission: 'privacy.notice.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Publish a privacy-notice version (rule changes need 7 days of notice)',
        body: ZPublishNoticeRequest,
        response: { 201: ZNotice },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.publishNotice(request.body, principalOf(request.principal), String(request.id))),
    });
    r.get('/api/staff/privacy/tickets', {
      config: { permission: 'privacy.tickets.manage' },
      schema: { tags: ['staff'], summary: 'Privacy tickets with their SLA clock (texts masked)', response: { 200: ZTicketList } },
      handler: async () => ({ tickets: await service.listTickets() }),
    });
    r.post('/api/staff/privacy/tickets/:id/reveal', {
      config: { permission: 'privacy.tickets.manage' },
      schema: { tags: ['staff'], summary: "Read a ticket's text (audited reveal)", params: ZId, response: { 200: ZTicket } },
      handler: async (request) => service.revealTicket(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.post('/api/staff/privacy/tickets/:id/answer', {
      config: { permission: 'privacy.tickets.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Answer a ticket: the sender sees it in 我的隐私, or gets it at the contact e-mail they gave',
        params: ZId,
        body: ZRightsAnswer,
        response: { 200: ZTicket },
      },
      handler: async (request) =>
        service.tickets.answer(principalOf(request.principal), request.params.id, request.body.text, String(request.id)),
    });
    r.post('/api/staff/privacy/tickets/:id/refuse', {
      config: { permission: 'privacy.tickets.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Refuse a ticket with a reason code and text (both reach the sender)',
        params: ZId,
        body: ZRightsRefuse,
        response: { 200: ZTicket },
      },
      handler: async (request) =>
        service.tickets.refuse(principalOf(request.principal), request.params.id, request.body.code, request.body.text, String(request.id)),
    });
    r.post('/api/staff/privacy/tickets/:id/extend', {
      config: { permission: 'privacy.tickets.manage' },
      schema: {
        tags: ['staff'],
        summary: "Extend a ticket's deadline once, with a reason sent to the sender",
        params: ZId,
        body: ZRightsExtend,
        response: { 200: ZTicket },
      },
      handler: async (request) =>
        service.tickets.extend(
          principalOf(request.principal),
          request.params.id,
          request.body.workingDays,
          request.body.reason,
          String(request.id),
        ),
    });
    r.post('/api/staff/privacy/tickets/:id/close', {
      config: { permission: 'privacy.tickets.manage' },
      schema: { tags: ['staff'], summary: 'Close a ticket once answered', params: ZId, response: { 200: ZTicket } },
      handler: async (request) => service.closeTicket(principalOf(request.principal), request.params.id, String(request.id)),
    });
  };
}
