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
  dataroom_question_asked: {
    topic: 'dataroom',
    params: ['code', 'alias'],
    'zh-CN': '挂牌 {code} 的数据室收到买方 {alias} 的新问题。',
    en: 'Buyer {alias} asked a new question in the data room of listing {code}.',
  },
  dataroom_question_answered: {
    topic: 'dataroom',
    params: ['code'],
    'zh-CN': '您在挂牌 {code} 数据室中的问题已有回答。',
    en: 'Your question in the data room of listing {code} has been answered.',
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
