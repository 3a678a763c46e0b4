import type { LocaleMessages } from '../zh-CN.ts';
import type { advisersZhCN, notificationsZhCN } from '../zh-CN/notifications.ts';

export const notificationsEn: LocaleMessages<typeof notificationsZhCN> = {
  title: 'Notifications',
  intro:
    'Notices about your listings, requests and account. They carry only listing codes, buyer aliases and dates — never a name or a contact.',
  bell: 'Notifications',
  bellUnread: 'Notifications ({{count}} unread)',
  empty: 'No notifications.',
  unread: 'Unread',
  open: 'Open',
  markRead: 'Mark as read',
  markAll: 'Mark all as read',
  settingsTitle: 'How you receive them',
  settingsIntro:
    'In-app notices are always on. Choose whether to also receive each kind by e-mail or text message; text messages are off unless you turn them on.',
  topic: 'Kind',
  topics: {
    account: 'Account and adviser',
    disclosure: 'Requests and access',
    dataroom: 'Data room',
    messages: 'Messages',
    deals: 'Deal progress',
  },
  channels: { email: 'E-mail', sms: 'Text message' },
  save: 'Save',
  saved: 'Saved',
};

export const advisersEn: LocaleMessages<typeof advisersZhCN> = {
  mine: {
    title: 'My adviser',
    intro: 'Your adviser reviews your verification, your listings and your requests.',
    staffNo: 'Adviser’s staff number',
    since: 'Since',
    contact:
      'Reach your adviser through platform messages. The platform never gives out an adviser’s personal phone or WeChat; ignore anyone who claims to be your adviser and asks for codes, seals or a transfer.',
    messages: 'Contact through platform messages',
    notifications: 'See notifications',
    none: 'No adviser is assigned to you yet. One is assigned automatically with your first listing or your first request.',
  },
  admin: {
    title: 'Adviser assignment',
    intro:
      'Every customer has an adviser. New customers are assigned automatically at their first listing or request: a province-and-industry rule first, then province, then industry; without a matching rule, the adviser with the fewest customers.',
    rulesTitle: 'Assignment rules',
    province: 'Province',
    industry: 'Industry',
    broker: 'Adviser',
    any: 'Any',
    createdAt: 'Created',
    add: 'Add rule',
    added: 'Rule added',
    remove: 'Remove',
    removeTitle: 'Remove this rule?',
    removed: 'Rule removed',
    needOne: 'Choose a province, an industry or both',
    brokerRequired: 'Choose an adviser',
    brokerOption: '{{staffNo}} ({{load}} customers)',
    rulesEmpty: 'No rules yet.',
    customersTitle: 'Customers and their advisers',
    search: 'Find by customer number (e.g. C-100001)',
    searchInvalid: 'A customer number is a letter, a dash and digits, e.g. C-100001',
    customerNo: 'Customer',
    roles: 'Roles',
    adviser: 'Adviser',
    since: 'Since',
    none: 'None',
    reassign: 'Reassign',
    reassignTitle: 'Reassign the adviser of customer {{no}}',
    reassignHint: 'The previous adviser loses access to this customer and their listings at once; the assignment history is kept.',
    reassigned: 'Reassigned',
    actions: 'Actions',
  },
};
