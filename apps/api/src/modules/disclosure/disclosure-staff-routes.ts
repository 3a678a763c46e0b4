import {
  ZControlPanel,
  ZGrantDecision,
  ZGrantRevoke,
  ZInquiryDecision,
  ZNdaCertificateCheck,
  ZNdaCertificateResult,
  ZNdaSignature,
  ZNdaSignRequest,
  ZNdaPreview,
  ZNdaTemplate,
  ZNdaTemplateInput,
  ZNdaTemplates,
  ZProofOfFundsReview,
  ZSellSideInquiries,
  ZSellSideInquiry,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceLabel } from '../identity/index.ts';
import { principalOf, ZIdParam, ZRenew } from './disclosure-routes.ts';
import type { DisclosureService } from './disclosure-service.ts';

const ZVersion = z.object({ version: zQueryInt(1, 100_000) });

/** Advisers' routes, the NDA (signing, certificates, templates) and the public certificate check. */
export function disclosureStaffRoutes(service: DisclosureService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const id = (request: { id: unknown }) => String(request.id);
    const tags = ['disclosure'];

    // The adviser (the listing's broker)
    r.get('/api/broker/inquiries', {
      config: { permission: 'disclosure.review' },
      schema: {
        tags,
        summary: 'Inquiries on the listings I advise, with what each level still waits for',
        querystring: z.object({ listingId: z.string().min(1).max(64).optional() }),
        response: { 200: ZSellSideInquiries },
      },
      handler: async (request) => service.inquiries.sellSide(principalOf(request.principal), request.query.listingId),
    });
    r.post('/api/broker/inquiries/:id/decision', {
      config: { permission: 'disclosure.review' },
      schema: {
        tags,
        summary: 'Accept or decline an inquiry',
        params: ZIdParam,
        body: ZInquiryDecision,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) => service.inquiries.decide(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.post('/api/broker/grants/:id/decision', {
      config: { permission: 'disclosure.review' },
      schema: {
        tags,
        summary: 'Approve a level (all preconditions must hold) or decline it with a reason',
        params: ZIdParam,
        body: ZGrantDecision,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) => service.grants.decide(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.post('/api/broker/grants/:id/revoke', {
      config: { permission: 'disclosure.review' },
      schema: { tags, summary: 'Revoke a level at once', params: ZIdParam, body: ZGrantRevoke, response: { 200: ZSellSideInquiry } },
      handler: async (request) =>
        service.grants.revoke(principalOf(request.principal), request.params.id, request.body.reason, id(request)),
    });
    r.post('/api/broker/grants/:id/renew', {
      config: { permission: 'disclosure.review' },
      schema: { tags, summary: 'Renew a level for another period', params: ZIdParam, body: ZRenew, response: { 200: ZSellSideInquiry } },
      handler: async (request) => service.grants.renew(principalOf(request.principal), request.params.id, request.body.days, id(request)),
    });
    r.get('/api/broker/listings/:id/disclosure', {
      config: { permission: 'disclosure.review' },
      schema: { tags, summary: 'Who can see what on a listing I advise', params: ZIdParam, response: { 200: ZControlPanel } },
      handler: async (request) => service.views.controlPanel(principalOf(request.principal), request.params.id),
    });
    r.post('/api/broker/proofs/:id/reveal', {
      config: { permission: 'disclosure.review' },
      schema: {
        tags,
        summary: 'Open a proof of funds to review it (audited; needs a recent step-up)',
        params: ZIdParam,
        response: { 200: z.object({ mediaType: z.string(), contentBase64: z.string() }) },
      },
      handler: async (request) => service.proof.reveal(principalOf(request.principal), request.params.id, id(request)),
    });
    r.post('/api/broker/proofs/:id/review', {
      config: { permission: 'disclosure.review' },
      schema: {
        tags,
        summary: 'Approve or reject a proof of funds',
        params: ZIdParam,
        body: ZProofOfFundsReview,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) => service.proof.review(principalOf(request.principal), request.params.id, request.body, id(request)),
    });

    // The NDA
    r.get('/api/me/inquiries/:id/nda', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: 'The NDA text for this listing, as I would sign it, and its digest',
        params: ZIdParam,
        response: { 200: ZNdaPreview },
      },
      handler: async (request) => service.nda.preview(principalOf(request.principal), request.params.id),
    });
    r.post('/api/me/inquiries/:id/nda', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: 'Sign the NDA by ticking (the digest must be of the text shown)',
        params: ZIdParam,
        body: ZNdaSignRequest,
        response: { 200: ZNdaSignature },
      },
      handler: async (request) => {
        const device = deviceLabel(request.headers['user-agent']);
        const label = [device.browser, device.os].filter(Boolean).join(' / ');
        return service.nda.sign(principalOf(request.principal), request.params.id, request.body, label, id(request));
      },
    });
    r.get('/api/nda/signatures/:id', {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'An NDA signature record (buyer, seller or adviser of the listing)',
        params: ZIdParam,
        response: { 200: ZNdaSignature },
      },
      handler: async (request) => service.nda.signature(principalOf(request.principal), request.params.id),
    });
    r.get('/api/nda/signatures/:id/certificate', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The NDA certificate PDF (full Chinese text and the signature block)', params: ZIdParam },
      handler: async (request, reply) => {
        const { bytes, filename } = await service.nda.certificate(principalOf(request.principal), request.params.id, id(request));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(Buffer.from(bytes));
      },
    });
    r.post('/api/nda/certificates/verify', {
      bodyLimit: 12 * 1024 * 1024,
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Check that a PDF is, byte for byte, an NDA certificate this platform issued',
        body: ZNdaCertificateCheck,
        response: { 200: ZNdaCertificateResult },
      },
      handler: async (request) => service.nda.verifyCertificate(Buffer.from(request.body.pdfBase64, 'base64')),
    });
    r.get('/api/nda/key', {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The public key that signs NDA records',
        response: {
          200: z.object({
            algorithm: z.literal('Ed25519'),
            keyId: z.string(),
            issuer: z.string(),
            publicKeyPem: z.string(),
            publicKeyRawBase64: z.string(),
            context: z.string(),
          }),
        },
      },
      handler: async () => service.nda.publicKey(),
    });
    r.get('/api/staff/nda/templates', {
      config: { permission: 'nda.manage' },
      schema: { tags, summary: 'NDA template versions', response: { 200: ZNdaTemplates } },
      handler: async () => service.nda.templates(),
    });
    r.post('/api/staff/nda/templates', {
      config: { permission: 'nda.manage' },
      schema: { tags, summary: 'Draft a new NDA version', body: ZNdaTemplateInput, response: { 200: ZNdaTemplate } },
      handler: async (request) => service.nda.draft(principalOf(request.principal), request.body, id(request)),
    });
    r.put('/api/staff/nda/templates/:version', {
      config: { permission: 'nda.manage' },
      schema: { tags, summary: 'Edit a draft NDA version', params: ZVersion, body: ZNdaTemplateInput, response: { 200: ZNdaTemplate } },
      handler: async (request) => service.nda.edit(principalOf(request.principal), request.params.version, request.body, id(request)),
    });
    r.post('/api/staff/nda/templates/:version/publish', {
      config: { permission: 'nda.manage' },
      schema: { tags, summary: 'Publish a draft (the version in force retires)', params: ZVersion, response: { 200: ZNdaTemplate } },
      handler: async (request) => service.nda.publish(principalOf(request.principal), request.params.version, id(request)),
    });
  };
}
