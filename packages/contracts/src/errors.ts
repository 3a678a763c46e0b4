/**
 * The closed set of error codes the API may send. The server sends the code; the web app shows the text.
 * Every code has an HTTP status and a message in zh-CN and English; a drift test fails when one is missing.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 422,
    'zh-CN': '提交的内容有误，请检查标记的字段。',
    en: 'Some fields are invalid. Please check the marked fields.',
  },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '登录名或密码不正确。', en: 'The sign-in name or password is incorrect.' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限。', en: 'You do not have permission to do this.' },
  CSRF_REJECTED: {
    status: 403,
    'zh-CN': '请求来源校验失败，请刷新页面后重试。',
    en: 'The request origin check failed. Reload the page and try again.',
  },
  NOT_FOUND: { status: 404, 'zh-CN': '请求的资源不存在。', en: 'The requested resource does not exist.' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在。', en: 'No such API endpoint.' },
  CONFLICT: {
    status: 409,
    'zh-CN': '操作与当前状态冲突，请刷新后重试。',
    en: 'The operation conflicts with the current state. Refresh and try again.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大。', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型。', en: 'Unsupported content type.' },
  RATE_LIMITED: { status: 429, 'zh-CN': '操作过于频繁，请稍后再试。', en: 'Too many requests. Please try again later.' },
  TRANSFER_REFUSED: {
    status: 403,
    'zh-CN': '共享网关拒绝了此次对外提供个人信息：接收方、合同、用途、同意、影响评估或出境机制未满足要求。',
    en: 'The sharing gateway refused this transfer of personal data: recipient, contract, purpose, consent, impact assessment or cross-border mechanism not in order.',
  },
  PURPOSE_NOT_ALLOWED: { status: 403, 'zh-CN': '该字段不允许用于所述用途。', en: 'This field may not be used for the stated purpose.' },
  INVALID_IDENTIFIER: {
    status: 422,
    'zh-CN': '证件号码、手机号或邮箱格式不正确。',
    en: 'An ID number, mobile number or e-mail address is not valid.',
  },
  DATA_ERASED: { status: 410, 'zh-CN': '该数据已按删除要求销毁。', en: 'This data has been erased on request.' },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器出错了，请稍后再试。我们已记录此问题。',
    en: 'Something went wrong on our side. Please try again later; the problem has been logged.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '服务暂不可用，请稍后再试。',
    en: 'The service is temporarily unavailable. Please try again later.',
  },
  WEAK_PASSWORD: {
    status: 422,
    'zh-CN': '密码强度不足：至少 10 个字符，不能是常见密码，也不能容易被猜到。',
    en: 'The password is too weak: use at least 10 characters, not a common password, and nothing easy to guess.',
  },
  INVALID_CODE: {
    status: 422,
    'zh-CN': '验证码不正确或已失效，请重新获取。',
    en: 'The verification code is wrong or no longer valid. Please request a new one.',
  },
  STEP_UP_REQUIRED: {
    status: 403,
    'zh-CN': '此操作需要再次验证身份，请完成二次验证后重试。',
    en: 'Please confirm it is you with your second factor, then try again.',
  },
  SECOND_FACTOR_INVALID: {
    status: 422,
    'zh-CN': '验证码或安全密钥验证失败，或该验证码已被使用。',
    en: 'The code or security key could not be verified, or the code was already used.',
  },
  LAST_FACTOR_REQUIRED: {
    status: 409,
    'zh-CN': '员工账号必须保留至少一种二次验证方式。',
    en: 'Staff accounts must keep at least one second factor.',
  },
  FACTOR_ALREADY_ENROLLED: { status: 409, 'zh-CN': '该二次验证方式已经绑定。', en: 'This second factor is already set up.' },
  FACTOR_NOT_ENROLLED: {
    status: 409,
    'zh-CN': '您的账号尚未绑定该二次验证方式。',
    en: 'This second factor is not set up for your account.',
  },
  SECOND_FACTOR_PENDING: { status: 401, 'zh-CN': '请先完成二次验证再继续。', en: 'Please complete the second sign-in step first.' },
  FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    'zh-CN': '员工账号须先绑定二次验证方式，才能使用其他功能。',
    en: 'Staff accounts must set up a second factor before doing anything else.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    'zh-CN': '登录失败次数过多，已暂时锁定，请稍后再试。',
    en: 'Too many failed sign-in attempts. Sign-in is locked for a while; please try again later.',
  },
  CONSENT_REQUIRED: {
    status: 403,
    'zh-CN': '此处理需要您的同意，而您尚未同意、已撤回，或用途已变更需要重新同意。',
    en: 'This processing needs consent that has not been given, was withdrawn, or must be renewed because the purpose changed.',
  },
  NOTICE_EFFECTIVE_TOO_SOON: {
    status: 422,
    'zh-CN': '本次更新变更了处理规则或用途，生效日期须在发布之日起至少 7 天之后，以便用户提前知悉。',
    en: 'This version changes processing rules or purposes, so it may take effect no earlier than 7 days after publication, to give people notice.',
  },
  NOTICE_VERSION_STALE: {
    status: 409,
    'zh-CN': '隐私政策已更新，请阅读最新版本后再作选择。',
    en: 'The privacy notice has changed. Please read the current version before choosing.',
  },
  NOTICE_NOT_PUBLISHED: { status: 409, 'zh-CN': '尚未发布生效的隐私政策。', en: 'No privacy notice is in effect yet.' },
  CONSENT_NOT_OFFERED: {
    status: 422,
    'zh-CN': '该用途或接收方不在可同意的范围内。',
    en: 'Consent is not offered for this purpose or recipient.',
  },
  UNDERAGE_PARTY: {
    status: 422,
    'zh-CN': '未满18周岁不能作为公司股权转让的一方，无法完成实名认证。您提交的信息未被保存。',
    en: 'A person under 18 cannot be a party to a company share transfer, so real-name verification is not possible. Nothing you submitted was stored.',
  },
  SENSITIVE_CONSENT_REQUIRED: {
    status: 422,
    'zh-CN': '处理身份证号码和证件照片需要您的单独同意，请阅读并勾选当前版本的同意声明后再提交。',
    en: 'Processing your ID number and card photos needs your separate consent. Please read and tick the current consent statement, then submit again.',
  },
  ID_IMAGE_INVALID: {
    status: 422,
    'zh-CN': '证件照片须为 JPEG 或 PNG 格式，且每张不超过 2 MB。',
    en: 'ID card photos must be JPEG or PNG files of at most 2 MB each.',
  },
  STAFF_TRAINING_REQUIRED: {
    status: 403,
    'zh-CN': '您须先签署保密协议并完成隐私保护培训，才能查看任何个人信息。',
    en: 'You must accept the confidentiality agreement and complete privacy training before you can see any personal data.',
  },
  BREAK_GLASS_REQUIRED: {
    status: 403,
    'zh-CN': '没有有效的紧急访问授权，或授权已过期。',
    en: 'There is no active break-glass grant for this, or it has expired.',
  },
  RIGHTS_REQUEST_OPEN: {
    status: 409,
    'zh-CN': '您已有一个同类请求正在处理中，请在“我的隐私”中查看其进度。',
    en: 'A request of this kind is already open; follow it under My privacy.',
  },
  RIGHTS_TRANSITION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '该请求当前所处的阶段不允许这一步操作。',
    en: 'This step is not allowed at the stage the request is in.',
  },
  RIGHTS_ALREADY_EXTENDED: {
    status: 409,
    'zh-CN': '该请求的答复期限已延长过一次，不能再次延长。',
    en: 'The deadline of this request was already extended once.',
  },
  ACCOUNT_CLOSED: {
    status: 403,
    'zh-CN': '该账户已按您的申请注销，无法再登录。如有疑问，请联系个人信息保护负责人。',
    en: 'This account was closed at your request and can no longer sign in. Contact the privacy officer with any questions.',
  },
  TRANSPARENCY_REPORT_PUBLISHED: {
    status: 409,
    'zh-CN': '该季度的透明度报告已发布，内容已冻结，不能重新生成。',
    en: "This quarter's transparency report is published and frozen; it cannot be regenerated.",
  },
  TRANSPARENCY_QUARTER_OPEN: {
    status: 409,
    'zh-CN': '该季度尚未结束，只能生成草稿，不能发布。',
    en: 'This quarter has not ended yet: it can be drafted but not published.',
  },
  RETENTION_HOLD_LIFTED: {
    status: 409,
    'zh-CN': '该法律保全已解除。',
    en: 'This legal hold has already been lifted.',
  },
  FREE_TEXT_IDENTIFIERS: {
    status: 422,
    'zh-CN': '文字中含有联系方式、证件号、信用代码或公司名称等可识别信息，请按标记处删除后再提交。',
    en: 'The text contains contact details, ID or credit numbers or the company name. Remove them where marked and try again.',
  },
  LISTING_LOCKED: {
    status: 409,
    'zh-CN': '该公司已有意向书或定金在进行中，交易结束前不能再次挂牌。',
    en: 'This company is under a letter of intent or deposit and cannot be offered again until that deal ends.',
  },
  INQUIRY_EXISTS: {
    status: 409,
    'zh-CN': '您已就该挂牌提交过申请，请在“我的意向”中查看进度。',
    en: 'You have already asked about this listing. See its progress under My inquiries.',
  },
  VERIFICATION_REQUIRED: {
    status: 403,
    'zh-CN': '查看公司详情前须完成实名认证。',
    en: "Complete real-name verification before you can see a company's details.",
  },
  NDA_REQUIRED: {
    status: 403,
    'zh-CN': '查看公司详情前须签署本挂牌的保密协议。',
    en: "Sign this listing's confidentiality agreement (NDA) before you can see the company's details.",
  },
  NDA_TEXT_CHANGED: {
    status: 409,
    'zh-CN': '保密协议内容已更新，请重新阅读后再签署。',
    en: 'The agreement has changed. Please read it again before signing.',
  },
  NDA_TEMPLATE_INVALID: {
    status: 422,
    'zh-CN': '协议模板中有未知的变量，请只使用列出的变量。',
    en: 'The template uses an unknown variable. Use only the listed variables.',
  },
  PROOF_OF_FUNDS_REQUIRED: {
    status: 403,
    'zh-CN': '卖方要求提供资金证明，经顾问审核通过后方可查看详情。',
    en: 'The seller asks for proof of funds, approved by the adviser, before details are shown.',
  },
  DOCUMENT_INVALID: {
    status: 422,
    'zh-CN': '文件须为 PDF、JPEG 或 PNG 格式，且不超过 3 MB。',
    en: 'The document must be a PDF, JPEG or PNG file of at most 3 MB.',
  },
  DISCLOSURE_PRECONDITIONS: {
    status: 409,
    'zh-CN': '尚不满足开放条件：须买方实名认证、签署保密协议、卖方单独同意（及卖方要求的资金证明）。',
    en: "Not all conditions are met yet: the buyer's verification and NDA, the seller's separate consent (and proof of funds where asked).",
  },
  GRANT_NOT_ACTIVE: {
    status: 403,
    'zh-CN': '您对该挂牌的查看权限未开放、已到期或已被撤回。',
    en: 'Your access to this listing is not open, has expired or was withdrawn.',
  },
  LISTING_DUPLICATE: {
    status: 409,
    'zh-CN': '同一家公司已有在售挂牌，需先处理重复挂牌。',
    en: 'The same company is already listed; resolve the duplicate listing first.',
  },
  // Messages (issue 13).
  LANE_CLOSED: {
    status: 403,
    'zh-CN': '买卖双方的对话须在开放公司信息（L1）后才能进行；在此之前请与顾问沟通。',
    en: "The buyer and the seller can talk to each other only once the company's identity (L1) is open to the buyer; until then, talk to the broker.",
  },
  NOT_ACCEPTABLE: {
    status: 406,
    'zh-CN': '此接口只提供事件流（text/event-stream）。',
    en: 'This endpoint serves an event stream (text/event-stream) only.',
  },
  // The deal pipeline (issue 13).
  DEAL_STAGE_ORDER: {
    status: 409,
    'zh-CN': '交易阶段只能按顺序逐一推进，且该阶段已变化，请刷新后重试。',
    en: 'Deal stages advance one at a time, in order, and this one has changed. Refresh and try again.',
  },
  DEAL_CHECKLIST_OPEN: {
    status: 409,
    'zh-CN': '本阶段清单尚有未完成事项，完成后才能进入下一阶段。',
    en: 'This stage still has open checklist items; finish them before moving on.',
  },
  DEAL_CLOSE_BLOCKED: {
    status: 409,
    'zh-CN': '交割物品未全部双方确认、旧印章注销未登记、清单未完成或个人信息告知任务未完成，暂不能完成交割。',
    en: 'The deal cannot close yet: custody items are not confirmed by both sides, old seals are not recorded as cancelled, checklists are open, or the personal-data notice task is open.',
  },
  DEAL_MONEY_RULE: {
    status: 409,
    'zh-CN': '资金节点不符合规则：尾款到账前不能解除股权质押，索赔期届满前不能释放保留金，同一节点不能重复登记。',
    en: 'That money step breaks a rule: the pledge is released only after the final payment, the holdback only after its claims window, and nothing is recorded twice.',
  },
  CUSTODY_PHOTO_REQUIRED: {
    status: 409,
    'zh-CN': '请先上传交接照片，双方再确认。',
    en: 'Upload a photo of the hand-over before either side confirms it.',
  },
  PHOTO_INVALID: {
    status: 422,
    'zh-CN': '照片须为 JPEG 或 PNG 格式，且不超过 2 MB。',
    en: 'Photos must be JPEG or PNG files of at most 2 MB.',
  },
  DEAL_GRANT_INACTIVE: {
    status: 409,
    'zh-CN': '受让方查看公司信息的授权（L1）已失效，须重新获批后才能登记意向书或定金。',
    en: "The buyer's access to the company details (L1) is no longer active; it must be granted again before a letter of intent or deposit is recorded.",
  },
  DATAROOM_FILE_TYPE: {
    status: 415,
    'zh-CN': '只能上传 PDF、JPEG、PNG 文件，或 Word / Excel 文件（将转换为 PDF）。文件类型按内容识别，与文件名无关。',
    en: 'Only PDF, JPEG or PNG files can be uploaded, or Word / Excel files (converted to PDF). The type is read from the content, not the file name.',
  },
  DATAROOM_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过数据室的大小上限。', en: 'The file is larger than the data room allows.' },
  DATAROOM_FILE_UNREADABLE: {
    status: 422,
    'zh-CN': '文件已损坏或无法读取（例如加密的 PDF），请导出新的副本后重试。',
    en: 'The file is damaged or cannot be read (an encrypted PDF, for example). Export a fresh copy and try again.',
  },
  DATAROOM_NO_ACCESS: {
    status: 403,
    'zh-CN': '您对该文件没有此项权限，或数据室访问已到期或被撤销。',
    en: 'You do not have this permission on the file, or your data room access has expired or was revoked.',
  },
  DATAROOM_NOT_READY: {
    status: 409,
    'zh-CN': '该文件尚无可查看的版本（原件未转换，或尚未发布）。',
    en: 'This file has no version that can be viewed yet (not converted, or not released).',
  },
  // Issue 15: requests refused before any route runs (still in the app's error format, with its headers).
  URI_TOO_LONG: { status: 414, 'zh-CN': '请求地址过长。', en: 'The request address is too long.' },
  HEADERS_TOO_LARGE: {
    status: 431,
    'zh-CN': '请求头过大，请清除本站 Cookie 后重试。',
    en: "The request headers are too large. Clear this site's cookies and try again.",
  },
  REQUEST_TIMEOUT: { status: 408, 'zh-CN': '请求超时，请重试。', en: 'The request took too long to arrive. Please try again.' },
  HOST_NOT_ALLOWED: { status: 421, 'zh-CN': '请求的主机名不属于本站。', en: 'The requested host name does not belong to this site.' },
} as const satisfies Record<string, { status: number; 'zh-CN': string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function errorStatus(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_CODES[code][locale];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The body of every error response. `details` never carries personal data. */
export type ErrorBody = {
  code: ErrorCode;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
};
