import type { LocaleMessages } from '../zh-CN.ts';
import type { accountZhCN } from '../zh-CN/account.ts';

/** The signed-in customer's own pages (My data). */
export const accountEn: LocaleMessages<typeof accountZhCN> = {
  profile: {
    title: 'My data',
    intro:
      'The personal information you have registered with Sealbridge. It is masked by default; “Show” displays a field in full until you leave this page.',
    encryptedTitle: 'Your data is stored encrypted',
    encryptedBody:
      'Each item is encrypted with a key of your own (AES-256-GCM); there is no plaintext in the database, logs or backups. Staff see masked values by default and must state a purpose to see more — and every such access is recorded.',
    idNumberTitle: 'Why we ask for your ID number',
    idNumberBody:
      'Your resident ID number is sensitive personal information (PIPL Art. 28). We collect and use it only for real-name verification and where the law requires it, with your separate consent.',
    fieldsTitle: 'Personal information',
    updatedAt: 'Last updated: {{time}}',
    neverUpdated: 'You have not entered any personal information yet.',
    reveal: 'Show',
    hide: 'Hide',
    revealLabel: 'Show {{field}} in full',
    hideLabel: 'Hide {{field}}',
    erasedAlertTitle: 'Your personal information was erased on request',
    erasedAlertBody:
      'Its encryption key has been destroyed: the information can no longer be read or changed. To register again, contact your broker.',
    edit: 'Edit my data',
    editTitle: 'Edit my data',
    editHint:
      'Fill in only what you want to change; empty fields stay as they are. To show as little plaintext as possible, the form is not pre-filled.',
    currentValue: 'Current: {{value}}',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Saved and stored encrypted.',
    nothingToSave: 'Fill in at least one item to change.',
    serverRejected: 'The server did not accept this value. Please check it and try again.',
    placeholders: {
      realName: 'e.g. Zhang San',
      mobile: 'e.g. 138 0000 0000',
      email: 'e.g. name@example.com',
      wechat: 'e.g. zhangsan_2026',
      idNumber: '18-character resident ID number',
      address: 'Province, city, district and street address',
    },
    staffTitle: 'This page is for customers',
    staffBody: 'Staff accounts have no personal data page. Please handle customer matters in the console.',
    accessLogTitle: 'Who accessed my data',
    accessLogBody:
      'Every time a staff member views or looks up your data, the time, staff number, the information concerned and the purpose are recorded, and you can see them.',
    accessLogLink: 'See the access log',
  },
  accessLog: {
    title: 'Who accessed my data',
    intro:
      'Every access to your personal data by anyone other than you is listed here, including attempts the system refused. Times are shown in your time zone.',
    empty: 'No staff member has accessed your personal data so far',
    emptyHint: 'As soon as a staff member views or looks up your data, the access appears here.',
    count: '{{count}} accesses',
    actor: 'Accessed by',
    staffNo: 'Staff no. {{no}}',
    unknownActor: 'Unknown',
    fields: 'Information',
    noFields: 'No specific item',
    purpose: 'Purpose',
    noPurpose: 'Not stated',
    deniedHint: 'The system refused this access; your data was not shown.',
    recordedTitle: 'Every access is recorded',
    recordedBody:
      'Staff must state a purpose to view, look up or process your personal data, and the system records it in a tamper-evident audit trail at the same time: records can only be appended and are signed regularly, and nobody, not even our administrators, can delete or change them.',
    complaintTitle: 'Concerned about an access?',
    complaintBody:
      'If you think an access was unnecessary or inappropriate, you can complain to our personal information protection officer. We answer within 15 working days.',
    complaintLink: 'Contact the personal information protection officer',
    backToProfile: 'Back to My data',
  },
};
