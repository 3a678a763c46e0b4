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
    sms: () => `${SIGNATURE}有人使用本号码申请注册，但本号码已注册封桥账户。您可直接登录；忘记密码可在登录页找回。如非本人操作，请忽略本短信。`,
    emailSubject: '封桥 Sealbridge：您已有账户 / You already have an account',
    email: () =>
      `您好：\n\n有人使用本邮箱申请注册封桥 Sealbridge 账户，但本邮箱已注册。您可直接登录；忘记密码可在登录页找回。` +
      `如非本人操作，请忽略本邮件，您的账户不受影响。\n\n` +
      `Someone asked to register a Sealbridge account with this address, but you already have one. Sign in instead; ` +
      `if you forgot your password, reset it from the sign-in page. If this was not you, ignore this e-mail.` +
      EMAIL_FOOTER,
  },
  // To privacy officers: who (staff number) opened break-glass access, to which customer (account number), for how
  // long. The justification stays in the console, behind a sign-in.
  break_glass_alert: {
    params: ['staffNo', 'customerNo', 'minutes'],
    sms: (p) => `${SIGNATURE}紧急访问提醒：员工 ${p['staffNo']} 已开启对客户 ${p['customerNo']} 个人信息的紧急访问，时长 ${p['minutes']} 分钟。请登录控制台查看理由并确认。`,
    emailSubject: '封桥 Sealbridge 紧急访问提醒 / Break-glass access alert',
    email: (p) =>
      `您好：\n\n员工 ${p['staffNo']} 已开启对客户 ${p['customerNo']} 个人信息的紧急访问（break-glass），时长 ${p['minutes']} 分钟。` +
      `请登录控制台「紧急访问提醒」查看其书面理由并确认。\n\n` +
      `Staff member ${p['staffNo']} opened break-glass access to the personal data of customer ${p['customerNo']} for ` +
      `${p['minutes']} minutes. Sign in to the console (Break-glass alerts) to read the justification and acknowledge it.` +
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
