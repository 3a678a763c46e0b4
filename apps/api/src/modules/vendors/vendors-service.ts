import type { TPrivacyCenter } from '@sealbridge/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { chinaDay } from '../../platform/calendar/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { createCrossBorder } from './crossborder.ts';
import { createImpactAssessments, templateList } from './impact-assessments.ts';
import { createObligationsMap, type ObligationProbes } from './obligations.ts';
import { createSharingGateway, type ConsentCheck } from './sharing-gateway.ts';
import { createVendorRegistry } from './vendors-registry.ts';
import type { VendorsRepo } from './vendors-repo.ts';
import { DAY_MS, parseList, REVIEW_REMINDER_DAYS, type VendorsAudit } from './vendors-shared.ts';

const regionName = (code: string) => ({
  'zh-CN': new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of(code) ?? code,
  en: new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code,
});

/** The vendors module's parts over one repo: registry, gateway, cross-border ledger, assessments, obligations map. */
export function createVendorsService(deps: {
  repo: VendorsRepo;
  audit: VendorsAudit;
  calendar: WorkingDayCalendar;
  /** The consent guard's check (`consent.guard.check`), asked for a named recipient. */
  consent: ConsentCheck;
  /** A keyed digest (vault) of the person a transfer is about: the ledger counts persons without naming them. */
  digest: (value: string) => string;
  probes?: ObligationProbes;
  /** Active privacy officers, for review and filing reminders. */
  privacyOfficers?: () => Promise<string[]>;
  notifications?: Pick<NotificationsPort, 'notifyMany'>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const base = { repo: deps.repo, audit: deps.audit, now };
  const registry = createVendorRegistry(base);
  const crossBorder = createCrossBorder({ ...base, calendar: deps.calendar });
  const gateway = createSharingGateway({ ...base, crossBorder, consent: deps.consent, digest: deps.digest });
  const assessments = createImpactAssessments(base);
  const obligations = createObligationsMap({ repo: deps.repo, crossBorder, probes: deps.probes ?? {}, now });

  return {
    registry,
    gateway,
    crossBorder,
    assessments,
    obligations,
    templates: templateList,

    /** Who receives personal data today, for the privacy center and the notice's 清单: active vendors, live. */
    async recipients(): Promise<Pick<TPrivacyCenter, 'thirdParties' | 'crossBorder'>> {
      const active = (await deps.repo.listVendors()).filter((v) => v.status === 'active');
      return {
        thirdParties: active.map((v) => ({
          id: v.vendor_key,
          name: { 'zh-CN': v.name_zh, en: v.name_en },
          role: v.role,
          country: v.country,
          purposes: parseList(v.purposes_json),
          categories: parseList(v.categories_json),
        })),
        crossBorder: active
          .filter((v) => v.country !== 'CN')
          .map((v) => ({
            code: v.vendor_key,
            country: regionName(v.country),
            recipient: { 'zh-CN': v.name_zh, en: v.name_en },
            categories: parseList(v.categories_json),
          })),
      };
    },

    async listTransfers(query: { outcome?: 'allowed' | 'refused'; page: number; pageSize: number }) {
      const filter = query.outcome ? { outcome: query.outcome } : {};
      const [rows, total] = await Promise.all([
        deps.repo.listTransfers(filter, query.pageSize, (query.page - 1) * query.pageSize),
        deps.repo.countTransfers(filter),
      ]);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          vendorKey: r.vendor_key,
          purpose: r.purpose,
          channel: r.channel,
          country: r.country,
          crossBorder: r.cross_border === 1,
          sensitive: r.sensitive === 1,
          outcome: r.outcome,
          reason: r.reason as never,
          mechanism: r.mechanism,
          createdAt: r.created_at,
          retainUntil: r.retain_until,
        })),
      };
    },

    /** Reminds every privacy officer of reviews due within REVIEW_REMINDER_DAYS and of standard contracts to file. */
    async remindDue(): Promise<number> {
      const officers = (await deps.privacyOfficers?.()) ?? [];
      if (officers.length === 0 || !deps.notifications) return 0;
      const at = now().getTime();
      const vendors = (await deps.repo.listVendors()).filter(
        (v) => v.status === 'active' && Date.parse(v.next_review_at) - REVIEW_REMINDER_DAYS * DAY_MS <= at,
      );
      const filings = (await deps.repo.listMechanisms()).filter((m) => m.filing_due_at && !m.filed_at);
      const inputs = officers.flatMap((accountId) => [
        ...vendors.map((v) => ({
          accountId,
          kind: 'vendor_review_due' as const,
          params: { vendor: v.vendor_key, due: chinaDay(new Date(v.next_review_at)) },
          link: '/console/vendors',
        })),
        ...filings.map((m) => ({
          accountId,
          kind: 'crossborder_filing_due' as const,
          params: { reference: m.reference, due: chinaDay(new Date(m.filing_due_at ?? '')) },
          link: '/console/vendors',
        })),
      ]);
      if (inputs.length > 0) await deps.notifications.notifyMany(inputs);
      return inputs.length;
    },
  };
}

export type VendorsService = ReturnType<typeof createVendorsService>;
