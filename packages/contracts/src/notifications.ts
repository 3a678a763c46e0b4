import { z } from 'zod';

/**
 * In-app notifications (and their e-mail / SMS copies through the delivery port). The server stores a kind and
 * parameters; the web app and the delivery template render the text. Parameters carry listing codes, buyer aliases,
 * stage names and dates only — never a name, number or address (a test scans every kind's sample for identifiers).
 *
 * Every module adds its kinds here; `text` uses `{param}` placeholders, each listed in `params`.
 */
export const NOTIFICATION_KINDS = {
  test_notice: {
    topic: 'account',
    params: ['code'],
    'zh-CN': '这是一条测试通知（挂牌 {code}）。',
    en: 'This is a test notice (listing {code}).',
  },
  // Deals (issue 13): every stage change and every step a party must take. Codes, aliases, stages, dates only.
  deal_started: {
    topic: 'deals',
    params: ['deal', 'code', 'buyer'],
    'zh-CN': '买方 {buyer} 就挂牌 {code} 发起了交易 {deal}，经纪人将与您联系推进。',
    en: 'Buyer {buyer} started deal {deal} on listing {code}; the broker will take it forward.',
  },
  deal_stage_changed: {
    topic: 'deals',
    params: ['deal', 'code', 'stageZh', 'stageEn'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“{stageZh}”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “{stageEn}”. See what is yours to do.',
  },
  deal_cancelled: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已终止，排他锁定随之解除。',
    en: 'Deal {deal} (listing {code}) was cancelled; its exclusivity has ended.',
  },
  deal_closed: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已完成交割。',
    en: 'Deal {deal} (listing {code}) has closed.',
  },
  deal_custody_to_confirm: {
    topic: 'deals',
    params: ['deal', 'code', 'itemZh', 'itemEn'],
    'zh-CN': '交易 {deal} 的交割物品“{itemZh}”已上传交接照片，请核对后确认。',
    en: 'A hand-over photo of “{itemEn}” was uploaded in deal {deal}; check it and confirm.',
  },
  deal_art22_task: {
    topic: 'deals',
    params: ['deal', 'code', 'due'],
    'zh-CN': '交易 {deal} 已进入交割：请在 {due} 前完成个人信息转移告知（《个人信息保护法》第二十二条）。',
    en: 'Deal {deal} is at handover: complete the personal-data transfer notice (PIPL Art. 22) by {due}.',
  },
  deal_legal_rep_reminder: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal} 已交割，但尚未确认您已不再担任该公司法定代表人。请上传变更后的登记信息作为凭证。',
    en: 'Deal {deal} has closed, but it is not yet confirmed that you are no longer the legal representative. Upload the updated registration as evidence.',
  },
} as const satisfies Record<string, { topic: NotificationTopic; params: readonly string[]; 'zh-CN': string; en: string }>;

export const NOTIFICATION_TOPICS = ['account', 'disclosure', 'dataroom', 'messages', 'deals'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** Channels besides in-app, which is always on. SMS is off until the person turns it on. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  topic: z.enum(NOTIFICATION_TOPICS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** An in-app path (`/account/...`, `/console/...`), never an outside URL. */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationSettings = z.object({
  /** Per topic and channel; in-app is always on. */
  channels: z.record(z.enum(NOTIFICATION_TOPICS), z.object({ email: z.boolean(), sms: z.boolean() })),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

/** Renders a kind's text in a locale; a missing parameter shows as an empty string. */
export function notificationText(kind: string, params: Readonly<Record<string, string | number>>, locale: 'zh-CN' | 'en'): string {
  const def = (NOTIFICATION_KINDS as Record<string, { 'zh-CN': string; en: string } | undefined>)[kind];
  if (!def) return kind;
  return def[locale].replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => String(params[name] ?? ''));
}
