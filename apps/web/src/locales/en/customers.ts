import type { LocaleMessages } from '../zh-CN.ts';
import type { customersZhCN } from '../zh-CN/customers.ts';

/** Staff pages about customers (Customer lookup). */
export const customersEn: LocaleMessages<typeof customersZhCN> = {
  lookup: {
    title: 'Customer lookup',
    intro:
      'Find a customer by exact mobile number, e-mail address or ID number. Results are masked; seeing a value in full requires a purpose, every such access is recorded, and the customer can see the access record.',
    identifierType: 'Look up by',
    identifierTypes: { mobile: 'Mobile number', email: 'E-mail', idNumber: 'ID number' },
    value: 'Value',
    valueRequired: 'Enter a value to look up',
    placeholders: {
      mobile: '11-digit mobile number',
      email: 'name@example.com',
      idNumber: '18-character resident ID number',
    },
    purpose: 'Purpose',
    purposeRequired: 'Choose a purpose',
    purposeHint:
      'The purpose must be one the field is registered for (see the data map in the privacy center); otherwise the request is refused and recorded.',
    submit: 'Look up',
    resultCount: 'Customers found: {{count}}',
    noResult: 'No matching customer.',
    customer: 'Customer',
    accountId: 'Customer ID: {{id}}',
    updatedAt: 'Data updated: {{time}}',
    view: 'View',
    viewLabel: 'View {{field}} in full',
  },
  reveal: {
    title: 'View {{field}}',
    purpose: 'Purpose',
    purposeRequired: 'Choose a purpose',
    notice: 'This access will be recorded; the customer can see the access record.',
    noticeBody: 'View values in full only when the work requires it. Never screenshot, forward or paste customer data into chats.',
    confirm: 'Show value',
    close: 'Close',
    value: 'Value',
  },
};
