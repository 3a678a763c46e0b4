import type { TRightsExport } from '@sealbridge/contracts';
import { createTextPdf } from '../../platform/pdf/index.ts';
import { PERSONAL_FIELDS, type SubjectExportRecord } from '../vault/index.ts';

/**
 * The access-and-copy document (`sealbridge.rights-export/v1`, ZRightsExport), generated from the registry: the vault
 * walks every registered table for the requester's subjects, and this describes each field that came back from the
 * registry's own declaration. Nothing here names a table or field, so a newly registered field appears unchanged.
 */
export function buildExport(
  records: readonly SubjectExportRecord[],
  meta: { requestNo: string; portable: boolean; at: Date },
): TRightsExport {
  const used = new Set<string>();
  const out: TRightsExport['records'] = [];
  for (const r of records) {
    const values: TRightsExport['records'][number]['values'] = {};
    for (const [name, view] of Object.entries(r.values)) {
      used.add(`${r.table}.${name}`);
      values[name] =
        view.state === 'revealed' ? { state: 'present', value: view.value } : { state: view.state === 'erased' ? 'erased' : 'absent' };
    }
    out.push({ table: r.table, recordId: r.recordId, values });
  }
  return {
    schema: 'sealbridge.rights-export/v1',
    generatedAt: meta.at.toISOString(),
    requestNo: meta.requestNo,
    portable: meta.portable,
    fields: PERSONAL_FIELDS.filter((f) => used.has(f.key)).map((f) => ({
      key: f.key,
      label: f.label,
      category: f.category,
      sensitivity: f.sensitivity,
      purposes: [...f.purposes],
      legalBasis: f.legalBasis,
      retention: f.retention,
    })),
    records: out,
  };
}

const LONG_VALUE = 300;
const CATEGORY_ZH: Record<string, string> = {
  identity: '身份信息',
  contact: '联系信息',
  financial: '财产信息',
  location: '位置信息',
  identity_document: '身份证件',
};

/**
 * The same export as a readable zh-CN PDF (Noto Sans SC, shared with the NDA certificate): what we hold, why, on
 * what basis and for how long, then each record. Long values (images, documents) are summarised; the JSON copy
 * attached to the PDF carries them whole.
 */
export async function renderExportPdf(doc: TRightsExport): Promise<Uint8Array> {
  const at = new Date(doc.generatedAt);
  const pdf = await createTextPdf({ title: `个人信息副本 ${doc.requestNo}`, at });
  const labels = new Map(doc.fields.map((f) => [f.key, f]));
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  pdf.write('个人信息副本（查阅、复制）', 16);
  pdf.gap(4);
  pdf.write(`请求编号 ${doc.requestNo} · 生成时间 ${beijing}（北京时间） · 格式 ${doc.schema}`, 9, 0.35);
  pdf.gap(8);
  pdf.write('依据《个人信息保护法》第四十五条，以下是本平台处理的您的个人信息。完整的机器可读副本见附件 export.json。');
  pdf.gap(8);
  pdf.write('—— 我们持有的信息类别 ——', 12);
  for (const f of doc.fields) {
    pdf.write(
      `${f.label['zh-CN']}（${CATEGORY_ZH[f.category] ?? f.category}${f.sensitivity === 'sensitive' ? '，敏感个人信息' : ''}）：用途 ${f.purposes.join('、')}；法律依据 ${f.legalBasis}；保存期限 ${f.retention}`,
      9,
    );
  }
  pdf.gap(8);
  pdf.write(`—— 记录（共 ${doc.records.length} 条） ——`, 12);
  for (const r of doc.records) {
    pdf.write(`${r.table} · ${r.recordId}`, 9, 0.35);
    for (const [name, v] of Object.entries(r.values)) {
      if (v.state === 'absent') continue;
      const label = labels.get(`${r.table}.${name}`)?.label['zh-CN'] ?? name;
      const value =
        v.state === 'erased'
          ? '（已按删除要求销毁）'
          : (v.value ?? '').length > LONG_VALUE
            ? `（图片或文件，共 ${(v.value ?? '').length} 个字符，完整内容见 export.json）`
            : (v.value ?? '');
      pdf.write(`  ${label}：${value}`, 10);
    }
  }
  await pdf.doc.attach(Buffer.from(JSON.stringify(doc, null, 2), 'utf8'), 'export.json', {
    mimeType: 'application/json',
    description: 'Machine-readable copy (sealbridge.rights-export/v1)',
    creationDate: at,
    modificationDate: at,
  });
  return pdf.doc.save({ useObjectStreams: false });
}
