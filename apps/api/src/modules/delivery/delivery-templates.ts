import type { DeliveryTemplate } from '@sealbridge/contracts';
import type { DeliveryMessage } from './delivery-port.ts';

type Params = Readonly<Record<string, string | number>>;

type Template = {
  params: readonly string[];
  sms: (p: Params) => string;
  emailSubject: string;
  email: (p: Params) => string;
};

const SIGNATURE = '【封桥】';
const EMAIL_FOOTER = '\n\n—— 封桥 Sealbridge 公司转让交易中心（本邮件由系统发送，请勿回复）';

/**
 * Every message text, in zh-CN with an English line in e-mails. SMS texts begin with the registered signature, as
 * Chinese carriers require; a provider adapter may send the template id and params instead of the text.
 */
export const TEMPLATES: Record<DeliveryTemplate, Template> = {
  registration_code: {
    params: ['code', 'minutes'],
    sms: (p) => `${SIGNATURE}您的注册验证码为 ${p['code']}，${p['minutes']} 分钟内有效。请勿告诉他人；如非本人操作，请忽略本短信。`,
    emailSubject: '封桥 Sealbridge 注册验证码 / Registration code',
    email: (p) =>
      `您好：\n\n您正在注册封桥 Sealbridge 账户，验证码为 ${p['code']}，${p['minutes']} 分钟内有效。` +
      `请勿将验证码告诉任何人，本平台工作人员不会向您索取验证码。如非本人操作，请忽略本邮件。\n\n` +
      `Your Sealbridge registration code is ${p['code']}; it is valid for ${p['minutes']} minutes. ` +
      `Never share it: our staff will never ask for it. If you did not ask for it, ignore this e-mail.` +
      EMAIL_FOOTER,
  },
  registration_already_registered: {
    params: [],
    sms: () =>
      `${SIGNATURE}有人使用本号码申请注册，但本号码已注册封桥账户。您可直接登录；忘记密码可在登录页找回。如非本人操作，请忽略本短信。`,
    emailSubject: '封桥 Sealbridge：您已有账户 / You already have an account',
    email: () =>
      `您好：\n\n有人使用本邮箱申请注册封桥 Sealbridge 账户，但本邮箱已注册。您可直接登录；忘记密码可在登录页找回。` +
      `如非本人操作，请忽略本邮件，您的账户不受影响。\n\n` +
      `Someone asked to register a Sealbridge account with this address, but you already have one. Sign in instead; ` +
      `if you forgot your password, reset it from the sign-in page. If this was not you, ignore this e-mail.` +
      EMAIL_FOOTER,
  },
  new_device_sign_in: {
    params: ['time', 'device'],
    sms: (p) =>
      `${SIGNATURE}您的账户于 ${p['time']} 在新设备（${p['device']}）上登录。如非本人操作，请立即修改密码并在“账号安全”中结束该会话。`,
    emailSubject: '封桥 Sealbridge：新设备登录提醒 / Sign-in from a new device',
    email: (p) =>
      `您好：\n\n您的封桥 Sealbridge 账户于 ${p['time']}（北京时间）在一台新设备上输入了正确的密码：${p['device']}。` +
      `如果是您本人，无需处理。如果不是，请立即修改密码，并在“账号安全 → 登录设备”中结束不认识的会话；` +
      `本平台工作人员不会向您索取密码或验证码。\n\n` +
      `Your Sealbridge password was just entered on a new device (${p['device']}) at ${p['time']} (Beijing time). ` +
      `If this was you, nothing to do. If not, change your password now and end the session under Account security → Sessions.` +
      EMAIL_FOOTER,
  },
  password_reset_code: {
    params: ['code', 'minutes'],
    sms: (p) =>
      `${SIGNATURE}您正在重置封桥账户密码，验证码为 ${p['code']}，${p['minutes']} 分钟内有效。请勿告诉他人；如非本人操作，请忽略并留意账户安全。`,
    emailSubject: '封桥 Sealbridge 重置密码验证码 / Password reset code',
    email: (p) =>
      `您好：\n\n您正在重置封桥 Sealbridge 账户的密码，验证码为 ${p['code']}，${p['minutes']} 分钟内有效。重置后所有已登录的设备都会退出，` +
      `下次登录仍需二次验证。请勿将验证码告诉任何人。如非本人操作，请忽略本邮件。\n\n` +
      `Your Sealbridge password reset code is ${p['code']}; it is valid for ${p['minutes']} minutes. Resetting signs out every ` +
      `device, and the next sign-in still asks for your second factor. Never share the code. If you did not ask for it, ignore this e-mail.` +
      EMAIL_FOOTER,
  },
  password_reset_no_account: {
    params: [],
    sms: () => `${SIGNATURE}有人使用本号码申请重置封桥账户密码，但本号码未注册账户。如非本人操作，请忽略本短信。`,
    emailSubject: '封桥 Sealbridge：重置密码申请 / Password reset request',
    email: () =>
      `您好：\n\n有人使用本邮箱申请重置封桥 Sealbridge 账户的密码，但本邮箱没有注册账户。如非本人操作，请忽略本邮件。\n\n` +
      `Someone asked to reset a Sealbridge password for this address, but no account uses it. If this was not you, ignore this e-mail.` +
      EMAIL_FOOTER,
  },
  // To privacy officers: who (staff number) opened break-glass access, to which customer (account number), for how
  // long. The justification stays in the console, behind a sign-in.
  break_glass_alert: {
    params: ['staffNo', 'customerNo', 'minutes'],
    sms: (p) =>
      `${SIGNATURE}紧急访问提醒：员工 ${p['staffNo']} 已开启对客户 ${p['customerNo']} 个人信息的紧急访问，时长 ${p['minutes']} 分钟。请登录控制台查看理由并确认。`,
    emailSubject: '封桥 Sealbridge 紧急访问提醒 / Break-glass access alert',
    email: (p) =>
      `您好：\n\n员工 ${p['staffNo']} 已开启对客户 ${p['customerNo']} 个人信息的紧急访问（break-glass），时长 ${p['minutes']} 分钟。` +
      `请登录控制台「紧急访问提醒」查看其书面理由并确认。\n\n` +
      `Staff member ${p['staffNo']} opened break-glass access to the personal data of customer ${p['customerNo']} for ` +
      `${p['minutes']} minutes. Sign in to the console (Break-glass alerts) to read the justification and acknowledge it.` +
      EMAIL_FOOTER,
  },
  // To a buyer whose saved search asks for e-mail: how many new listings match, and their public codes (no teaser text).
  listing_alert: {
    params: ['count', 'codes', 'url'],
    sms: (p) => `${SIGNATURE}您保存的搜索有 ${p['count']} 家新挂牌公司：${p['codes']}。登录 ${p['url']} 查看。`,
    emailSubject: '封桥 Sealbridge：您关注的条件有新挂牌 / New listings match your saved search',
    email: (p) =>
      `您好：\n\n您保存的搜索有 ${p['count']} 家新挂牌公司，挂牌编号：${p['codes']}。请登录 ${p['url']} 在“我的提醒”中查看匿名化简介。` +
      `如不想再收到邮件，可在已保存的搜索中关闭邮件提醒。\n\n` +
      `${p['count']} new listing(s) match your saved search: ${p['codes']}. Sign in at ${p['url']} to see their anonymized teasers. ` +
      `You can turn e-mail alerts off on the saved search.` +
      EMAIL_FOOTER,
  },
  // A copy of an in-app notice (modules/notifications): its zh-CN and English texts carry listing codes, buyer
  // aliases, stages and dates only; the reader signs in for the rest.
  notification: {
    params: ['text', 'textEn', 'url'],
    sms: (p) => `${SIGNATURE}${p['text']} 请登录封桥查看详情。`,
    emailSubject: '封桥 Sealbridge 通知 / Notice',
    email: (p) =>
      `您好：\n\n${p['text']}\n请登录 ${p['url']} 查看详情。可在“通知设置”中选择接收哪些邮件或短信。\n\n` +
      `${p['textEn']}\nSign in at ${p['url']} for details. Choose which e-mails or texts you receive under Notification settings.` +
      EMAIL_FOOTER,
  },
  // To the contact an anonymous sender gave with privacy feedback: the officer's reply (answer, refusal with its reason,
  // or an extension with the new due date). The officer's text passed the identifier guard.
  privacy_ticket_reply: {
    params: ['no', 'text', 'textEn'],
    sms: (p) => `${SIGNATURE}您的隐私反馈 ${p['no']}：${p['text']}`,
    emailSubject: '封桥 Sealbridge：您的隐私反馈有答复 / A reply to your privacy feedback',
    email: (p) =>
      `您好：\n\n个人信息保护负责人就您的反馈 ${p['no']} 答复如下：\n\n${p['text']}\n\n` +
      `The privacy officer replied to your feedback ${p['no']}:\n\n${p['textEn']}` +
      EMAIL_FOOTER,
  },
};

/** Renders a message; throws (naming the template and parameter, never a value) when a parameter is missing. */
export function renderMessage(message: DeliveryMessage): { subject: string; text: string } {
  const template = TEMPLATES[message.template];
  for (const name of template.params) {
    if (message.params[name] === undefined) throw new Error(`template ${message.template} needs parameter ${name}`);
  }
  return message.channel === 'mobile'
    ? { subject: '', text: template.sms(message.params) }
    : { subject: template.emailSubject, text: template.email(message.params) };
}
