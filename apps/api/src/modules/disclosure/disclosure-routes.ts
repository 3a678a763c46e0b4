import {
  ZBuyerInquiries,
  ZBuyerInquiry,
  ZControlPanel,
  ZDisclosureConsentRequest,
  ZDisclosureSettings,
  ZGrantRevoke,
  ZInquiryDecision,
  ZInquiryRequest,
  ZL1Disclosure,
  ZL3Contacts,
  ZLevelRequest,
  ZProofOfFundsUpload,
  ZSellSideInquiries,
  ZSellSideInquiry,
  ZSignedReceipt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { DisclosureService } from './disclosure-service.ts';

export const principalOf = (p: unknown) => {
  if (!p) throw new AppError('UNAUTHENTICATED');
  return p as Principal;
};
export const ZIdParam = z.object({ id: z.string().min(1).max(64) });
const ZCode = z.object({ code: z.string().regex(/^SB-[0-9A-Z-]{4,24}$/) });
export const ZRenew = z.object({ days: z.number().int().min(1).max(180).default(30) });
const tags = ['disclosure'];

/** Buyers' and sellers' routes of the disclosure path (staff and NDA routes: disclosure-staff-routes.ts). */
export function disclosureRoutes(service: DisclosureService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const id = (request: { id: unknown }) => String(request.id);

    // The buyer
    r.post('/api/listings/:code/inquiries', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: "申请查看详情: ask to see a listing's details (the note is guarded; L1 is requested)",
        params: ZCode,
        body: ZInquiryRequest,
        response: { 200: ZBuyerInquiry },
      },
      handler: async (request) => service.inquiries.create(principalOf(request.principal), request.params.code, request.body, id(request)),
    });
    r.get('/api/me/inquiries', {
      config: { permission: 'deals.inquire' },
      schema: { tags, summary: "My inquiries, with each level's state and what is still missing", response: { 200: ZBuyerInquiries } },
      handler: async (request) => service.inquiries.mine(principalOf(request.principal)),
    });
    r.post('/api/me/inquiries/:id/withdraw', {
      config: { permission: 'deals.inquire' },
      schema: { tags, summary: 'Withdraw my inquiry (every level closes)', params: ZIdParam, response: { 200: ZBuyerInquiry } },
      handler: async (request) => service.inquiries.withdraw(principalOf(request.principal), request.params.id, id(request)),
    });
    r.post('/api/me/inquiries/:id/levels', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: 'Ask for L2 (data room) or L3 (direct contacts) once L1 is open',
        params: ZIdParam,
        body: ZLevelRequest,
        response: { 200: ZBuyerInquiry },
      },
      handler: async (request) =>
        service.grants.request(principalOf(request.principal), request.params.id, request.body.level, id(request)),
    });
    r.post('/api/me/inquiries/:id/consent', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: "My separate consent to give my name and mobile to this listing's seller (L3)",
        params: ZIdParam,
        body: ZDisclosureConsentRequest,
        response: { 200: ZSignedReceipt },
      },
      handler: async (request) => service.grants.consent(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.post('/api/me/inquiries/:id/proof-of-funds', {
      bodyLimit: 6 * 1024 * 1024,
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: 'Submit proof of funds (sealed; seen only by the adviser)',
        params: ZIdParam,
        body: ZProofOfFundsUpload,
        response: { 200: ZBuyerInquiry },
      },
      handler: async (request) => service.proof.submit(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.get('/api/me/disclosures/:id', {
      config: { permission: 'deals.inquire' },
      schema: {
        tags,
        summary: "L1: the company's identity and financial summary (opened for me, audited, visible to the seller)",
        params: ZIdParam,
        response: { 200: ZL1Disclosure },
      },
      handler: async (request) => service.views.l1(principalOf(request.principal), request.params.id, id(request)),
    });
    r.get('/api/me/inquiries/:id/contacts', {
      config: { permission: 'deals.inquire' },
      schema: { tags, summary: "L3: the seller's name and mobile (audited)", params: ZIdParam, response: { 200: ZL3Contacts } },
      handler: async (request) => service.views.l3(principalOf(request.principal), request.params.id, id(request)),
    });

    // The seller
    r.get('/api/seller/inquiries', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: 'Inquiries on my listings: buyers by alias, badge and bands',
        querystring: z.object({ listingId: z.string().min(1).max(64).optional() }),
        response: { 200: ZSellSideInquiries },
      },
      handler: async (request) => service.inquiries.sellSide(principalOf(request.principal), request.query.listingId),
    });
    r.post('/api/seller/inquiries/:id/decision', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: 'Accept or decline an inquiry (the reason is shown to the buyer)',
        params: ZIdParam,
        body: ZInquiryDecision,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) => service.inquiries.decide(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.post('/api/seller/inquiries/:id/consent', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: 'My separate consent naming this buyer, for L1 (company identity) or L3 (my contacts)',
        params: ZIdParam,
        body: ZDisclosureConsentRequest,
        response: { 200: ZSignedReceipt },
      },
      handler: async (request) => service.grants.consent(principalOf(request.principal), request.params.id, request.body, id(request)),
    });
    r.get('/api/seller/inquiries/:id/contacts', {
      config: { permission: 'listings.sell' },
      schema: { tags, summary: "L3: the buyer's name and mobile (audited)", params: ZIdParam, response: { 200: ZL3Contacts } },
      handler: async (request) => service.views.l3(principalOf(request.principal), request.params.id, id(request)),
    });
    r.get('/api/seller/listings/:id/disclosure', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: 'My control panel: who can see what, until when, and the history',
        params: ZIdParam,
        response: { 200: ZControlPanel },
      },
      handler: async (request) => service.views.controlPanel(principalOf(request.principal), request.params.id),
    });
    r.put('/api/seller/listings/:id/disclosure-settings', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: 'Ask buyers for proof of funds before L1',
        params: ZIdParam,
        body: ZDisclosureSettings,
        response: { 200: ZDisclosureSettings },
      },
      handler: async (request) =>
        service.proof.setRequired(principalOf(request.principal), request.params.id, request.body.requiresProofOfFunds, id(request)),
    });
    r.post('/api/seller/grants/:id/revoke', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: "Revoke a buyer's level at once (L1 closes every level)",
        params: ZIdParam,
        body: ZGrantRevoke,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) =>
        service.grants.revoke(principalOf(request.principal), request.params.id, request.body.reason, id(request)),
    });
    r.post('/api/seller/grants/:id/renew', {
      config: { permission: 'listings.sell' },
      schema: {
        tags,
        summary: "Renew a buyer's level for another period",
        params: ZIdParam,
        body: ZRenew,
        response: { 200: ZSellSideInquiry },
      },
      handler: async (request) => service.grants.renew(principalOf(request.principal), request.params.id, request.body.days, id(request)),
    });
  };
}
