/** 发送记录 (the delivery outbox, admins). */
export const outboxZhCN = {
  title: '发送记录',
  intro: '平台发出（或在未配置短信/邮件通道时本应发出）的每条消息：收件人已脱敏，正文与验证码加密保存，任何人都无法在此查看。',
  allStatuses: '全部状态',
  columns: { createdAt: '时间', channel: '渠道', recipient: '收件人', template: '消息类型', status: '状态', dispatchedAt: '发出时间' },
  channels: { mobile: '短信', email: '邮件' },
  statuses: { outbox_only: '仅存于发件箱', queued: '排队中', sent: '已发出', failed: '发送失败' },
  templates: {
    registration_code: '注册验证码',
    registration_already_registered: '已注册提醒',
    new_device_sign_in: '新设备登录提醒',
    password_reset_code: '重置密码验证码',
    password_reset_no_account: '重置密码（无此账户）',
    break_glass_alert: '紧急访问提醒',
    listing_alert: '新挂牌提醒',
    notification: '站内通知副本',
    privacy_ticket_reply: '隐私反馈答复',
  },
};
