import type { ConsentKind, DataCategory, Purpose, TConsentPurpose } from '@sealbridge/contracts';
import { personalField } from '../vault/index.ts';

/**
 * Which processing needs consent (PIPL Art. 13(1)(1), 14, 23, 29, 39). Everything else in the registry rests on
 * another legal basis (contract, legal obligation) and never goes through the guard. The entries cover the
 * registry's consent-based fields (legalBasis `consent` / `separate_consent`) for the purposes they serve; a test
 * checks that every such (field, purpose) pair is either covered here or exempted below with its reason.
 */
export type ConsentPurposeDef = {
  purpose: Purpose;
  kind: ConsentKind;
  /** Registry keys of the fields this consent covers. */
  fields: readonly string[];
  label: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
};

export const CONSENT_PURPOSES: readonly ConsentPurposeDef[] = [
  {
    purpose: 'account_service',
    kind: 'general',
    fields: ['account_profiles.wechat'],
    label: { 'zh-CN': '通过微信提供账户服务', en: 'Account service over WeChat' },
    description: {
      'zh-CN': '我们使用您填写的微信号，就账户事务（如资料补正、到期提醒）与您联系。不同意不影响其他功能。',
      en: 'We use the WeChat ID you gave us to contact you about your account (missing documents, reminders). Saying no does not affect anything else.',
    },
  },
  {
    purpose: 'deal_execution',
    kind: 'general',
    fields: ['account_profiles.wechat'],
    label: { 'zh-CN': '经纪人通过微信推进交易', en: 'Your broker contacts you over WeChat about a deal' },
    description: {
      'zh-CN': '为您服务的经纪人可以查看您的微信号，以便在交易过程中与您沟通。',
      en: 'The broker assigned to you may see your WeChat ID to talk to you during a deal.',
    },
  },
  {
    purpose: 'identity_verification',
    kind: 'sensitive',
    // The real-name verification form records this separate consent with its own statement hash
    // (identity_verifications.sensitive_consent_*) and writes it to the ledger (verification recordConsent).
    fields: [
      'account_profiles.id_number',
      'identity_verifications.id_number',
      'identity_verifications.id_front_image',
      'identity_verifications.id_back_image',
    ],
    label: {
      'zh-CN': '单独同意：使用身份证号码及证件照片进行实名核验',
      en: 'Separate consent: use your resident ID number and ID card photos to verify your identity',
    },
    description: {
      'zh-CN': '身份证号码和证件照片属于敏感个人信息。经纪人仅在实名核验时查看，且每次查看均记录在案。',
      en: 'Your ID number and ID card photos are sensitive personal information. A broker sees them only to verify your identity, and every view is recorded.',
    },
  },
  {
    purpose: 'deal_execution',
    kind: 'recipient',
    fields: ['account_profiles.real_name', 'account_profiles.mobile'],
    label: {
      'zh-CN': '单独同意：向您指定的交易对方提供姓名和手机号',
      en: 'Separate consent: give your name and mobile number to the counterparty you name',
    },
    description: {
      'zh-CN': '仅在您针对某一具体接收方（例如某位买方）同意后，才会向其提供；对其他接收方无效。',
      en: 'Given only to the one recipient you name (a given buyer, say); it does not extend to anyone else.',
    },
  },
  {
    // Level L1 of the disclosure path: the company behind the seller's listing, to one named buyer (an inquiry).
    purpose: 'deal_disclosure',
    kind: 'recipient',
    fields: [
      'listing_companies.company_name',
      'listing_companies.credit_code',
      'listing_companies.legal_representative',
      'listing_companies.shareholders',
    ],
    label: {
      'zh-CN': '单独同意：向您指定的买方披露挂牌公司的身份（L1）',
      en: "Separate consent: disclose your listed company's identity to the buyer you name (L1)",
    },
    description: {
      'zh-CN':
        '仅向您逐一同意的买方（以平台编号标识，已实名认证并签署保密协议）提供公司名称、信用代码、法定代表人和股东；您可随时撤回，撤回后该买方的全部查看权限立即关闭。',
      en: "Only to each buyer you name (shown by platform reference, verified and under NDA): company name, credit code, legal representative and shareholders. Withdraw at any time; that buyer's access closes at once.",
    },
  },
  {
    purpose: 'deal_execution',
    kind: 'cross_border',
    fields: ['account_profiles.real_name', 'account_profiles.mobile'],
    label: { 'zh-CN': '单独同意：向境外接收方提供个人信息', en: 'Separate consent: transfer personal data abroad' },
    description: {
      'zh-CN': '目前本平台不向境外提供任何个人信息；如将来需要，会列明接收方并单独征求您的同意。',
      en: 'The platform transfers no personal data abroad today; if that changes, the recipient will be named and your separate consent asked.',
    },
  },
];

/** Purposes of consent-based fields that need no consent, and why (PIPL Art. 13(1)). */
export const CONSENT_EXEMPT_PURPOSES: Partial<Record<Purpose, string>> = {
  legal_compliance: 'PIPL Art. 13(1)(3): necessary to fulfil a legal obligation (AML / market-supervision record keeping)',
  rights_request: "PIPL Art. 44–50: processing the subject's own request about their data",
  break_glass:
    'PIPL Art. 13(1)(4) and Art. 51: emergency access to protect the person or investigate an incident — justified, time-boxed, alerted and audited',
};

// Third parties and recipients abroad are live data: the vendors module's registry (issue 17), not constants.

/** Days during which a refused request is not asked again. */
export const REFUSAL_COOLDOWN_DAYS = 30;

/** The key under which a purpose's version is kept in a notice (`kind:purpose`). */
export const purposeKey = (def: Pick<ConsentPurposeDef, 'kind' | 'purpose'>) => `${def.kind}:${def.purpose}`;
/** The ledger key: one state per (kind, purpose, recipient). */
export const consentKey = (kind: ConsentKind, purpose: Purpose, recipient: string | null | undefined) =>
  `${kind}:${purpose}${recipient ? `:${recipient}` : ''}`;

export function categoriesOf(def: ConsentPurposeDef): DataCategory[] {
  return [...new Set(def.fields.map((k) => personalField(k).category))].sort();
}

export function findConsentPurpose(purpose: Purpose, kind: ConsentKind): ConsentPurposeDef | undefined {
  return CONSENT_PURPOSES.find((d) => d.purpose === purpose && d.kind === kind);
}

/** Which consent (if any) processing `fieldKey` for `purpose` needs: the non-recipient flow covering the pair. */
export function consentNeededFor(fieldKey: string, purpose: Purpose): ConsentPurposeDef | undefined {
  return CONSENT_PURPOSES.find(
    (d) => d.purpose === purpose && (d.kind === 'general' || d.kind === 'sensitive') && d.fields.includes(fieldKey),
  );
}

export function toContract(def: ConsentPurposeDef, version: number): TConsentPurpose {
  return {
    purpose: def.purpose,
    kind: def.kind,
    version,
    categories: categoriesOf(def),
    fields: [...def.fields],
    label: def.label,
    description: def.description,
  };
}
