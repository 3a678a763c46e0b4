import type { ConsentDecision, ConsentKind, DataCategory, Purpose, TSignedReceipt } from '@sealbridge/contracts';
import { createTextPdf } from '../../platform/pdf/index.ts';

// zh-CN words of the receipt's codes (the web app's locales say the same: codes.purposes, consent.kinds …).
const PURPOSE_ZH: Record<Purpose, string> = {
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
};
const KIND_ZH: Record<ConsentKind, string> = {
  general: '同意',
  sensitive: '单独同意（敏感个人信息）',
  recipient: '单独同意（向指定接收方提供）',
  cross_border: '单独同意（跨境提供）',
};
const DECISION_ZH: Record<ConsentDecision, string> = { given: '已同意', refused: '已拒绝', withdrawn: '已撤回' };
const CATEGORY_ZH: Record<DataCategory, string> = {
  identity: '身份信息',
  contact: '联系方式',
  financial: '财产信息',
  location: '地址信息',
  identity_document: '身份证件信息',
};
const CHANNEL_ZH: Record<string, string> = { web: '网站', console: '工作台', seed: '初始数据' };

/**
 * A consent receipt as a readable zh-CN PDF: what was decided, for which purpose and data, when — in words first;
 * the identifiers, digest and signature after, for checking. The signed receipt is attached whole (receipt.json), so
 * the PDF stays verifiable offline against the published key.
 */
export async function renderReceiptPdf(signed: TSignedReceipt, customerNo: string): Promise<Uint8Array> {
  const r = signed.receipt;
  const at = new Date(r.at);
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  const pdf = await createTextPdf({ title: `同意回执 ${r.receiptId}`, at });
  pdf.write('个人信息处理同意回执', 16);
  pdf.gap(8);
  pdf.write(`客户编号：${customerNo}`);
  pdf.write(`处理目的：${PURPOSE_ZH[r.purpose] ?? r.purpose}`);
  pdf.write(`同意类型：${KIND_ZH[r.kind] ?? r.kind}`);
  if (r.recipient) pdf.write(`接收方：${r.recipient}`);
  pdf.write(`涉及信息：${r.categories.map((c) => CATEGORY_ZH[c] ?? c).join('、')}`);
  pdf.write(`您的决定：${DECISION_ZH[r.decision] ?? r.decision}`);
  pdf.write(`时间：${beijing}（北京时间）`);
  pdf.write(`渠道：${CHANNEL_ZH[r.channel] ?? r.channel} · 隐私政策第 ${r.noticeVersion} 版 · 用途说明第 ${r.purposeVersion} 版`);
  pdf.gap(12);
  pdf.write('—— 供核验 ——', 12);
  pdf.write(`回执编号 ${r.receiptId} · 签发方 ${r.issuer} · 密钥 ${r.keyId}（Ed25519）`, 9, 0.35);
  pdf.write(`所示文字摘要（SHA-256）${r.uiTextHash}`, 9, 0.35);
  pdf.write(`签名 ${signed.signature}`, 9, 0.35);
  pdf.write('附件 receipt.json 为签名回执原文，可用平台公布的公钥离线核验。', 9, 0.35);
  await pdf.doc.attach(Buffer.from(`${JSON.stringify(signed, null, 2)}\n`, 'utf8'), 'receipt.json', {
    mimeType: 'application/json',
    description: 'Signed consent receipt (sealbridge.consent-receipt v1)',
    creationDate: at,
    modificationDate: at,
  });
  return pdf.doc.save({ useObjectStreams: false });
}
