import {
  isValidEmail,
  normalizeEmail,
  normalizeIdNumber,
  normalizeMobile,
  normalizeUscc,
  normalizeWechatId,
} from '@sealbridge/cn-identifiers';
import type { DataCategory, LegalBasis, MaskKind, Purpose, RetentionClass, Role } from '@sealbridge/contracts';
import { BLIND_INDEX_DOMAINS, planBlindIndexBits } from './crypto/index.ts';

/**
 * The personal-data registry (DESIGN.md invariant 8): every personal field declared once, here. The data map,
 * masking, purpose checks, blind-index sizing and the drift tests that read the raw database all come from
 * this list, so they cannot drift apart. A new personal column that is not declared here fails the drift test.
 */
export type PersonalField = {
  /** `<table>.<field>`; the ciphertext lives in `<field>_ct`, the display mask in `<field>_mask`. */
  key: string;
  table: string;
  field: string;
  label: { 'zh-CN': string; en: string };
  subjectKind: 'customer' | 'staff' | 'company_party';
  category: DataCategory;
  /** PIPL Art. 28: sensitive personal information needs separate consent and an impact assessment. */
  sensitivity: 'general' | 'sensitive';
  purposes: readonly Purpose[];
  legalBasis: LegalBasis;
  retention: RetentionClass;
  masking: MaskKind;
  /** Staff roles that may reveal it (for a registered purpose); the subject always sees their own. */
  visibleTo: readonly Role[];
  /** Returns the canonical form, or null when the input is not a valid value of this kind. */
  normalize: (input: string) => string | null;
  /** Present when exact-match lookup is needed: the index width planned for `plannedPopulation`. */
  blindIndex?: { bits: number };
  /**
   * Purposes for which the field may be provided to another customer — a named buyer or seller (PIPL Art. 23) —
   * and only under that recipient's disclosure grant and the subject's separate consent naming them (the disclosure
   * module checks both; the vault refuses any other field or purpose for a recipient).
   */
  recipientPurposes?: readonly Purpose[];
};

/** Planned population for blind-index sizing (docs/adr/0007): one million persons. */
export const PLANNED_POPULATION = 1_000_000;

const bits = (domainSize: number) => planBlindIndexBits({ population: PLANNED_POPULATION, domainSize }).bits;
const trimmed = (max: number) => (input: string) => {
  const value = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  return value.length > 0 && value.length <= max ? value : null;
};

/** Image bytes travel and are sealed as canonical base64 (the vault's field cipher takes text); 3 MiB of bytes at most. */
const base64Image = (input: string) =>
  input.length > 0 && input.length <= 4 * 1024 * 1024 && /^[A-Za-z0-9+/]+={0,2}$/.test(input) && input.length % 4 === 0 ? input : null;

/** Message text keeps its line breaks (unlike `trimmed`); a masked rendering is a little longer than the original. */
const messageText = (input: string) => {
  const value = input.normalize('NFC').trim();
  return value.length > 0 && value.length <= 8000 ? value : null;
};

export const PERSONAL_FIELDS: readonly PersonalField[] = [
  {
    key: 'account_profiles.real_name',
    table: 'account_profiles',
    field: 'real_name',
    label: { 'zh-CN': '客户姓名', en: 'Customer name' },
    subjectKind: 'customer',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['account_service', 'identity_verification', 'deal_execution', 'legal_compliance', 'rights_request', 'break_glass'],
    recipientPurposes: ['deal_execution'],
    legalBasis: 'contract',
    retention: 'account_life_plus_3y',
    masking: 'name',
    visibleTo: ['broker'],
    normalize: trimmed(50),
  },
  {
    key: 'account_profiles.mobile',
    table: 'account_profiles',
    field: 'mobile',
    label: { 'zh-CN': '手机号码', en: 'Mobile number' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'deal_execution', 'customer_support', 'security_investigation', 'rights_request', 'break_glass'],
    recipientPurposes: ['deal_execution'],
    legalBasis: 'contract',
    retention: 'account_life',
    masking: 'mobile',
    visibleTo: ['broker'],
    normalize: normalizeMobile,
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.mobileCn) },
  },
  {
    key: 'account_profiles.email',
    table: 'account_profiles',
    field: 'email',
    label: { 'zh-CN': '电子邮箱', en: 'E-mail address' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'deal_execution', 'customer_support', 'security_investigation', 'rights_request', 'break_glass'],
    legalBasis: 'contract',
    retention: 'account_life',
    masking: 'email',
    visibleTo: ['broker'],
    normalize: (input) => (isValidEmail(input) ? normalizeEmail(input) : null),
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.email) },
  },
  {
    key: 'account_profiles.wechat',
    table: 'account_profiles',
    field: 'wechat',
    label: { 'zh-CN': '微信号', en: 'WeChat ID' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'deal_execution', 'rights_request', 'break_glass'],
    legalBasis: 'consent',
    retention: 'account_life',
    masking: 'wechat',
    visibleTo: ['broker'],
    normalize: normalizeWechatId,
  },
  {
    key: 'account_profiles.id_number',
    table: 'account_profiles',
    field: 'id_number',
    label: { 'zh-CN': '居民身份证号码', en: 'Resident ID number' },
    subjectKind: 'customer',
    category: 'identity_document',
    sensitivity: 'sensitive',
    purposes: ['identity_verification', 'legal_compliance', 'rights_request', 'break_glass'],
    legalBasis: 'separate_consent',
    retention: 'deal_life_plus_10y',
    masking: 'id_card',
    visibleTo: ['broker'],
    normalize: (input) => normalizeIdNumber(input),
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.residentIdCn) },
  },
  {
    key: 'account_profiles.address',
    table: 'account_profiles',
    field: 'address',
    label: { 'zh-CN': '联系地址', en: 'Contact address' },
    subjectKind: 'customer',
    category: 'location',
    sensitivity: 'general',
    purposes: ['account_service', 'deal_execution', 'rights_request', 'break_glass'],
    legalBasis: 'contract',
    retention: 'account_life',
    masking: 'address',
    visibleTo: ['broker'],
    normalize: trimmed(200),
  },
  // The delivery outbox (modules/delivery): each message's recipient and text, sealed under a data subject of
  // its own (or the recipient account's), shown to staff masked and never revealed to them.
  {
    key: 'delivery_outbox.mobile',
    table: 'delivery_outbox',
    field: 'mobile',
    label: { 'zh-CN': '短信收信号码', en: 'Text message recipient' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'customer_support', 'security_investigation', 'rights_request'],
    legalBasis: 'contract',
    retention: 'verification_180d',
    masking: 'mobile',
    visibleTo: [],
    normalize: normalizeMobile,
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.mobileCn) },
  },
  {
    key: 'delivery_outbox.email',
    table: 'delivery_outbox',
    field: 'email',
    label: { 'zh-CN': '邮件收件地址', en: 'E-mail recipient' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'customer_support', 'security_investigation', 'rights_request'],
    legalBasis: 'contract',
    retention: 'verification_180d',
    masking: 'email',
    visibleTo: [],
    normalize: (input) => (isValidEmail(input) ? normalizeEmail(input) : null),
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.email) },
  },
  {
    key: 'delivery_outbox.body',
    table: 'delivery_outbox',
    field: 'body',
    label: { 'zh-CN': '消息正文', en: 'Message text' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service', 'rights_request'],
    legalBasis: 'contract',
    retention: 'verification_180d',
    // Never displayed (the outbox shows template names); there is no mask kind for free text, and 'address'
    // turns text that does not begin with a place name into a fixed ******.
    masking: 'address',
    visibleTo: [],
    normalize: (input) => (input.length > 0 && input.length <= 4000 ? input : null),
  },
  // Privacy tickets (modules/consent): feedback and rights requests. The text may hold anything the person wrote,
  // so it is sealed and shown to the privacy officer only through an audited reveal.
  {
    key: 'privacy_tickets.message',
    table: 'privacy_tickets',
    field: 'message',
    label: { 'zh-CN': '隐私反馈及权利请求内容', en: 'Privacy feedback and rights-request text' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['rights_request', 'customer_support'],
    legalBasis: 'legal_obligation',
    retention: 'account_life_plus_3y',
    // Free text has no mask kind; like delivery_outbox.body it shows as ****** until revealed.
    masking: 'address',
    visibleTo: ['privacy_officer'],
    normalize: (input) => {
      const value = input.normalize('NFC').trim();
      return value.length > 0 && value.length <= 4000 ? value : null;
    },
  },
  {
    key: 'privacy_tickets.contact_email',
    table: 'privacy_tickets',
    field: 'contact_email',
    label: { 'zh-CN': '反馈联系邮箱', en: 'Feedback contact e-mail' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['rights_request', 'customer_support'],
    legalBasis: 'legal_obligation',
    retention: 'account_life_plus_3y',
    masking: 'email',
    visibleTo: ['privacy_officer'],
    normalize: (input) => (isValidEmail(input) ? normalizeEmail(input) : null),
  },
  // Real-name verification (modules/verification): what the customer submits for review by their broker.
  {
    key: 'rights_requests.detail',
    table: 'rights_requests',
    field: 'detail',
    label: { 'zh-CN': '个人权利请求的具体内容', en: 'Details of a rights request' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['rights_request'],
    legalBasis: 'legal_obligation',
    // The request's record (number, kind, states, dates, answer) stays in plaintext; the details go with the account.
    retention: 'account_life',
    // Free text (JSON of the typed request's details); like privacy_tickets.message it shows masked until revealed.
    masking: 'address',
    visibleTo: ['privacy_officer'],
    normalize: (input) => {
      const value = input.normalize('NFC').trim();
      return value.length > 0 && value.length <= 8000 ? value : null;
    },
  },
  {
    key: 'identity_verifications.full_name',
    table: 'identity_verifications',
    field: 'full_name',
    label: { 'zh-CN': '实名认证姓名', en: 'Name on the ID card' },
    subjectKind: 'customer',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['identity_verification', 'legal_compliance', 'rights_request'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'name',
    visibleTo: ['broker'],
    normalize: trimmed(50),
  },
  {
    key: 'identity_verifications.id_number',
    table: 'identity_verifications',
    field: 'id_number',
    label: { 'zh-CN': '实名认证身份证号码', en: 'ID number for verification' },
    subjectKind: 'customer',
    category: 'identity_document',
    sensitivity: 'sensitive',
    purposes: ['identity_verification', 'legal_compliance', 'rights_request'],
    legalBasis: 'separate_consent',
    retention: 'deal_life_plus_10y',
    masking: 'id_card',
    visibleTo: ['broker'],
    normalize: (input) => normalizeIdNumber(input),
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.residentIdCn) },
  },
  {
    key: 'identity_verifications.id_front_image',
    table: 'identity_verifications',
    field: 'id_front_image',
    label: { 'zh-CN': '身份证人像面照片', en: 'ID card photo, portrait side' },
    subjectKind: 'customer',
    category: 'identity_document',
    sensitivity: 'sensitive',
    purposes: ['identity_verification', 'legal_compliance', 'rights_request'],
    legalBasis: 'separate_consent',
    retention: 'deal_life_plus_10y',
    // Never masked for display (the review queue shows only whether an image is present); no mask kind fits
    // an image, and 'address' turns anything into ******.
    masking: 'address',
    visibleTo: ['broker'],
    normalize: base64Image,
  },
  {
    key: 'identity_verifications.id_back_image',
    table: 'identity_verifications',
    field: 'id_back_image',
    label: { 'zh-CN': '身份证国徽面照片', en: 'ID card photo, emblem side' },
    subjectKind: 'customer',
    category: 'identity_document',
    sensitivity: 'sensitive',
    purposes: ['identity_verification', 'legal_compliance', 'rights_request'],
    legalBasis: 'separate_consent',
    retention: 'deal_life_plus_10y',
    masking: 'address',
    visibleTo: ['broker'],
    normalize: base64Image,
  },
  // Staff (modules/staff): a work e-mail for staff notices (break-glass alerts to privacy officers); masked in the
  // staff list, never revealed to anyone through the API.
  {
    key: 'staff_members.work_email',
    table: 'staff_members',
    field: 'work_email',
    label: { 'zh-CN': '员工工作邮箱', en: 'Staff work e-mail' },
    subjectKind: 'staff',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['account_service'],
    legalBasis: 'contract',
    retention: 'account_life',
    masking: 'email',
    visibleTo: [],
    normalize: (input) => (isValidEmail(input) ? normalizeEmail(input) : null),
  },
  // The company behind a listing (modules/listings): public registry data, but tied to the listing it reveals the
  // seller's best-kept secret — that the company is for sale. Sealed under a company_party subject per listing.
  {
    key: 'listing_companies.company_name',
    table: 'listing_companies',
    field: 'company_name',
    label: { 'zh-CN': '挂牌公司名称', en: 'Listed company name' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'deal_disclosure', 'listing_review', 'legal_compliance', 'rights_request'],
    recipientPurposes: ['deal_disclosure'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'name',
    visibleTo: ['broker'],
    normalize: trimmed(100),
  },
  {
    key: 'listing_companies.credit_code',
    table: 'listing_companies',
    field: 'credit_code',
    label: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'deal_disclosure', 'listing_review', 'legal_compliance', 'rights_request'],
    recipientPurposes: ['deal_disclosure'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'uscc',
    visibleTo: ['broker'],
    // GB 32100-2015 check character: a mistyped code is refused, so the blind index finds the same company twice.
    normalize: (input) => normalizeUscc(input),
    blindIndex: { bits: bits(BLIND_INDEX_DOMAINS.creditCodeCn) },
  },
  {
    key: 'listing_companies.legal_representative',
    table: 'listing_companies',
    field: 'legal_representative',
    label: { 'zh-CN': '法定代表人', en: 'Legal representative' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'deal_disclosure', 'listing_review', 'legal_compliance', 'rights_request'],
    recipientPurposes: ['deal_disclosure'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'name',
    visibleTo: ['broker'],
    normalize: trimmed(50),
  },
  {
    key: 'listing_companies.shareholders',
    table: 'listing_companies',
    field: 'shareholders',
    label: { 'zh-CN': '股东', en: 'Shareholders' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'deal_disclosure', 'listing_review', 'legal_compliance', 'rights_request'],
    recipientPurposes: ['deal_disclosure'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'name',
    visibleTo: ['broker'],
    normalize: trimmed(1100),
  },
  // Proof of funds (modules/disclosure): a buyer's bank statement or deposit certificate for one listing whose seller
  // asks for it. Financial records are sensitive (PIPL Art. 28); the upload form states why it is needed (Art. 30).
  // Necessary for the buyer's own request (contract); reviewed by the listing's adviser, never shown to the seller.
  {
    key: 'proof_of_funds.document',
    table: 'proof_of_funds',
    field: 'document',
    label: { 'zh-CN': '资金证明文件', en: 'Proof of funds document' },
    subjectKind: 'customer',
    category: 'financial',
    sensitivity: 'sensitive',
    purposes: ['deal_execution', 'rights_request'],
    legalBasis: 'contract',
    retention: 'verification_180d',
    masking: 'address',
    visibleTo: ['broker'],
    normalize: base64Image,
  },
  // Messages (modules/messaging): what a participant writes in a deal thread, sealed under a subject per participant
  // and thread. The original is opened for its sender (own), and for the other party only while the buyer's L3
  // grant is active; everyone else reads the masked rendering (identifiers replaced by their kind).
  {
    key: 'thread_messages.body',
    table: 'thread_messages',
    field: 'body',
    label: { 'zh-CN': '消息原文', en: 'Message text as written' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['deal_execution', 'legal_compliance', 'rights_request', 'break_glass'],
    // The other party reads the original only under the buyer's L3 grant (both sides' separate consents naming the
    // other); the vault audits each such read with the grant.
    recipientPurposes: ['deal_execution'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_3y',
    // Never masked by the vault: readers without the original get masked_body.
    masking: 'address',
    // No staff role reads an original through messaging: brokers read masked_body and reach contacts through the
    // audited profile reveal; break-glass (privacy and security officers) still can.
    visibleTo: [],
    normalize: messageText,
  },
  {
    key: 'thread_messages.masked_body',
    table: 'thread_messages',
    field: 'masked_body',
    label: { 'zh-CN': '消息（联系方式已隐藏）', en: 'Message text with contact details masked' },
    subjectKind: 'customer',
    category: 'contact',
    sensitivity: 'general',
    purposes: ['deal_execution', 'rights_request'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_3y',
    masking: 'address',
    visibleTo: ['broker'],
    normalize: messageText,
  },
  // Deals (modules/deals): evidence of the handover and of the legal-representative change. Photos of seals,
  // licences and keys show the legal representative's name and can show the people handing them over; sealed under
  // the deal's own company_party subject (both parties rely on it for 10 years, whichever of them erases their
  // account). The parties see them through an audited platform reveal (forSubject), the broker through a staff reveal.
  {
    key: 'deal_custody_items.photo',
    table: 'deal_custody_items',
    field: 'photo',
    label: { 'zh-CN': '交割物品交接照片', en: 'Hand-over photo of a custody item' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'legal_compliance', 'rights_request'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    // Never masked for display (the ledger shows presence and type only).
    masking: 'address',
    visibleTo: ['broker'],
    normalize: base64Image,
  },
  {
    key: 'deals.legal_rep_evidence',
    table: 'deals',
    field: 'legal_rep_evidence',
    label: { 'zh-CN': '法定代表人变更凭证', en: 'Evidence of the legal-representative change' },
    subjectKind: 'company_party',
    category: 'identity',
    sensitivity: 'general',
    purposes: ['deal_execution', 'legal_compliance', 'rights_request'],
    legalBasis: 'contract',
    retention: 'deal_life_plus_10y',
    masking: 'address',
    visibleTo: ['broker'],
    normalize: base64Image,
  },
];

/**
 * Roles that may reveal a field registered for `break_glass`, and only while the staff module's gate confirms an
 * active, justified, time-boxed grant of that actor for that subject (they otherwise see metadata only).
 */
export const BREAK_GLASS_ROLES: readonly Role[] = ['privacy_officer', 'security_officer'];

const BY_KEY = new Map(PERSONAL_FIELDS.map((f) => [f.key, f]));

export function personalField(key: string): PersonalField {
  const field = BY_KEY.get(key);
  if (!field) throw new Error(`personal field ${key} is not registered`);
  return field;
}

export function fieldsOfTable(table: string): PersonalField[] {
  return PERSONAL_FIELDS.filter((f) => f.table === table);
}
