import { INCIDENT_GRADE_LABELS, type ContainmentAction, type IncidentGrade } from '@sealbridge/contracts';
import type { SecurityIncidentsTable } from '../../db/schema.ts';

const CONTAINMENT_TEXT: Record<ContainmentAction, { 'zh-CN': string; en: string }> = {
  end_sessions: { 'zh-CN': '已终止涉事账号的全部会话', en: 'all sessions of the account involved were ended' },
  revoke_grants: { 'zh-CN': '已撤销涉事账号的信息披露授权', en: 'the disclosure grants of the account involved were revoked' },
  disable_account: { 'zh-CN': '已停用涉事账号', en: 'the account involved was disabled' },
  rotate_keys: { 'zh-CN': '已轮换加密密钥', en: 'the encryption keys were rotated' },
};

type Draft = {
  audience: 'individual' | 'regulator';
  locale: 'zh-CN' | 'en';
  parts: { incident: string; measures: string; contact: string };
  text: string;
};

/**
 * Notices with the three parts PIPL Art. 57 requires: (1) the categories of information, the cause and the possible
 * harm, (2) the measures taken and what the person can do, (3) how to reach us. Drafts for an officer to edit and
 * send: categories come from the blast radius (registry labels), cause and measures from the triage.
 */
export function draftNotices(input: {
  incident: SecurityIncidentsTable;
  fields: readonly { 'zh-CN': string; en: string }[];
  containment: readonly ContainmentAction[];
  contact: string;
}): Draft[] {
  const { incident } = input;
  const grade = INCIDENT_GRADE_LABELS[incident.grade as IncidentGrade];
  const out: Draft[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    const zh = locale === 'zh-CN';
    const categories = input.fields.length
      ? input.fields.map((f) => f[locale]).join(zh ? '、' : ', ')
      : zh
        ? '（待核实）'
        : '(being established)';
    const cause = incident.cause ?? incident.summary;
    const done = [...new Set(input.containment)].map((a) => CONTAINMENT_TEXT[a][locale]);
    const measures = [incident.measures ?? '', ...done].filter(Boolean).join(zh ? '；' : '; ');
    const harm = zh
      ? '相关信息可能被用于骚扰、诈骗或冒用身份。'
      : 'The information could be used for harassment, fraud or identity misuse.';
    for (const audience of ['individual', 'regulator'] as const) {
      const parts = zh
        ? {
            incident: `${audience === 'regulator' ? `事件编号 ${incident.incident_no}，分级：${grade.zh}，影响人数 ${incident.affected_count}。` : ''}可能涉及的个人信息种类：${categories}。原因：${cause}。可能造成的危害：${harm}`,
            measures: `我们已采取的补救措施：${measures || '（处置中）'}。${audience === 'individual' ? '建议您留意陌生来电和短信，不要向他人透露验证码。' : ''}`,
            contact: `联系方式：个人信息保护负责人 ${input.contact}。`,
          }
        : {
            incident: `${audience === 'regulator' ? `Incident ${incident.incident_no}, graded ${grade.en}, ${incident.affected_count} people affected. ` : ''}Categories of personal information possibly involved: ${categories}. Cause: ${cause}. Possible harm: ${harm}`,
            measures: `Measures we have taken: ${measures || '(in progress)'}.${audience === 'individual' ? ' Be wary of unexpected calls and messages, and never share a verification code.' : ''}`,
            contact: `Contact: our personal information protection officer, ${input.contact}.`,
          };
      out.push({ audience, locale, parts, text: [parts.incident, parts.measures, parts.contact].join('\n\n') });
    }
  }
  return out;
}
