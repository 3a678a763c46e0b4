import { z } from 'zod';

/**
 * In-app notifications (and their e-mail / SMS copies through the delivery port). The server stores a kind and
 * parameters; the web app and the delivery template render the text. Parameters carry listing codes, buyer aliases,
 * stage names and dates only — never a name, number or address (a test scans every kind's sample for identifiers).
 *
 * Every module adds its kinds here; `text` uses `{param}` placeholders, each listed in `params`.
 */
export const NOTIFICATION_KINDS = {
  // Security monitoring (issue 18): alerts to the security officers; incident clocks to both officers.
  security_alert: {
    topic: 'account',
    params: ['rule', 'severity'],
    'zh-CN': '安全告警：规则 {rule}（严重程度 {severity}），请在安全控制台处理。',
    en: 'Security alert: rule {rule} (severity {severity}); handle it in the security console.',
  },
  security_alert_escalated: {
    topic: 'account',
    params: ['rule'],
    'zh-CN': '安全告警（规则 {rule}）已升级，请在安全控制台查看。',
    en: 'A security alert (rule {rule}) was escalated; see the security console.',
  },
  security_incident_due: {
    topic: 'account',
    params: ['no', 'due'],
    'zh-CN': '安全事件 {no} 须在 {due} 前向网信部门报告，请及时处理。',
    en: 'Security incident {no} must be reported to the CAC by {due}.',
  },
  // Rights requests (issue 14): the requester hears of every change; officers of the clock.
  rights_request_updated: {
    topic: 'account',
    params: ['no'],
    'zh-CN': '您的个人信息权利请求 {no} 有了新进展，请在“我的隐私”中查看。',
    en: 'There is news on your rights request {no}; see My privacy.',
  },
  rights_request_extended: {
    topic: 'account',
    params: ['no', 'due', 'reason'],
    'zh-CN': '您的个人信息权利请求 {no} 的答复期限延长至 {due}，原因：{reason}',
    en: 'The answer to your rights request {no} is now due by {due}. Reason: {reason}',
  },
  rights_request_due_soon: {
    topic: 'account',
    params: ['no', 'days'],
    'zh-CN': '个人信息权利请求 {no} 还剩 {days} 个工作日到期，请及时答复。',
    en: 'Rights request {no} is due in {days} working days.',
  },
  rights_request_escalated: {
    topic: 'account',
    params: ['no', 'days'],
    'zh-CN': '【升级】个人信息权利请求 {no} 剩余 {days} 个工作日（负数为已逾期），请立即处理。',
    en: 'Escalated: rights request {no} has {days} working days left (negative: overdue). Act now.',
  },
  // Privacy feedback tickets (issue 14 item 5): the sender hears of an answer, refusal or extension; officers of the clock.
  privacy_ticket_updated: {
    topic: 'account',
    params: ['no'],
    'zh-CN': '您向个人信息保护负责人提交的反馈 {no} 已有答复，请在“我的隐私”中查看。',
    en: 'Your feedback {no} to the privacy officer has a reply; see My privacy.',
  },
  privacy_ticket_extended: {
    topic: 'account',
    params: ['no', 'due', 'reason'],
    'zh-CN': '您的隐私反馈 {no} 的答复期限延长至 {due}，原因：{reason}',
    en: 'The reply to your privacy feedback {no} is now due by {due}. Reason: {reason}',
  },
  privacy_ticket_due_soon: {
    topic: 'account',
    params: ['no', 'days'],
    'zh-CN': '隐私反馈 {no} 还剩 {days} 个工作日到期，请及时答复。',
    en: 'Privacy feedback {no} is due in {days} working days.',
  },
  privacy_ticket_escalated: {
    topic: 'account',
    params: ['no', 'days'],
    'zh-CN': '【升级】隐私反馈 {no} 剩余 {days} 个工作日（负数为已逾期），请立即处理。',
    en: 'Escalated: privacy feedback {no} has {days} working days left (negative: overdue). Act now.',
  },
  // Advisers and the disclosure path (issue 11).
  adviser_assigned: {
    topic: 'account',
    params: [],
    'zh-CN': '已为您指派专属顾问，可在“我的顾问”中查看其工号。',
    en: 'An adviser has been assigned to you; see their staff number under My adviser.',
  },
  adviser_changed: {
    topic: 'account',
    params: [],
    'zh-CN': '您的顾问已变更，可在“我的顾问”中查看。',
    en: 'Your adviser has changed; see My adviser.',
  },
  client_assigned: { topic: 'account', params: [], 'zh-CN': '有新客户指派给您。', en: 'A customer has been assigned to you.' },
  inquiry_received: {
    topic: 'disclosure',
    params: ['code', 'buyer'],
    'zh-CN': '挂牌 {code} 收到买家 {buyer} 的查看详情申请。',
    en: 'Listing {code} received a request for details from buyer {buyer}.',
  },
  inquiry_accepted: {
    topic: 'disclosure',
    params: ['code'],
    'zh-CN': '卖方已接受您对挂牌 {code} 的申请；完成实名认证并签署保密协议后，待卖方单独同意和顾问审核即可查看公司身份。',
    en: "The seller accepted your request on listing {code}. After verification and the NDA, the seller's consent and the adviser's approval open the company's identity.",
  },
  inquiry_declined: {
    topic: 'disclosure',
    params: ['code'],
    'zh-CN': '您对挂牌 {code} 的申请未获接受，原因可在“我的意向”中查看。',
    en: 'Your request on listing {code} was declined; the reason is under My inquiries.',
  },
  nda_signed: {
    topic: 'disclosure',
    params: ['code', 'buyer'],
    'zh-CN': '买家 {buyer} 已签署挂牌 {code} 的保密协议。',
    en: 'Buyer {buyer} signed the NDA for listing {code}.',
  },
  consent_requested: {
    topic: 'disclosure',
    params: ['code', 'buyer', 'level'],
    'zh-CN': '挂牌 {code}：请决定是否单独同意向买家 {buyer} 开放 {level}。',
    en: 'Listing {code}: please decide whether to consent to opening {level} to buyer {buyer}.',
  },
  level_requested: {
    topic: 'disclosure',
    params: ['code', 'buyer', 'level'],
    'zh-CN': '买家 {buyer} 申请挂牌 {code} 的 {level} 权限，待审核。',
    en: 'Buyer {buyer} asks for {level} on listing {code}; awaiting review.',
  },
  level_approved: {
    topic: 'disclosure',
    params: ['code', 'level', 'until'],
    'zh-CN': '挂牌 {code} 的 {level} 权限已开放，有效期至 {until}。',
    en: '{level} on listing {code} is open until {until}.',
  },
  level_declined: {
    topic: 'disclosure',
    params: ['code', 'level'],
    'zh-CN': '挂牌 {code} 的 {level} 申请未获批准，原因可在“我的意向”中查看。',
    en: 'Your {level} request on listing {code} was declined; see My inquiries.',
  },
  level_revoked: {
    topic: 'disclosure',
    params: ['code', 'level'],
    'zh-CN': '挂牌 {code} 的 {level} 权限已被收回。',
    en: '{level} on listing {code} was withdrawn.',
  },
  level_expired: {
    topic: 'disclosure',
    params: ['code', 'level'],
    'zh-CN': '挂牌 {code} 的 {level} 权限已到期。',
    en: '{level} on listing {code} has expired.',
  },
  proof_submitted: {
    topic: 'disclosure',
    params: ['code', 'buyer'],
    'zh-CN': '买家 {buyer} 为挂牌 {code} 提交了资金证明，待审核。',
    en: 'Buyer {buyer} submitted proof of funds for listing {code}; awaiting review.',
  },
  proof_approved: {
    topic: 'disclosure',
    params: ['code'],
    'zh-CN': '您为挂牌 {code} 提交的资金证明已审核通过。',
    en: 'Your proof of funds for listing {code} was approved.',
  },
  proof_rejected: {
    topic: 'disclosure',
    params: ['code'],
    'zh-CN': '您为挂牌 {code} 提交的资金证明未通过审核，原因可在“我的意向”中查看。',
    en: 'Your proof of funds for listing {code} was not accepted; see My inquiries.',
  },
  // Messages (issue 13): one notice per thread while its messages stay unread, never the text.
  messages_new: {
    topic: 'messages',
    params: ['code', 'alias'],
    'zh-CN': '挂牌 {code}（买方 {alias}）的对话有新消息。',
    en: 'New messages in the conversation on listing {code} (buyer {alias}).',
  },
  messages_contact_attempts: {
    topic: 'messages',
    params: ['code', 'alias', 'count'],
    'zh-CN': '挂牌 {code}（买方 {alias}）的对话中，一方在开放联系方式前多次发送联系方式（{count} 处，已隐藏），请跟进。',
    en: 'In the conversation on listing {code} (buyer {alias}), a party kept sending contact details before contacts were opened ({count}, masked). Please follow up.',
  },
  messages_callback_requested: {
    topic: 'messages',
    params: ['code', 'alias'],
    'zh-CN': '挂牌 {code}（买方 {alias}）的对话中有人请求顾问安排回电。',
    en: 'Someone in the conversation on listing {code} (buyer {alias}) asked the broker to arrange a call.',
  },
  messages_callback_done: {
    topic: 'messages',
    params: ['code'],
    'zh-CN': '顾问已处理您在挂牌 {code} 对话中的回电请求。',
    en: 'The broker has handled your call-back request in the conversation on listing {code}.',
  },
  // Deals (issue 13): every stage change and every step a party must take. Codes, aliases, stages, dates only.
  deal_started: {
    topic: 'deals',
    params: ['deal', 'code', 'buyer'],
    'zh-CN': '买方 {buyer} 就挂牌 {code} 发起了交易 {deal}，经纪人将与您联系推进。',
    en: 'Buyer {buyer} started deal {deal} on listing {code}; the broker will take it forward.',
  },
  deal_opened_by_broker: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '经纪人已就挂牌 {code} 为您开启交易 {deal}，请查看交易进度与您需要完成的事项。',
    en: 'The broker opened deal {deal} on listing {code} for you. See its progress and what is yours to do.',
  },
  // One kind per stage: the stage's name is part of each language's text (parameters carry no words).
  deal_stage_intent: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“意向书 / 定金”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Letter of intent / deposit”. See what is yours to do.',
  },
  deal_stage_due_diligence: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“尽职调查”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Due diligence”. See what is yours to do.',
  },
  deal_stage_agreement: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“签署转让协议”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Transfer agreement”. See what is yours to do.',
  },
  deal_stage_tax_filing: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“税务申报”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Tax filing”. See what is yours to do.',
  },
  deal_stage_registry_change: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“工商变更”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Registry change”. See what is yours to do.',
  },
  deal_stage_tax_change: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“税务变更”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Tax registration change”. See what is yours to do.',
  },
  deal_stage_bank_change: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“银行变更”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Bank change”. See what is yours to do.',
  },
  deal_stage_handover: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入“交割”阶段，请查看您需要完成的事项。',
    en: 'Deal {deal} (listing {code}) has moved to “Handover”. See what is yours to do.',
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
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）有交割物品上传了交接照片，请核对后确认。',
    en: 'A hand-over photo was uploaded in deal {deal} (listing {code}); check it and confirm.',
  },
  deal_art22_task: {
    topic: 'deals',
    params: ['deal', 'code', 'due'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已进入交割：请在 {due} 前完成个人信息转移告知（《个人信息保护法》第二十二条）。',
    en: 'Deal {deal} (listing {code}) is at handover: complete the personal-data transfer notice (PIPL Art. 22) by {due}.',
  },
  deal_legal_rep_reminder: {
    topic: 'deals',
    params: ['deal', 'code'],
    'zh-CN': '交易 {deal}（挂牌 {code}）已交割，但尚未确认您已不再担任该公司法定代表人。请上传变更后的登记信息作为凭证。',
    en: 'Deal {deal} (listing {code}) has closed, but it is not yet confirmed that you are no longer the legal representative. Upload the updated registration as evidence.',
  },
  deal_items_overdue: {
    topic: 'deals',
    params: ['deal', 'code', 'count', 'due'],
    'zh-CN': '交易 {deal}（挂牌 {code}）有 {count} 项由您负责的事项已逾期（最早截止日 {due}），请尽快处理。',
    en: 'Deal {deal} (listing {code}) has {count} overdue item(s) of yours (earliest due {due}). Please see to them.',
  },
  dataroom_documents_shared: {
    topic: 'dataroom',
    params: ['code', 'count'],
    'zh-CN': '挂牌 {code} 的数据室向您开放了 {count} 份文件。',
    en: '{count} document(s) in the data room of listing {code} are now open to you.',
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
  // Third parties (issue 17): the privacy officer's review schedule and the cross-border filing clock.
  vendor_review_due: {
    topic: 'account',
    params: ['vendor', 'due'],
    'zh-CN': '第三方 {vendor} 的定期审查将于 {due} 到期，请在“第三方与出境”中完成审查。',
    en: 'The periodic review of third party {vendor} is due on {due}; complete it under Third parties.',
  },
  crossborder_filing_due: {
    topic: 'account',
    params: ['reference', 'due'],
    'zh-CN': '标准合同 {reference} 须在 {due} 前向省级网信部门备案（生效后 10 个工作日内）。',
    en: 'Standard contract {reference} must be filed with the provincial CAC by {due} (within 10 working days of taking effect).',
  },
  // The privacy program (issue 19): training that runs out closes the staff gate.
  training_expiring: {
    topic: 'account',
    params: ['course', 'date'],
    'zh-CN': '您的培训“{course}”将于 {date} 到期，到期后将无法查看任何个人信息，请及时重新完成。',
    en: 'Your training "{course}" runs out on {date}; after that you cannot see any personal data. Retake it in time.',
  },
  dispute_opened: {
    topic: 'deals',
    params: ['no'],
    'zh-CN': '有一宗与您相关的争议 {no} 已提起，请在“我的争议”中查看。',
    en: 'Dispute {no} involving you has been opened; see My disputes.',
  },
  dispute_updated: {
    topic: 'deals',
    params: ['no'],
    'zh-CN': '争议 {no} 有新的调解记录。',
    en: 'Dispute {no} has a new mediation record.',
  },
  dispute_closed: {
    topic: 'deals',
    params: ['no'],
    'zh-CN': '争议 {no} 已有处理结果，请查看。',
    en: 'Dispute {no} has an outcome; please have a look.',
  },
  training_expired: {
    topic: 'account',
    params: ['course'],
    'zh-CN': '您的培训“{course}”已到期，在重新完成前无法查看任何个人信息。',
    en: 'Your training "{course}" has run out; you cannot see any personal data until you retake it.',
  },
  // Dispute clocks (issue 19 item 3): the mediator hears a working day before a clock runs out; all sides when it has.
  dispute_clock_due: {
    topic: 'deals',
    params: ['no', 'date'],
    'zh-CN': '争议 {no} 有一项处理期限将于 {date} 届满，请按时处理。',
    en: 'Dispute {no} has a deadline on {date}; please act in time.',
  },
  dispute_clock_overdue: {
    topic: 'deals',
    params: ['no'],
    'zh-CN': '争议 {no} 有一项处理期限已过，调解顾问已收到提醒。',
    en: 'Dispute {no} is past a deadline; the mediating broker has been reminded.',
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
