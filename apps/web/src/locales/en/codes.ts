import type { LocaleMessages } from '../zh-CN.ts';
import type { codesZhCN } from '../zh-CN/codes.ts';

/** English names of the contracts' code lists; same keys as zh-CN/codes.ts (checked by the type and codes.test.ts). */
export const codesEn: LocaleMessages<typeof codesZhCN> = {
  purposes: {
    account_service: 'Account service',
    identity_verification: 'Real-name verification',
    deal_execution: 'Matching and closing deals',
    legal_compliance: 'Legal obligations',
    customer_support: 'Customer support',
    security_investigation: 'Security investigation',
    rights_request: 'Handling a rights request',
    break_glass: 'Emergency access (justified, time-boxed)',
    deal_disclosure: "Disclosure to a named buyer (seller's separate consent)",
    listing_review: 'Listing review (registry check)',
  },
  legalBases: {
    consent: 'Consent (PIPL Art. 13(1)(1))',
    separate_consent: 'Separate consent (PIPL Art. 29)',
    contract: 'Necessary for a contract with the person (PIPL Art. 13(1)(2))',
    legal_obligation: 'Necessary for a legal obligation (PIPL Art. 13(1)(3))',
    disclosed_info: 'Information already lawfully made public (PIPL Art. 13(1)(6))',
  },
  retention: {
    account_life: 'While the account exists; deleted when it is closed',
    account_life_plus_3y: 'Until 3 years after the account is closed',
    deal_life_plus_10y: 'Until 10 years after the deal ends',
    verification_180d: '180 days after verification',
    deal_life_plus_3y: 'Until 3 years after the inquiry or deal ends, then its key is destroyed',
  },
  categories: {
    identity: 'Identity',
    contact: 'Contact details',
    financial: 'Financial',
    location: 'Address',
    identity_document: 'Identity document',
  },
  masking: {
    name: 'Surname only, e.g. Zhang**',
    mobile: 'First 3 and last 4 digits, e.g. 138****1234',
    email: 'First letter and domain, e.g. z***@example.com',
    id_card: 'First 3 and last 4 characters, e.g. 110***********0018',
    uscc: 'First 2 and last 4 characters, e.g. 91************XX3X',
    bank_card: 'Last 4 digits only, e.g. ****0123',
    address: 'Down to the district only, e.g. Pudong New Area, Shanghai',
    wechat: 'First and last character, e.g. z****1',
    qq: 'First and last digit, e.g. 1****9',
    landline: 'Area code and last 2 digits, e.g. 010-******78',
  },
  subjectKinds: { customer: 'Customer', staff: 'Staff member', company_party: 'Company party' },
  sensitivities: { general: 'General personal information', sensitive: 'Sensitive personal information' },
  profileFields: {
    realName: 'Full name',
    mobile: 'Mobile number',
    email: 'E-mail address',
    wechat: 'WeChat ID',
    idNumber: 'Resident ID number',
    address: 'Contact address',
  },
  fieldView: {
    absent: 'Not provided',
    erased: 'Erased on request',
    erasedHint: 'The encryption key of this information was destroyed on request; nobody, including us, can read it any more.',
    revealed: 'In full',
    sensitiveTag: 'Sensitive',
    sensitiveHint:
      'Sensitive personal information (PIPL Art. 28): needs separate consent and a personal information protection impact assessment.',
  },
  invalid: {
    realName: 'Enter a name of 1–50 characters',
    mobile: 'Enter a valid mainland China mobile number (11 digits starting with 1)',
    email: 'Enter a valid e-mail address',
    wechat: 'A WeChat ID has 6–20 characters, starts with a letter and may contain letters, digits, _ and -',
    idNumber: 'This ID number is not valid: check its length, date of birth and check character',
    address: 'Enter an address of 2–200 characters',
  },
};
