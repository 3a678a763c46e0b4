import type { TNdaSignature, TNdaTemplate } from '@sealbridge/contracts';
import type { z } from 'zod';
import type { ZNdaCertificateResult, ZNdaPreview, ZNdaTemplateInput } from '@sealbridge/contracts';
import type { InquiriesTable, ListingsTable, NdaSignaturesTable, NdaTemplatesTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf, buyerAliasWith, guardText, isAdviser, isSeller, type DisclosureDeps, sellerOf } from './disclosure-core.ts';
import type { Inquiries } from './disclosure-inquiries.ts';
import { createDisclosureRepo } from './disclosure-repo.ts';
import { renderCertificate } from './nda-certificate.ts';
import type { NdaRecord } from './nda-signing.ts';
import { sha256Hex } from './nda-signing.ts';
import { DEFAULT_NDA, renderNda, unknownVariables, type NdaVariables } from './nda-text.ts';

type TemplateInput = z.infer<typeof ZNdaTemplateInput>;
const PLATFORM = '封桥 Sealbridge 公司转让交易中心';

const templateOf = (row: NdaTemplatesTable): TNdaTemplate => ({
  version: row.version,
  titleZh: row.title_zh,
  bodyZh: row.body_zh,
  titleEn: row.title_en,
  bodyEn: row.body_en,
  termMonths: row.term_months,
  status: row.status,
  createdAt: row.created_at,
  publishedAt: row.published_at,
});

/** Beijing calendar date of an instant. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The click-wrap NDA: versioned templates kept by the legal/admin role, rendered per listing and buyer, signed by a
 * tick whose record the platform signs, and a certificate both sides can download and anyone can check.
 */
export function createNda(deps: DisclosureDeps, inquiries: Inquiries) {
  const { repo, ndaSigner } = deps;
  const now = deps.now ?? (() => new Date());

  /** The template in force; the built-in first version is published on first use when there is none at all. */
  async function published(): Promise<NdaTemplatesTable> {
    const current = await repo.publishedTemplate();
    if (current) return current;
    if ((await repo.maxTemplateVersion()) === 0) {
      const at = now().toISOString();
      try {
        await repo.insertTemplate({
          version: 1,
          title_zh: DEFAULT_NDA.titleZh,
          body_zh: DEFAULT_NDA.bodyZh,
          title_en: DEFAULT_NDA.titleEn,
          body_en: DEFAULT_NDA.bodyEn,
          term_months: DEFAULT_NDA.termMonths,
          status: 'published',
          created_at: at,
          created_by: 'system',
          published_at: at,
          published_by: 'system',
        });
      } catch {
        // Another instance published it first.
      }
      const seeded = await repo.publishedTemplate();
      if (seeded) return seeded;
    }
    throw new AppError('CONFLICT', 'no NDA template is published');
  }

  /** Masks are computed from the vault on each render, never stored (the signature keeps the text's digest). */
  async function variablesFor(
    listing: ListingsTable,
    inquiry: InquiriesTable,
    template: NdaTemplatesTable,
    effectiveDate: string,
  ): Promise<NdaVariables> {
    const [buyerName, sellerName] = await Promise.all([
      deps.verification.verifiedNameMask(inquiry.buyer_account_id),
      deps.verification.verifiedNameMask(sellerOf(listing)),
    ]);
    return {
      listingCode: listing.code,
      buyerAlias: buyerAliasWith(deps.vault, listing.id, inquiry.buyer_account_id),
      buyerName: buyerName ? `已实名认证：${buyerName}` : '尚未实名认证',
      sellerName: sellerName ? `已实名认证：${sellerName}` : '挂牌方',
      termMonths: String(template.term_months),
      effectiveDate,
      platform: PLATFORM,
    };
  }

  function render(template: NdaTemplatesTable, variables: NdaVariables) {
    const zh = renderNda(template.body_zh, variables);
    const en = renderNda(template.body_en, variables);
    const titleZh = renderNda(template.title_zh, variables);
    const titleEn = renderNda(template.title_en, variables);
    return { titleZh, titleEn, zh, en, sha256: sha256Hex(`${titleZh}\n${zh}\n\n${titleEn}\n${en}`) };
  }

  function recordOf(row: NdaSignaturesTable, listingCode: string, buyerAlias: string): NdaRecord {
    return {
      type: 'sealbridge.nda-signature',
      v: 1,
      id: row.id,
      issuer: ndaSigner.issuer,
      keyId: row.key_id,
      listingCode,
      buyerAlias,
      templateVersion: row.template_version,
      textSha256: row.text_sha256,
      signedAt: row.signed_at,
      deviceLabel: row.device_label,
    };
  }

  async function certificateBytes(row: NdaSignaturesTable, listing: ListingsTable, inquiry: InquiriesTable) {
    const template = await repo.template(row.template_version);
    if (!template) throw new AppError('NOT_FOUND');
    const variables = JSON.parse(row.variables_json) as Pick<NdaVariables, 'effectiveDate'>;
    const full = await variablesFor(listing, inquiry, template, variables.effectiveDate);
    const text = render(template, full);
    // The names shown are masked on read; if they changed since signing the text would differ from what was signed.
    if (text.sha256 !== row.text_sha256)
      throw new AppError('CONFLICT', "the parties' verified names changed since signing; the certificate cannot be reproduced");
    const record = recordOf(row, listing.code, full.buyerAlias);
    return renderCertificate({
      record,
      signature: row.signature,
      publicKeyRawBase64: ndaSigner.publicKeyRawBase64,
      title: text.titleZh,
      text: text.zh,
      sellerLabel: full.sellerName,
      buyerLabel: full.buyerName,
    });
  }

  async function signatureFor(principal: Principal, signatureId: string) {
    const row = await repo.signature(signatureId);
    const listing = row && (await repo.listing(row.listing_id));
    const inquiry = row && (await repo.inquiryOf(row.listing_id, row.buyer_account_id));
    if (
      !row ||
      !listing ||
      !inquiry ||
      !(row.buyer_account_id === principal.accountId || isSeller(principal, listing) || isAdviser(principal, listing))
    )
      throw new AppError('NOT_FOUND');
    return { row, listing, inquiry };
  }

  function signatureView(row: NdaSignaturesTable, listing: ListingsTable): TNdaSignature {
    return {
      id: row.id,
      listingCode: listing.code,
      buyerAlias: buyerAliasWith(deps.vault, listing.id, row.buyer_account_id),
      templateVersion: row.template_version,
      signedAt: row.signed_at,
      deviceLabel: row.device_label,
      textSha256: row.text_sha256,
      keyId: row.key_id,
      signature: row.signature,
    };
  }

  function checkTemplate(input: TemplateInput) {
    const unknown = unknownVariables(input.titleZh, input.bodyZh, input.titleEn, input.bodyEn);
    if (unknown.length) throw new AppError('NDA_TEMPLATE_INVALID', 'unknown variables', { variables: unknown });
    guardText([
      { field: 'titleZh', text: input.titleZh },
      { field: 'bodyZh', text: input.bodyZh },
      { field: 'titleEn', text: input.titleEn },
      { field: 'bodyEn', text: input.bodyEn },
    ]);
  }

  return {
    async templates() {
      await published();
      return { items: (await repo.templates()).map(templateOf) };
    },

    async draft(principal: Principal, input: TemplateInput, requestId?: string) {
      checkTemplate(input);
      const version = (await repo.maxTemplateVersion()) + 1;
      await repo.insertTemplate({
        version,
        title_zh: input.titleZh,
        body_zh: input.bodyZh,
        title_en: input.titleEn,
        body_en: input.bodyEn,
        term_months: input.termMonths,
        status: 'draft',
        created_at: now().toISOString(),
        created_by: principal.accountId,
        published_at: null,
        published_by: null,
      });
      await deps.audit.append({
        type: 'disclosure.nda_template_changed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { version, change: 'drafted' },
      });
      return templateOf((await repo.template(version)) as NdaTemplatesTable);
    },

    async edit(principal: Principal, version: number, input: TemplateInput, requestId?: string) {
      const row = await repo.template(version);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.status !== 'draft') throw new AppError('CONFLICT', 'only drafts can be edited');
      checkTemplate(input);
      await repo.updateTemplate(version, {
        title_zh: input.titleZh,
        body_zh: input.bodyZh,
        title_en: input.titleEn,
        body_en: input.bodyEn,
        term_months: input.termMonths,
      });
      await deps.audit.append({
        type: 'disclosure.nda_template_changed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { version, change: 'edited' },
      });
      return templateOf((await repo.template(version)) as NdaTemplatesTable);
    },

    /** Publishing retires the version in force; signatures keep the version they signed. */
    async publish(principal: Principal, version: number, requestId?: string) {
      const row = await repo.template(version);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.status !== 'draft') throw new AppError('CONFLICT', 'only drafts can be published');
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        const tx = createDisclosureRepo(trx);
        await tx.retirePublished(at);
        await tx.updateTemplate(version, { status: 'published', published_at: at, published_by: principal.accountId });
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.nda_template_changed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { version, change: 'published' },
        });
      });
      return templateOf((await repo.template(version)) as NdaTemplatesTable);
    },

    /** The text this buyer would sign for this listing, and its digest. */
    async preview(principal: Principal, inquiryId: string): Promise<z.infer<typeof ZNdaPreview>> {
      const { inquiry, listing } = await inquiries.ownInquiry(principal, inquiryId);
      const template = await published();
      const text = render(template, await variablesFor(listing, inquiry, template, beijingDate(now())));
      const signed = await repo.signatureOf(listing.id, principal.accountId);
      return {
        version: template.version,
        title: { 'zh-CN': text.titleZh, en: text.titleEn },
        text: { 'zh-CN': text.zh, en: text.en },
        textSha256: text.sha256,
        termMonths: template.term_months,
        signed: Boolean(signed),
        signatureId: signed?.id ?? null,
      };
    },

    /** The tick: the text's digest must be the one just shown; the platform signs the record and keeps the certificate's digest. */
    async sign(
      principal: Principal,
      inquiryId: string,
      input: { version: number; textSha256: string },
      deviceLabel: string,
      requestId?: string,
    ): Promise<TNdaSignature> {
      const { inquiry, listing } = await inquiries.ownInquiry(principal, inquiryId);
      if (inquiry.status === 'declined' || inquiry.status === 'withdrawn') throw new AppError('CONFLICT', `inquiry is ${inquiry.status}`);
      const existing = await repo.signatureOf(listing.id, principal.accountId);
      if (existing) return signatureView(existing, listing);
      const template = await published();
      const at = now();
      const variables = await variablesFor(listing, inquiry, template, beijingDate(at));
      const text = render(template, variables);
      if (template.version !== input.version || text.sha256 !== input.textSha256)
        throw new AppError('NDA_TEXT_CHANGED', 'the text changed since it was shown', { version: template.version });
      const row: NdaSignaturesTable = {
        id: newId(),
        listing_id: listing.id,
        buyer_account_id: principal.accountId,
        template_version: template.version,
        variables_json: JSON.stringify({
          listingCode: variables.listingCode,
          buyerAlias: variables.buyerAlias,
          termMonths: variables.termMonths,
          effectiveDate: variables.effectiveDate,
        }),
        text_sha256: text.sha256,
        signed_at: at.toISOString(),
        device_label: deviceLabel.slice(0, 60) || '未知设备',
        key_id: ndaSigner.keyId,
        signature: '',
        certificate_sha256: null,
      };
      row.signature = ndaSigner.sign(recordOf(row, listing.code, variables.buyerAlias));
      row.certificate_sha256 = sha256Hex(await certificateBytes(row, listing, inquiry));
      await repo.transaction(async (trx) => {
        await createDisclosureRepo(trx).insertSignature(row);
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.nda_signed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: {
            listingId: listing.id,
            inquiryId: inquiry.id,
            signatureId: row.id,
            templateVersion: template.version,
            textSha256: text.sha256,
          },
        });
      });
      await deps.notifications.notify({
        accountId: sellerOf(listing),
        kind: 'nda_signed',
        params: { code: listing.code, buyer: variables.buyerAlias },
        link: '/account/buyer-requests',
      });
      return signatureView(row, listing);
    },

    async signature(principal: Principal, signatureId: string) {
      const { row, listing } = await signatureFor(principal, signatureId);
      return signatureView(row, listing);
    },

    /** The certificate PDF for the buyer, the seller or the adviser (audited). */
    async certificate(principal: Principal, signatureId: string, requestId?: string): Promise<{ bytes: Uint8Array; filename: string }> {
      const { row, listing, inquiry } = await signatureFor(principal, signatureId);
      const bytes = await certificateBytes(row, listing, inquiry);
      if (row.certificate_sha256 && sha256Hex(bytes) !== row.certificate_sha256)
        throw new AppError('CONFLICT', 'certificate cannot be reproduced byte for byte');
      await deps.audit.append({
        type: 'disclosure.nda_certificate_issued',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { signatureId: row.id, listingId: listing.id },
      });
      return { bytes, filename: `NDA-${listing.code}-${row.id.slice(0, 8)}.pdf` };
    },

    /** Anyone: is this PDF, byte for byte, a certificate the platform issued, and does its record still verify? */
    async verifyCertificate(pdf: Buffer): Promise<z.infer<typeof ZNdaCertificateResult>> {
      const none = { listingCode: null, signedAt: null, templateVersion: null };
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return { valid: false, reason: 'not_a_certificate', ...none };
      const row = await repo.signatureByCertificate(sha256Hex(pdf));
      const listing = row && (await repo.listing(row.listing_id));
      if (!row || !listing) return { valid: false, reason: 'unknown_certificate', ...none };
      const record = recordOf(row, listing.code, buyerAliasWith(deps.vault, listing.id, row.buyer_account_id));
      const valid = ndaSigner.verify(record, row.signature);
      return {
        valid,
        reason: valid ? 'ok' : 'signature_invalid',
        listingCode: listing.code,
        signedAt: row.signed_at,
        templateVersion: row.template_version,
      };
    },

    publicKey: () => ({
      algorithm: 'Ed25519' as const,
      keyId: ndaSigner.keyId,
      issuer: ndaSigner.issuer,
      publicKeyPem: ndaSigner.publicKeyPem,
      publicKeyRawBase64: ndaSigner.publicKeyRawBase64,
      context: 'sealbridge-nda-signature-v1',
    }),
  };
}
