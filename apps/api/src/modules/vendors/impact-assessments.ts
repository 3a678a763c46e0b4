import type { PiaTemplate, Purpose, TImpactAssessment, TImpactAssessmentRequest } from '@sealbridge/contracts';
import type { ImpactAssessmentsTable, VendorsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { addYears, type VendorsRepo } from './vendors-repo.ts';
import { actorOf, DAY_MS, parseList, PROVISIONAL_DAYS, RECORD_FLOOR_YEARS, type VendorsAudit } from './vendors-shared.ts';

type Localized = { 'zh-CN': string; en: string };

/** The three things PIPL Art. 56 says an assessment must cover, asked by every template. */
const ART56: readonly Localized[] = [
  { 'zh-CN': '处理目的、处理方式等是否合法、正当、必要', en: 'Are the purpose and method lawful, legitimate and necessary?' },
  { 'zh-CN': '对个人权益的影响及安全风险', en: 'What is the impact on the persons concerned, and what are the security risks?' },
  {
    'zh-CN': '所采取的保护措施是否合法、有效并与风险程度相适应',
    en: 'Are the protective measures lawful, effective and proportionate to the risk?',
  },
];

/** One template per case of PIPL Art. 55, each citing its article. */
export const PIA_TEMPLATE_DEFS: Record<PiaTemplate, { article: string; extra: Localized }> = {
  entrusted_processing: {
    article: 'PIPL Art. 55(3), 21',
    extra: { 'zh-CN': '受托人能否满足合同约定的安全义务？', en: 'Can the processor meet the security duties the contract sets?' },
  },
  provision_to_handler: {
    article: 'PIPL Art. 55(3), 23',
    extra: { 'zh-CN': '是否已取得指明接收方的单独同意？', en: 'Has a separate consent naming the recipient been obtained?' },
  },
  cross_border: {
    article: 'PIPL Art. 55(4), 38–40',
    extra: {
      'zh-CN': '境外接收方所在地的法律环境及出境机制？',
      en: "The recipient country's legal environment and the transfer mechanism?",
    },
  },
  sensitive_processing: {
    article: 'PIPL Art. 55(1), 28–30',
    extra: { 'zh-CN': '处理敏感个人信息的必要性及对个人的影响？', en: 'Why sensitive data is necessary, and its impact on the person?' },
  },
  automated_decision: {
    article: 'PIPL Art. 55(2), 24',
    extra: { 'zh-CN': '是否提供不针对个人特征的选项？', en: 'Is an option not based on personal characteristics offered?' },
  },
};

export function templateList() {
  return (Object.keys(PIA_TEMPLATE_DEFS) as PiaTemplate[]).map((template) => ({
    template,
    article: PIA_TEMPLATE_DEFS[template].article,
    questions: [...ART56, PIA_TEMPLATE_DEFS[template].extra],
  }));
}

/** The prefilled assessment of a provider registered from configuration: to be reviewed by the officer within 30 days. */
export function assessmentFromTemplate(vendor: VendorsTable, at: number): ImpactAssessmentsTable {
  const cross = vendor.country !== 'CN';
  return {
    id: newId(),
    template: cross ? 'cross_border' : 'entrusted_processing',
    vendor_id: vendor.id,
    purposes_json: vendor.purposes_json,
    title: `${vendor.name_zh} / ${vendor.name_en}`,
    answers_json: JSON.stringify({
      necessity: 'Delivering codes and notices the person asked for needs their address; nothing else is sent.',
      impact: 'The provider sees the address and the message text only; a leak exposes contact data.',
      measures: 'Entrustment contract, TLS, template-only SMS, outbox sealed at rest, every hand-off recorded by the gateway.',
    }),
    conclusion: 'Prefilled from the delivery template at registration from configuration; the privacy officer reviews it.',
    risk_level: 'low',
    assessed_at: new Date(at).toISOString(),
    review_due_at: new Date(at + PROVISIONAL_DAYS * DAY_MS).toISOString(),
    retain_until: new Date(addYears(at, RECORD_FLOOR_YEARS)).toISOString(),
    created_at: new Date(at).toISOString(),
  };
}

/** Impact assessments (PIPL Arts. 55–56): records linked to the flows (vendor × purpose) they cover, kept ≥ 3 years. */
export function createImpactAssessments(deps: { repo: VendorsRepo; audit: VendorsAudit; now: () => Date }) {
  const { repo, audit, now } = deps;

  function toView(row: ImpactAssessmentsTable, keys: ReadonlyMap<string, string>, at: Date): TImpactAssessment {
    const answers = JSON.parse(row.answers_json) as TImpactAssessment['answers'];
    return {
      id: row.id,
      template: row.template as PiaTemplate,
      vendorId: row.vendor_id,
      vendorKey: row.vendor_id ? (keys.get(row.vendor_id) ?? null) : null,
      purposes: parseList<Purpose>(row.purposes_json),
      title: row.title,
      answers,
      conclusion: row.conclusion,
      riskLevel: row.risk_level,
      assessedAt: row.assessed_at,
      reviewDueAt: row.review_due_at,
      reviewOverdue: Date.parse(row.review_due_at) < at.getTime(),
      retainUntil: row.retain_until,
    };
  }

  return {
    async list(): Promise<TImpactAssessment[]> {
      const keys = new Map((await repo.listVendors()).map((v) => [v.id, v.vendor_key]));
      const at = now();
      return (await repo.listAssessments()).map((r) => toView(r, keys, at));
    },

    async create(principal: Principal, input: TImpactAssessmentRequest): Promise<TImpactAssessment> {
      assertNoIdentifiers([
        { field: 'title', text: input.title },
        { field: 'answers.necessity', text: input.answers.necessity },
        { field: 'answers.impact', text: input.answers.impact },
        { field: 'answers.measures', text: input.answers.measures },
        { field: 'conclusion', text: input.conclusion },
      ]);
      const vendor = input.vendorId ? await repo.findVendor(input.vendorId) : undefined;
      if (input.vendorId && !vendor) throw new AppError('NOT_FOUND', 'no such vendor');
      const at = now().getTime();
      const row: ImpactAssessmentsTable = {
        id: newId(),
        template: input.template,
        vendor_id: vendor?.id ?? null,
        purposes_json: JSON.stringify([...new Set(input.purposes)]),
        title: input.title,
        answers_json: JSON.stringify(input.answers),
        conclusion: input.conclusion,
        risk_level: input.riskLevel,
        assessed_at: new Date(at).toISOString(),
        review_due_at: input.reviewDueAt ?? new Date(at + 365 * DAY_MS).toISOString(),
        retain_until: new Date(addYears(at, RECORD_FLOOR_YEARS)).toISOString(),
        created_at: new Date(at).toISOString(),
      };
      await repo.db.transaction().execute(async (trx) => {
        await repo.insertAssessment(row, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.impact_assessed',
          actor: actorOf(principal),
          decision: 'allowed',
          data: {
            assessmentId: row.id,
            template: row.template,
            vendorId: row.vendor_id,
            purposes: input.purposes,
            riskLevel: input.riskLevel,
          },
        });
      });
      return toView(row, new Map(vendor ? [[vendor.id, vendor.vendor_key]] : []), new Date(at));
    },
  };
}
