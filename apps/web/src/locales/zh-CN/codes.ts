/**
 * Names of the closed code lists in @sealbridge/contracts (purposes, legal bases, retention classes, categories,
 * masking rules, subject kinds, profile fields) and of the states a personal field can be shown in.
 * codes.test.ts fails when a code in a contracts list has no name here or in en/codes.ts.
 */
export const codesZhCN = {
  purposes: {
    account_service: '账户服务',
    identity_verification: '实名核验',
    deal_execution: '交易撮合与履约',
    legal_compliance: '履行法定义务',
    customer_support: '客户服务',
    security_investigation: '安全事件调查',
    rights_request: '处理个人权利请求',
    break_glass: '紧急访问（须书面理由，限时）',
    deal_disclosure: '向指定买方披露（须卖方单独同意）',
    listing_review: '挂牌审核（核对工商登记）',
  },
  legalBases: {
    consent: '个人同意（个保法第13条第1款第1项）',
    separate_consent: '单独同意（个保法第29条）',
    contract: '订立、履行合同所必需（个保法第13条第1款第2项）',
    legal_obligation: '履行法定义务所必需（个保法第13条第1款第3项）',
    disclosed_info: '处理已合法公开的信息（个保法第13条第1款第6项）',
  },
  retention: {
    account_life: '账户存续期间，注销后删除',
    account_life_plus_3y: '账户注销后再保存 3 年',
    deal_life_plus_10y: '交易结束后再保存 10 年',
    verification_180d: '完成核验后保存 180 天',
    deal_life_plus_3y: '咨询或交易结束后再保存 3 年，之后销毁密钥',
  },
  categories: {
    identity: '身份信息',
    contact: '联系方式',
    financial: '财产信息',
    location: '地址信息',
    identity_document: '身份证件信息',
  },
  masking: {
    name: '只显示姓，如 张**',
    mobile: '显示前 3 位和后 4 位，如 138****1234',
    email: '显示首字母和域名，如 z***@example.com',
    id_card: '显示前 3 位和后 4 位，如 110***********0018',
    uscc: '显示前 2 位和后 4 位，如 91************XX3X',
    bank_card: '只显示后 4 位，如 ****0123',
    address: '只显示到区县，如 上海市浦东新区',
    wechat: '显示首尾各 1 位，如 z****1',
    qq: '显示首尾各 1 位，如 1****9',
    landline: '显示区号和后 2 位，如 010-******78',
  },
  subjectKinds: { customer: '客户', staff: '工作人员', company_party: '公司相关人员' },
  sensitivities: { general: '一般个人信息', sensitive: '敏感个人信息' },
  profileFields: {
    realName: '真实姓名',
    mobile: '手机号码',
    email: '电子邮箱',
    wechat: '微信号',
    idNumber: '身份证号码',
    address: '联系地址',
  },
  /** How a personal field is shown when it has no value to show, and the actions on it. */
  fieldView: {
    absent: '未填写',
    erased: '已按删除请求销毁',
    erasedHint: '该信息的加密密钥已按删除请求销毁，任何人（包括我们）都无法再读取。',
    revealed: '原文',
    sensitiveTag: '敏感',
    sensitiveHint: '敏感个人信息（个保法第28条）：需取得单独同意，并进行个人信息保护影响评估。',
  },
  /** Client-side checks of identifiers, shared by every form that accepts one. */
  invalid: {
    realName: '请输入 1–50 个字的姓名',
    mobile: '请输入有效的中国大陆手机号码（11 位，以 1 开头）',
    email: '请输入有效的电子邮箱地址',
    wechat: '微信号为 6–20 位，以字母开头，可包含字母、数字、下划线和减号',
    idNumber: '身份证号码无效，请检查位数、出生日期和校验位',
    address: '请输入 2–200 个字的地址',
  },
} as const;
