import { NDA_VARIABLES } from '@sealbridge/contracts';

export type NdaVariables = Record<(typeof NDA_VARIABLES)[number], string>;

const VARIABLE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Variables a template uses that are not in the closed list (publishing such a template is refused). */
export function unknownVariables(...texts: string[]): string[] {
  const known = new Set<string>(NDA_VARIABLES);
  return [...new Set(texts.flatMap((t) => [...t.matchAll(VARIABLE)].map((m) => m[1] ?? '')))].filter((v) => !known.has(v));
}

/** The exact text a buyer reads: the template with every variable filled. */
export function renderNda(template: string, variables: NdaVariables): string {
  return template.replace(VARIABLE, (_m, name: string) => variables[name as keyof NdaVariables] ?? '');
}

/**
 * The first template, written for this trade (DOMAIN.md): what is confidential, the one permitted use, no going around
 * the platform, the term, the watermark evidence behind the breach clause, return and destruction, law and forum,
 * and the effect of ticking the box. The legal/admin role edits it and publishes new versions.
 */
export const DEFAULT_NDA = {
  termMonths: 24,
  titleZh: '公司转让信息保密协议',
  titleEn: 'Confidentiality agreement for a company transfer',
  bodyZh: `本协议由以下各方通过封桥 Sealbridge 公司转让交易中心（“平台”）以电子方式订立：
披露方：挂牌 {{listingCode}} 的转让方（{{sellerName}}）；
接收方：意向受让方，平台编号 {{buyerAlias}}（{{buyerName}}）；
平台：{{platform}}。

第一条 保密信息
保密信息指接收方经平台获得的与挂牌 {{listingCode}} 有关的一切非公开信息，包括但不限于：目标公司名称、统一社会信用代码、法定代表人及股东信息、财务与纳税资料、银行账户、资质证照、合同、数据室中的全部文件，以及该公司正在转让这一事实本身。

第二条 使用限制
接收方仅可为评估、洽谈并完成本次股权转让而使用保密信息，不得用于任何其他目的；不得向任何第三方披露，但为本次交易确有必要知悉、并已承担同等保密义务的专业顾问（律师、会计师）除外。

第三条 不绕开平台
在本协议有效期内，接收方不得绕开平台直接或间接联系目标公司、其股东、员工、客户或供应商洽谈本次交易，亦不得将保密信息提供给其他中介机构。

第四条 期限
本协议自签署之日（{{effectiveDate}}）起生效，有效期 {{termMonths}} 个月；交易未能达成的，保密义务在上述期限内继续有效。

第五条 水印与违约责任
接收方知悉：平台向其展示的每一页资料均带有接收方专属的可见水印和不可见编码，平台可据此识别泄露资料的来源。经平台水印识别确认由接收方泄露的，接收方应赔偿披露方因此遭受的全部损失，平台有权终止其全部查看权限并保留相关记录作为证据。

第六条 返还与销毁
交易终止或披露方要求时，接收方应立即删除或销毁其保存的全部保密信息及其复制件，并应要求书面确认。

第七条 个人信息
保密信息中含有个人信息的，接收方应遵守《中华人民共和国个人信息保护法》，仅在本协议约定目的和范围内处理，不得另作他用。

第八条 适用法律与争议解决
本协议适用中华人民共和国法律。因本协议产生的争议，各方应先行协商或经平台调解；协商或调解不成的，提交平台所在地有管辖权的人民法院诉讼解决。

第九条 电子签署
接收方在平台勾选“我已阅读并同意”即表示签署本协议，与书面签字具有同等法律效力。平台记录签署时间、协议版本、文本摘要及设备信息，并以平台密钥对签署记录进行数字签名。`,
  bodyEn: `This agreement is made electronically through the Sealbridge company-transfer trading center (the "Platform") between:
Discloser: the transferor of listing {{listingCode}} ({{sellerName}});
Recipient: the prospective buyer, platform reference {{buyerAlias}} ({{buyerName}});
Platform: {{platform}}.

1. Confidential information. All non-public information about listing {{listingCode}} the Recipient obtains through the Platform, including the target company's name, credit code, legal representative and shareholders, financial and tax records, bank accounts, licences, contracts, every document in the data room, and the fact that the company is for sale.
2. Use. Only to evaluate, negotiate and complete this share transfer; no disclosure to third parties except professional advisers who need to know and are bound by equal confidentiality.
3. No circumvention. During the term the Recipient shall not contact the target company, its shareholders, staff, customers or suppliers about this transaction other than through the Platform, nor pass the information to another agency.
4. Term. From signature ({{effectiveDate}}) for {{termMonths}} months, whether or not the transaction completes.
5. Watermarks and breach. Every page shown to the Recipient carries a visible watermark and an invisible code unique to the Recipient, from which the Platform can identify the source of a leak. A leak attributed to the Recipient by watermark identification makes the Recipient liable for the Discloser's losses; the Platform may end all access and keep the records as evidence.
6. Return and destruction. On termination or request, the Recipient deletes or destroys all confidential information and copies, and confirms it in writing on request.
7. Personal information. Personal information contained in the confidential information is processed only for the purpose and within the scope of this agreement, in compliance with the Personal Information Protection Law of the PRC.
8. Law and disputes. PRC law governs. Disputes are first negotiated or mediated through the Platform, failing which they go to the competent people's court where the Platform is located.
9. Electronic signature. Ticking "I have read and agree" signs this agreement with the same effect as a handwritten signature. The Platform records the time, version, a digest of the text and the device, and signs that record with its key.
(The Chinese text is binding; this English text is a reading aid.)`,
} as const;
