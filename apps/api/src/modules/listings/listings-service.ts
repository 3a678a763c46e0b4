import {
  COMPANY_TYPES,
  FILING_KINDS,
  HANDOVER_ITEMS,
  LICENCES,
  RED_FLAGS,
  TAX_CREDIT_GRADES,
  TAXPAYER_TYPES,
  type ZListingInput,
  ZListingSearchQuery,
  type ListingStatus,
  type TListingOwnerView,
  type TListingSearchQuery,
  type TListingTeaser,
  type TListingTeaserDetail,
  type TListTeasersResponse,
  type TMarketStats,
  type TReviewDecision,
  type TTextFinding,
} from '@sealbridge/contracts';
import type { z } from 'zod';
import type { ListingsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { Vault } from '../vault/index.ts';
import { ageBand, capitalBand, capitalRangeOfBand, headcountBand, yearsOfAgeBand } from './listings-bands.ts';
import { redactFindings, scanFreeText } from './listings-guard.ts';
import { resolveDistrict } from './listings-regions.ts';
import { createListingsRepo, searchTextOf, type ListingsRepo } from './listings-repo.ts';
import { registrySampleCount, REIDENTIFICATION_THRESHOLD } from './listings-registry-sample.ts';

type ListingInput = z.output<typeof ZListingInput>;
const COMPANY_TABLE = 'listing_companies';
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null =>
  (list as readonly unknown[]).includes(value) ? (value as T) : null;
const jsonArray = <T extends string>(list: readonly T[], raw: string | undefined): T[] =>
  (JSON.parse(raw ?? '[]') as unknown[]).filter((v): v is T => (list as readonly unknown[]).includes(v));

/** The public teaser: generalized bands only, never the exact year, capital, district or anything identifying. */
export function toTeaser(row: ListingsTable, today: Date = new Date()): TListingTeaser {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    province: row.province,
    city: row.city,
    industry: row.industry,
    companyType: oneOf(COMPANY_TYPES, row.company_type) ?? 'llc',
    ageBand: ageBand(row.established_year, today),
    capitalBand: capitalBand(row.registered_capital_wan),
    taxpayerType: oneOf(TAXPAYER_TYPES, row.taxpayer_type) ?? 'small_scale',
    price: row.price_kind === 'fixed' && row.price_wan !== null ? { kind: 'fixed', amountWan: row.price_wan } : { kind: 'negotiable' },
    highlights: JSON.parse(row.highlights) as string[],
    publishedAt: row.published_at ?? row.created_at,
  };
}

/** The public detail page, and — for any status — the seller's preview: the same function, so they cannot differ. */
export function toTeaserDetail(
  row: ListingsTable,
  today: Date = new Date(),
): Omit<TListingTeaserDetail, 'status'> & { status: ListingStatus } {
  const ip = JSON.parse(row.ip_assets ?? '{}') as { trademarks?: number; patents?: number; softwareCopyrights?: number };
  return {
    ...toTeaser(row, today),
    status: row.status,
    description: row.description ?? '',
    taxCreditGrade: oneOf(TAX_CREDIT_GRADES, row.tax_credit_grade),
    filingKind: oneOf(FILING_KINDS, row.filing_kind),
    hasBankAccount: Boolean(row.bank_account),
    licences: jsonArray(LICENCES, row.licences),
    ip: { trademarks: (ip.trademarks ?? 0) > 0, patents: (ip.patents ?? 0) > 0, softwareCopyrights: (ip.softwareCopyrights ?? 0) > 0 },
    headcountBand: headcountBand(row.social_insurance_headcount),
    paidInFull:
      row.paid_in_capital_wan === null || row.paid_in_capital_wan === undefined
        ? null
        : row.paid_in_capital_wan >= row.registered_capital_wan,
    redFlags: jsonArray(RED_FLAGS, row.red_flags),
    handover: jsonArray(HANDOVER_ITEMS, row.handover),
  };
}

function auditActor(p: Principal) {
  return { accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId };
}

type Deps = {
  repo: ListingsRepo;
  audit: Pick<AuditPort, 'appendInTransaction' | 'append'>;
  vault: Pick<Vault, 'createSubject' | 'findSubject' | 'sealFields' | 'maskFields' | 'blindIndexOf' | 'recordsMatching'>;
  /** New matches of saved searches with e-mail alerts on (the delivery port); in-app alerts are always written. */
  notifyByEmail?: (accountId: string, listingCodes: string[]) => Promise<void>;
  /** The seller's adviser, assigned at their first listing if they have none (modules/advisers). */
  ensureAdviser?: (sellerAccountId: string, hint: { provinceCode: string | null; industry: string | null }) => Promise<string | null>;
  /** Whether the broker opened the listing's company for the registry check (listing-company-reveal.ts). */
  companyRevealedBy?: (listingId: string, brokerAccountId: string) => Promise<boolean>;
  /** Runs the same-company check after the answer is sent (tests pass a function that runs it at once). */
  defer?: (work: () => Promise<void>) => void;
  now?: () => Date;
};

export type ListingsService = ReturnType<typeof createListingsService>;

export function createListingsService(deps: Deps) {
  const { repo, vault } = deps;
  const now = deps.now ?? (() => new Date());

  function refuseFindings(findings: TTextFinding[]): never {
    throw new AppError('FREE_TEXT_IDENTIFIERS', 'listing text contains identifiers', { findings });
  }

  async function reidentification(row: ListingsTable) {
    const today = now();
    const band = ageBand(row.established_year, today);
    const capital = capitalBand(row.registered_capital_wan);
    const fromListings = row.city_code
      ? await repo.countLookalikes({
          cityCode: row.city_code,
          industry: row.industry,
          years: yearsOfAgeBand(band, today),
          capital: capitalRangeOfBand(capital),
        })
      : 0;
    const fromRegistry = row.city_code
      ? registrySampleCount({ cityCode: row.city_code, industry: row.industry, ageBand: band, capitalBand: capital })
      : 0;
    const k = fromListings + fromRegistry;
    return { k, threshold: REIDENTIFICATION_THRESHOLD, warn: k < REIDENTIFICATION_THRESHOLD };
  }

  /**
   * The seller's and the reviewing broker's view. Only the broker learns whether the same company is listed elsewhere
   * or locked by a deal (`forBroker`): to a seller that would say whether someone else's company is for sale.
   */
  async function ownerView(row: ListingsTable, forBroker: string | null = null): Promise<TListingOwnerView> {
    const company = await repo.companyOf(row.id);
    const masked = company
      ? await vault.maskFields(company.subject_id, COMPANY_TABLE, row.id, company as unknown as Record<string, unknown>, [
          'company_name',
          'credit_code',
          'legal_representative',
          'shareholders',
        ])
      : {};
    const view = (name: string) => {
      const v = masked[name];
      return v && v.state !== 'revealed'
        ? v.state === 'masked'
          ? { state: 'masked' as const, value: v.value }
          : { state: v.state }
        : { state: 'absent' as const };
    };
    const events = await repo.eventsOf(row.id);
    const deal = await repo.openDealOf(row.id);
    const ip = JSON.parse(row.ip_assets ?? '{}') as { trademarks?: number; patents?: number; softwareCopyrights?: number };
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      reviewFlag: forBroker && (row.review_flag === 'duplicate' || row.review_flag === 'locked') ? row.review_flag : null,
      companyRevealed: forBroker ? ((await deps.companyRevealedBy?.(row.id, forBroker)) ?? false) : false,
      input: {
        title: row.title,
        description: row.description ?? '',
        districtCode: row.district_code ?? '',
        industry: row.industry,
        companyType: oneOf(COMPANY_TYPES, row.company_type) ?? 'llc',
        establishedOn: row.established_on ?? `${row.established_year}-01-01`,
        registeredCapitalWan: row.registered_capital_wan,
        paidInCapitalWan: row.paid_in_capital_wan ?? null,
        taxpayerType: oneOf(TAXPAYER_TYPES, row.taxpayer_type) ?? 'small_scale',
        taxCreditGrade: oneOf(TAX_CREDIT_GRADES, row.tax_credit_grade),
        filingKind: oneOf(FILING_KINDS, row.filing_kind),
        bankAccount: row.bank_account ?? null,
        licences: jsonArray(LICENCES, row.licences),
        ip: { trademarks: ip.trademarks ?? 0, patents: ip.patents ?? 0, softwareCopyrights: ip.softwareCopyrights ?? 0 },
        socialInsuranceHeadcount: row.social_insurance_headcount ?? null,
        redFlags: jsonArray(RED_FLAGS, row.red_flags),
        price: row.price_kind === 'fixed' && row.price_wan !== null ? { kind: 'fixed', amountWan: row.price_wan } : { kind: 'negotiable' },
        handover: jsonArray(HANDOVER_ITEMS, row.handover),
        highlights: JSON.parse(row.highlights) as string[],
      },
      company: {
        name: view('company_name'),
        creditCode: view('credit_code'),
        legalRepresentative: view('legal_representative'),
        shareholders: view('shareholders'),
      },
      events: events.map((e) => ({
        at: e.at,
        action: e.action,
        actorRole: e.actor_role,
        fromStatus: e.from_status as ListingStatus,
        toStatus: e.to_status as ListingStatus,
        comment: e.comment,
        checklist: e.checklist ? (JSON.parse(e.checklist) as Record<string, boolean>) : null,
      })),
      preview: toTeaserDetail(row, now()),
      reidentification: await reidentification(row),
      openDeal: deal ? { kind: deal.kind, recordedAt: deal.recorded_at } : null,
      updatedAt: row.updated_at,
    };
  }

  /** Moves a listing and records the move (event for the seller, audit record) in one transaction. */
  async function transition(
    row: ListingsTable,
    principal: Principal,
    action: string,
    to: ListingStatus,
    extra: { comment?: string; checklist?: Record<string, boolean>; columns?: Partial<ListingsTable> } = {},
    requestId?: string,
  ) {
    const at = now().toISOString();
    const company = await repo.companyOf(row.id);
    await repo.transaction(async (trx) => {
      const tx = createListingsRepo(trx);
      await tx.update(row.id, { status: to, updated_at: at, ...(extra.columns ?? {}) });
      await tx.insertEvent({
        id: newId(),
        listing_id: row.id,
        at,
        actor_account_id: principal.accountId,
        actor_role: principal.roles.includes('broker') ? 'broker' : 'seller',
        action,
        from_status: row.status,
        to_status: to,
        comment: extra.comment || null,
        checklist: extra.checklist ? JSON.stringify(extra.checklist) : null,
      });
      await deps.audit.appendInTransaction(trx, {
        type: 'listings.status_changed',
        actor: auditActor(principal),
        decision: 'allowed',
        subjectId: company?.subject_id ?? null,
        requestId: requestId ?? null,
        data: { listingId: row.id, action, from: row.status, to },
      });
    });
    return { ...row, status: to, updated_at: at, ...(extra.columns ?? {}) } as ListingsTable;
  }

  async function ownListing(principal: Principal, id: string) {
    const row = await repo.findById(id);
    if (!row || row.seller_account_id !== principal.accountId) throw new AppError('NOT_FOUND');
    return row;
  }

  async function assignedListing(principal: Principal, id: string) {
    const row = await repo.findById(id);
    if (!row || row.broker_account_id !== principal.accountId || row.status === 'draft') throw new AppError('NOT_FOUND');
    return row;
  }

  function commentGuard(comment: string) {
    const findings = scanFreeText([{ field: 'comment', text: comment }], null);
    if (findings.length) refuseFindings(findings);
  }

  // Work that runs after the answer is sent; `settled()` waits for it (shutdown, tests).
  const pending = new Set<Promise<void>>();
  const defer =
    deps.defer ??
    ((work: () => Promise<void>) => {
      const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch(() => undefined)
        .finally(() => pending.delete(run));
      pending.add(run);
    });

  /**
   * The same company (credit code) listed elsewhere or under an open deal: flagged for the broker's queue only. It runs
   * after the seller's answer is sent, so neither the answer nor its timing depends on whether the company is known.
   */
  async function flagSameCompany(listingId: string): Promise<{ flag: 'locked' | 'duplicate' | null; same: string[] }> {
    const company = await repo.companyOf(listingId);
    const bidx = company?.credit_code_bidx ?? null;
    if (!company || !bidx) return { flag: null, same: [] };
    // The blind index collides by design: confirm inside the vault which candidates really are this company.
    const candidates = (await repo.sameCompany(bidx, listingId)).map((c) => ({
      recordId: c.listing_id,
      subjectId: c.subject_id,
      ciphertext: c.credit_code_ct,
    }));
    const same = await vault.recordsMatching(
      `${COMPANY_TABLE}.credit_code`,
      { recordId: listingId, subjectId: company.subject_id, ciphertext: company.credit_code_ct },
      candidates,
    );
    const locked = (await repo.openDealsFor(bidx)).some((d) => d.listing_id !== listingId && same.includes(d.listing_id));
    const flag = locked ? 'locked' : same.length ? 'duplicate' : null;
    const row = await repo.findById(listingId);
    if (!row || row.review_flag === flag) return { flag, same };
    await repo.update(listingId, { review_flag: flag });
    if (flag) {
      await deps.audit.append({
        type: 'listings.duplicate_flagged',
        actor: { accountId: null, role: 'system', sessionId: null },
        decision: 'allowed',
        subjectId: company.subject_id,
        data: { listingId, others: Math.max(same.length, locked ? 1 : 0) },
      });
    }
    return { flag, same };
  }

  async function alertSavedSearches(row: ListingsTable) {
    const today = now();
    const searches = await repo.allSavedSearches();
    const alerts = [];
    const email = new Map<string, string[]>();
    for (const s of searches) {
      const parsed = ZListingSearchQuery.safeParse(JSON.parse(s.query));
      if (!parsed.success || s.account_id === row.seller_account_id) continue;
      if (await repo.matches(row.id, parsed.data, today)) {
        alerts.push({
          id: newId(),
          account_id: s.account_id,
          saved_search_id: s.id,
          listing_id: row.id,
          created_at: today.toISOString(),
          read_at: null,
        });
        if (s.email_alerts) email.set(s.account_id, [...(email.get(s.account_id) ?? []), row.code]);
      }
    }
    await repo.insertAlerts(alerts);
    for (const [account, codes] of email) await deps.notifyByEmail?.(account, codes);
  }

  async function savedSearches(principal: Principal) {
    return {
      items: (await repo.savedSearches(principal.accountId)).map((s) => ({
        id: s.id,
        name: s.name,
        query: JSON.parse(s.query) as Record<string, unknown>,
        emailAlerts: Boolean(s.email_alerts),
        createdAt: s.created_at,
      })),
    };
  }

  return {
    async listTeasers(page: number, pageSize: number): Promise<TListTeasersResponse> {
      const [rows, total] = await Promise.all([repo.listPublished((page - 1) * pageSize, pageSize), repo.countPublished()]);
      const today = now();
      return { items: rows.map((row) => toTeaser(row, today)), total, page, pageSize };
    },
    async search(query: TListingSearchQuery): Promise<TListTeasersResponse> {
      const today = now();
      const { items, total, capped } = await repo.search(query, today);
      return { items: items.map((row) => toTeaser(row, today)), total, totalCapped: capped, page: query.page, pageSize: query.pageSize };
    },
    async publicListing(code: string): Promise<TListingTeaserDetail> {
      const row = await repo.findPublicByCode(code);
      if (!row) throw new AppError('NOT_FOUND');
      return toTeaserDetail(row, now()) as TListingTeaserDetail;
    },
    async marketStats(): Promise<TMarketStats> {
      const s = await repo.stats();
      return { publishedListings: s.listings, provinces: s.provinces, industries: s.industries };
    },
    countPublished: () => repo.countPublished(),

    /**
     * Creates (id undefined) or updates a draft. Free text passes the guard (identifiers, the company's own name)
     * before anything is written; the company's identity is sealed by the vault; the credit code's blind index
     * finds the same company listed elsewhere (routed to review) or under an open deal (refused).
     */
    async saveDraft(principal: Principal, id: string | undefined, input: ListingInput, requestId?: string): Promise<TListingOwnerView> {
      const existing = id ? await ownListing(principal, id) : undefined;
      if (existing && !['draft', 'changes_requested'].includes(existing.status))
        throw new AppError('CONFLICT', 'only drafts can be edited');
      const region = resolveDistrict(input.districtCode);
      if (!region) throw new AppError('VALIDATION_FAILED', 'unknown district', { fields: ['districtCode'] });
      const established = new Date(`${input.establishedOn}T00:00:00Z`);
      if (Number.isNaN(established.getTime()) || established > now())
        throw new AppError('VALIDATION_FAILED', 'bad establishment date', { fields: ['establishedOn'] });
      const listingId = existing?.id ?? newId();

      const texts = [
        { field: 'title', text: input.title },
        { field: 'industry', text: input.industry },
        { field: 'description', text: input.description },
        ...input.highlights.map((text, i) => ({ field: `highlights.${i}`, text })),
        ...input.documentNames.map((text, i) => ({ field: `documentNames.${i}`, text })),
        ...(input.bankAccount ? [{ field: 'bankAccount', text: input.bankAccount }] : []),
      ];
      const findings = scanFreeText(texts, input.company.name);
      if (findings.length && !input.redactOnConfirm) {
        await deps.audit.append({
          type: 'listings.guard_refused',
          actor: auditActor(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: {
            listingId: existing?.id ?? null,
            kinds: [...new Set(findings.map((f) => f.kind))],
            fields: [...new Set(findings.map((f) => f.field))],
          },
        });
        refuseFindings(findings);
      }
      const clean = (field: string, text: string) =>
        redactFindings(
          text,
          findings.filter((f) => f.field === field),
        );
      const title = clean('title', input.title);
      const description = clean('description', input.description);
      const highlights = input.highlights.map((h, i) => clean(`highlights.${i}`, h));

      // Company identity: validated and sealed (GB 32100 check for the credit code) before anything is written.
      const company = existing ? await repo.companyOf(existing.id) : undefined;
      const subject = company ? await vault.findSubject(company.subject_id) : await vault.createSubject('company_party');
      if (!subject) throw new AppError('INTERNAL', 'listing company without a vault subject');
      const sealed = await vault.sealFields(subject, COMPANY_TABLE, listingId, {
        company_name: input.company.name,
        credit_code: input.company.creditCode,
        legal_representative: input.company.legalRepresentative,
        shareholders: JSON.stringify(input.company.shareholders),
      });
      const bidx = sealed['credit_code_bidx'] ?? null;
      const at = now().toISOString();
      const established_year = established.getUTCFullYear();
      const row: ListingsTable = {
        id: listingId,
        code: existing?.code ?? (await repo.nextCode()),
        title,
        province: region.province,
        city: region.city,
        industry: clean('industry', input.industry),
        company_type: input.companyType,
        established_year,
        registered_capital_wan: input.registeredCapitalWan,
        taxpayer_type: input.taxpayerType,
        price_kind: input.price.kind,
        price_wan: input.price.kind === 'fixed' ? Math.round(input.price.amountWan) : null,
        highlights: JSON.stringify(highlights),
        status: existing?.status ?? 'draft',
        published_at: existing?.published_at ?? null,
        created_at: existing?.created_at ?? at,
        updated_at: at,
        description,
        province_code: region.provinceCode,
        city_code: region.cityCode,
        district_code: region.districtCode,
        established_on: input.establishedOn,
        paid_in_capital_wan: input.paidInCapitalWan,
        tax_credit_grade: input.taxCreditGrade,
        filing_kind: input.filingKind,
        bank_account: input.bankAccount,
        licences: JSON.stringify(input.licences),
        ip_assets: JSON.stringify(input.ip),
        social_insurance_headcount: input.socialInsuranceHeadcount,
        red_flags: JSON.stringify(input.redFlags),
        handover: JSON.stringify(input.handover),
        seller_account_id: principal.accountId,
        broker_account_id:
          existing?.broker_account_id ??
          (await deps.ensureAdviser?.(principal.accountId, { provinceCode: region.provinceCode, industry: input.industry })) ??
          (await repo.brokerOf(principal.accountId)),
        review_flag: existing?.review_flag ?? null,
        search_text: '',
        submitted_at: existing?.submitted_at ?? null,
      };
      row.search_text = searchTextOf(row);
      await repo.transaction(async (trx) => {
        const tx = createListingsRepo(trx);
        if (existing) await tx.update(listingId, row);
        else await tx.insert(row);
        await tx.upsertCompany({
          listing_id: listingId,
          subject_id: subject.subjectId,
          company_name_ct: sealed['company_name_ct'] ?? null,
          credit_code_ct: sealed['credit_code_ct'] ?? null,
          credit_code_bidx: bidx,
          legal_representative_ct: sealed['legal_representative_ct'] ?? null,
          shareholders_ct: sealed['shareholders_ct'] ?? null,
          updated_at: at,
        });
        const base = {
          actor: auditActor(principal),
          decision: 'allowed' as const,
          subjectId: subject.subjectId,
          requestId: requestId ?? null,
        };
        await deps.audit.appendInTransaction(trx, [
          {
            ...base,
            type: 'listings.draft_saved',
            fields: ['company_name', 'credit_code', 'legal_representative', 'shareholders'].map((f) => `${COMPANY_TABLE}.${f}`),
            data: { listingId, created: !existing },
          },
        ]);
      });
      const view = await ownerView(row);
      defer(async () => void (await flagSameCompany(listingId)));
      return view;
    },

    async mine(principal: Principal) {
      return { items: (await repo.bySeller(principal.accountId)).map((row) => ({ ...summary(row), reviewFlag: null })) };
    },
    async ownView(principal: Principal, id: string) {
      return ownerView(await ownListing(principal, id));
    },
    async submit(principal: Principal, id: string, requestId?: string) {
      const row = await ownListing(principal, id);
      if (!['draft', 'changes_requested'].includes(row.status)) throw new AppError('CONFLICT', `cannot submit from ${row.status}`);
      // A lock or a duplicate is the broker's business: the seller's answer is the same either way.
      const view = await ownerView(
        await transition(row, principal, 'submit', 'submitted', { columns: { submitted_at: now().toISOString() } }, requestId),
      );
      defer(async () => void (await flagSameCompany(row.id)));
      return view;
    },
    async withdraw(principal: Principal, id: string, comment: string, requestId?: string) {
      const row = await ownListing(principal, id);
      if (['withdrawn', 'sold', 'under_offer'].includes(row.status)) throw new AppError('CONFLICT', `cannot withdraw from ${row.status}`);
      commentGuard(comment);
      return ownerView(await transition(row, principal, 'withdraw', 'withdrawn', { comment }, requestId));
    },

    async reviewQueue(principal: Principal) {
      return { items: (await repo.byBroker(principal.accountId)).map(summary) };
    },
    async brokerView(principal: Principal, id: string) {
      return ownerView(await assignedListing(principal, id), principal.accountId);
    },
    async review(principal: Principal, id: string, decision: Required<TReviewDecision>, requestId?: string) {
      const row = await assignedListing(principal, id);
      if (row.status !== 'submitted') throw new AppError('CONFLICT', `cannot review from ${row.status}`);
      commentGuard(decision.comment);
      if (decision.decision === 'request_changes') {
        if (!decision.comment.trim()) throw new AppError('VALIDATION_FAILED', 'a change request needs a comment', { fields: ['comment'] });
        return ownerView(
          await transition(
            row,
            principal,
            'request_changes',
            'changes_requested',
            { comment: decision.comment, checklist: decision.checklist },
            requestId,
          ),
          principal.accountId,
        );
      }
      const unchecked = Object.entries(decision.checklist)
        .filter(([, v]) => !v)
        .map(([k]) => k);
      if (unchecked.length)
        throw new AppError('VALIDATION_FAILED', 'checklist incomplete', { fields: unchecked.map((k) => `checklist.${k}`) });
      // The registry check means something only if the broker looked at the company it is about.
      if (!(await deps.companyRevealedBy?.(row.id, principal.accountId))) {
        throw new AppError('VALIDATION_FAILED', 'open the company identity before ticking the registry check', {
          fields: ['checklist.registry_checked'],
          reason: 'reveal_company_first',
        });
      }
      // The broker (only the broker) learns here whether the company is locked by a deal or already live elsewhere.
      const { flag, same } = await flagSameCompany(row.id);
      if (flag === 'locked') throw new AppError('LISTING_LOCKED', 'company under an open deal');
      const bidx = (await repo.companyOf(row.id))?.credit_code_bidx ?? null;
      if (
        flag === 'duplicate' &&
        bidx &&
        (await repo.sameCompany(bidx, row.id)).some((c) => same.includes(c.listing_id) && ['published', 'under_offer'].includes(c.status))
      ) {
        throw new AppError('LISTING_DUPLICATE', 'same company already live');
      }
      const published = await transition(
        row,
        principal,
        'approve',
        'published',
        { comment: decision.comment, checklist: decision.checklist, columns: { published_at: now().toISOString() } },
        requestId,
      );
      await alertSavedSearches(published);
      return ownerView(published, principal.accountId);
    },
    async favorites(principal: Principal) {
      const today = now();
      return { items: (await repo.favorites(principal.accountId)).map((r) => toTeaser(r, today)) };
    },
    async setFavorite(principal: Principal, code: string, on: boolean) {
      const row = await repo.findPublicByCode(code);
      if (!row) throw new AppError('NOT_FOUND');
      if (on) await repo.addFavorite(principal.accountId, row.id, now().toISOString());
      else await repo.removeFavorite(principal.accountId, row.id);
    },
    savedSearches,
    async saveSearch(principal: Principal, name: string, query: Record<string, unknown>, emailAlerts: boolean) {
      const findings = scanFreeText(
        [
          { field: 'name', text: name },
          { field: 'query', text: String(query['q'] ?? '') },
          { field: 'industry', text: String(query['industry'] ?? '') },
        ],
        null,
      );
      if (findings.length) refuseFindings(findings);
      const parsed = ZListingSearchQuery.safeParse(query);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'bad saved query', { fields: ['query'] });
      const { page: _p, pageSize: _s, ...kept } = parsed.data;
      await repo.insertSavedSearch({
        id: newId(),
        account_id: principal.accountId,
        name,
        query: JSON.stringify(kept),
        email_alerts: emailAlerts ? 1 : 0,
        created_at: now().toISOString(),
      });
      return savedSearches(principal);
    },
    async deleteSavedSearch(principal: Principal, id: string) {
      await repo.deleteSavedSearch(principal.accountId, id);
    },
    async alerts(principal: Principal) {
      const rows = await repo.alerts(principal.accountId);
      const listings = new Map((await repo.findPublicByIds([...new Set(rows.map((r) => r.listing_id))])).map((r) => [r.id, r]));
      const today = now();
      return {
        items: rows.flatMap((r) => {
          const listing = listings.get(r.listing_id);
          return listing
            ? [{ id: r.id, savedSearchName: r.name, listing: toTeaser(listing, today), createdAt: r.created_at, read: r.read_at !== null }]
            : [];
        }),
      };
    },
    /** Resolves once the checks deferred past earlier answers have run. */
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    /** The seller's listings follow the seller to their current adviser. */
    async moveSellerListings(sellerAccountId: string, brokerAccountId: string) {
      await repo.moveSellerListings(sellerAccountId, brokerAccountId);
    },
    async markAlertsRead(principal: Principal) {
      await repo.markAlertsRead(principal.accountId, now().toISOString());
    },
  };
}

function summary(row: ListingsTable) {
  const reviewFlag: 'duplicate' | 'locked' | null =
    row.review_flag === 'duplicate' || row.review_flag === 'locked' ? row.review_flag : null;
  return { id: row.id, code: row.code, title: row.title, status: row.status, reviewFlag, updatedAt: row.updated_at };
}
