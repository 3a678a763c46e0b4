import { detect } from '@sealbridge/cn-identifiers';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_TOPICS,
  notificationText,
  type NotificationTopic,
  type TNotificationList,
  type TNotificationSettings,
} from '@sealbridge/contracts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { DeliveryPort } from '../delivery/index.ts';
import type { NotificationsPort, NotifyInput } from './notifications-port.ts';
import type { NotificationsRepo } from './notifications-repo.ts';

type KindDef = { topic: NotificationTopic; params: readonly string[] };
const KINDS = NOTIFICATION_KINDS as Record<string, KindDef | undefined>;

/** Without a choice on record: e-mail copies on, text messages off (they cost the person attention and us money). */
const DEFAULT_CHANNELS = { email: true, sms: false } as const;
const LIST_LIMIT = 100;

type Deps = {
  repo: NotificationsRepo;
  audit: Pick<AuditPort, 'append'>;
  delivery: DeliveryPort;
  /** The person's own address for notices (opened by the platform for them, audited), normalized; null if none. */
  contactOf: (accountId: string, channel: 'email' | 'mobile') => Promise<string | null>;
  publicUrl: string;
  logger: Logger;
  now?: () => Date;
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** Checks a notice before it is stored: a known kind, exactly its parameters, and no identifier in any of them. */
function checkNotice(input: NotifyInput): KindDef {
  const def = KINDS[input.kind];
  if (!def) throw new Error(`unknown notification kind ${String(input.kind)}`);
  const missing = def.params.filter((p) => input.params[p] === undefined);
  const extra = Object.keys(input.params).filter((p) => !def.params.includes(p));
  if (missing.length || extra.length)
    throw new Error(`notification ${input.kind}: parameters ${[...missing, ...extra].join(', ')} do not match its declaration`);
  // Notices are copied into e-mails and texts that leave the platform: they carry codes and stages, never identifiers.
  const carrying = Object.entries(input.params).filter(([, v]) => typeof v === 'string' && detect(v).length > 0);
  if (carrying.length) throw new Error(`notification ${input.kind}: parameter ${carrying.map(([k]) => k).join(', ')} holds an identifier`);
  if (input.link !== undefined && !/^\/(account|console|listings)(\/[A-Za-z0-9._~\-/?=&]*)?$/.test(input.link))
    throw new Error(`notification ${input.kind}: link must be an in-app path`);
  return def;
}

export function createNotificationsService(deps: Deps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  async function channelsOf(accountIds: readonly string[]) {
    const rows = await repo.settings(accountIds);
    return (accountId: string, topic: NotificationTopic) => {
      const row = rows.find((r) => r.account_id === accountId && r.topic === topic);
      return row ? { email: row.email === 1, sms: row.sms === 1 } : DEFAULT_CHANNELS;
    };
  }

  /** The e-mail / SMS copies: best effort, never failing the operation that caused the notice. */
  async function sendCopies(input: NotifyInput, channels: { email: boolean; sms: boolean }) {
    const params = {
      text: notificationText(input.kind, input.params, 'zh-CN'),
      textEn: notificationText(input.kind, input.params, 'en'),
      url: deps.publicUrl,
    };
    for (const [wanted, channel] of [
      [channels.email, 'email'],
      [channels.sms, 'mobile'],
    ] as const) {
      if (!wanted) continue;
      try {
        const to = await deps.contactOf(input.accountId, channel);
        if (to) await deps.delivery.send({ channel, to, template: 'notification', params });
      } catch (error) {
        deps.logger.warn({ err: error, kind: input.kind, channel }, 'notice copy not sent');
      }
    }
  }

  async function notifyMany(inputs: readonly NotifyInput[]) {
    if (!inputs.length) return;
    const defs = inputs.map(checkNotice);
    const at = now().toISOString();
    await repo.insert(
      inputs.map((input, i) => ({
        id: newId(),
        account_id: input.accountId,
        kind: input.kind,
        topic: defs[i]?.topic ?? 'account',
        params: JSON.stringify(input.params),
        link: input.link ?? null,
        created_at: at,
        read_at: null,
      })),
    );
    const channels = await channelsOf([...new Set(inputs.map((i) => i.accountId))]);
    for (const [i, input] of inputs.entries()) await sendCopies(input, channels(input.accountId, defs[i]?.topic ?? 'account'));
  }

  const port: NotificationsPort = { notify: (input) => notifyMany([input]), notifyMany };

  return {
    ...port,

    async list(principal: Principal): Promise<TNotificationList> {
      const [rows, unread] = await Promise.all([repo.latest(principal.accountId, LIST_LIMIT), repo.unreadCount(principal.accountId)]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          topic: (NOTIFICATION_TOPICS as readonly string[]).includes(r.topic) ? (r.topic as NotificationTopic) : 'account',
          params: JSON.parse(r.params) as Record<string, string | number>,
          link: r.link,
          createdAt: r.created_at,
          read: r.read_at !== null,
        })),
        unread,
      };
    },

    async markRead(principal: Principal, ids: readonly string[] | undefined): Promise<void> {
      await repo.markRead(principal.accountId, ids && ids.length ? ids : null, now().toISOString());
    },

    async settings(principal: Principal): Promise<TNotificationSettings> {
      const of = await channelsOf([principal.accountId]);
      return {
        channels: Object.fromEntries(
          NOTIFICATION_TOPICS.map((t) => [t, { ...of(principal.accountId, t) }]),
        ) as TNotificationSettings['channels'],
      };
    },

    async saveSettings(principal: Principal, input: TNotificationSettings, requestId?: string): Promise<TNotificationSettings> {
      const at = now().toISOString();
      const topics = Object.keys(input.channels) as NotificationTopic[];
      await repo.saveSettings(
        topics.map((topic) => ({
          account_id: principal.accountId,
          topic,
          email: input.channels[topic]?.email ? 1 : 0,
          sms: input.channels[topic]?.sms ? 1 : 0,
          updated_at: at,
        })),
      );
      await deps.audit.append({
        type: 'notifications.settings_changed',
        actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { topics },
      });
      return this.settings(principal);
    },
  };
}
