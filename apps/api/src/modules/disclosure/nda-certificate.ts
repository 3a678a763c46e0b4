import { createTextPdf } from '../../platform/pdf/index.ts';
import type { NdaRecord } from './nda-signing.ts';

export type CertificateInput = {
  record: NdaRecord;
  signature: string;
  publicKeyRawBase64: string;
  title: string;
  /** The Chinese text exactly as the buyer read it (its SHA-256 is in the record). */
  text: string;
  sellerLabel: string;
  buyerLabel: string;
};

/**
 * The NDA certificate: the full Chinese text and the signature block, with the signed record attached as JSON for
 * offline checks. Deterministic — the same record gives the same bytes (fixed dates, no random ids) — so the SHA-256
 * kept at signing finds any changed byte later.
 */
export async function renderCertificate(input: CertificateInput): Promise<Uint8Array> {
  const at = new Date(input.record.signedAt);
  const { doc, write, gap } = await createTextPdf({ title: `${input.title} ${input.record.listingCode}`, at });

  write(`${input.title}（电子签署证书）`, 16);
  gap(6);
  write(`挂牌编号 ${input.record.listingCode} · 协议版本 ${input.record.templateVersion} · 证书编号 ${input.record.id}`, 9, 0.35);
  gap(8);
  write(input.text);
  gap(12);
  write('—— 签署信息 Signature block ——', 12);
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  for (const line of [
    `披露方：${input.sellerLabel}`,
    `接收方：${input.buyerLabel}（平台编号 ${input.record.buyerAlias}）`,
    `签署方式：在平台勾选“我已阅读并同意”（点击签署）`,
    `签署时间：${beijing}（北京时间） / ${input.record.signedAt}`,
    `签署设备：${input.record.deviceLabel}`,
    `协议文本 SHA-256：${input.record.textSha256}`,
    `签发方：${input.record.issuer}`,
    `平台签名（Ed25519，密钥编号 ${input.record.keyId}）：`,
    input.signature,
    `平台公钥（base64）：${input.publicKeyRawBase64}`,
    '核验方法：在平台“保密协议证书核验”页上传本文件；或取出附件 signature-record.json，按 “sealbridge-nda-signature-v1\\n” + 规范化 JSON 用上述公钥验证签名。',
  ])
    write(line, 9);

  await doc.attach(
    Buffer.from(JSON.stringify({ record: input.record, signature: input.signature }, null, 2), 'utf8'),
    'signature-record.json',
    {
      mimeType: 'application/json',
      description: 'Signed NDA signature record',
      creationDate: at,
      modificationDate: at,
    },
  );
  return doc.save({ useObjectStreams: false });
}
