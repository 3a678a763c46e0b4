import { z } from 'zod';
import { AUDIT_EVENT_TYPES } from './audit.ts';
import { ZIsoDateTime, ZName, ZPlainText } from './text-input.ts';

/**
 * Security monitoring (issue 18): the detection rules (a registry with a drift test), alerts and incidents.
 * Everything here is metadata: rule names, counts, audit sequence numbers, account ids — never a personal value.
 */
export const SECURITY_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type SecuritySeverity = (typeof SECURITY_SEVERITIES)[number];

export const DETECTION_RULES = {
  bulk_reveal: { severity: 'high', zh: '批量查看个人信息', en: 'Bulk reveals by one actor for one purpose' },
  unusual_client: { severity: 'high', zh: '访问非本人客户', en: "Reveals outside the broker's own clients" },
  refused_reveals: { severity: 'medium', zh: '反复被拒的查看', en: 'Repeated refused reveals' },
  off_hours: { severity: 'medium', zh: '非工作时间访问', en: 'Reveals at night (Beijing time)' },
  sign_in_burst: { severity: 'low', zh: '登录失败激增', en: 'A burst of failed sign-ins on one account' },
  credential_stuffing: { severity: 'high', zh: '撞库攻击', en: 'Failed sign-ins across many accounts (credential stuffing)' },
  new_device_reveal: { severity: 'high', zh: '新设备登录后查看敏感信息', en: 'A new device followed by a sensitive reveal' },
  export_spike: { severity: 'medium', zh: '导出激增', en: 'An export spike' },
  break_glass: { severity: 'medium', zh: '紧急访问', en: 'Break-glass access opened' },
  watermark_identified: { severity: 'critical', zh: '水印识别出泄露者', en: 'A leaked page traced by its watermark' },
  masking_evasion: { severity: 'medium', zh: '规避联系方式遮蔽', en: 'Attempts to evade contact masking in messages' },
} as const satisfies Record<string, { severity: SecuritySeverity; zh: string; en: string }>;
export type DetectionRuleId = keyof typeof DETECTION_RULES;
export const DETECTION_RULE_IDS = Object.keys(DETECTION_RULES) as DetectionRuleId[];

export const ALERT_STATUSES = ['open', 'acknowledged', 'escalated', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ZSecurityAlert = z.object({
  id: z.string(),
  rule: z.enum(DETECTION_RULE_IDS as [DetectionRuleId, ...DetectionRuleId[]]),
  severity: z.enum(SECURITY_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  actorAccountId: z.string().nullable(),
  actorRole: z.string().nullable(),
  staffNo: z.string().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  hits: z.number().int(),
  /** Audit record sequence numbers: the evidence, checkable against the signed log. */
  evidence: z.array(z.number().int()),
  reason: z.string().nullable(),
  incidentId: z.string().nullable(),
});
export type TSecurityAlert = z.infer<typeof ZSecurityAlert>;
export const ZSecurityAlertList = z.object({ items: z.array(ZSecurityAlert), open: z.number().int() });
export const ZAlertDecision = z.object({
  decision: z.enum(['acknowledge', 'escalate', 'dismiss']),
  reason: ZPlainText(1000, 1),
});

/** CAC grading (国家网络安全事件报告管理办法 / 分级指南) from the count of affected people. */
export const INCIDENT_GRADES = ['general', 'major', 'serious', 'especially_serious'] as const;
export type IncidentGrade = (typeof INCIDENT_GRADES)[number];
export const INCIDENT_GRADE_LABELS: Record<IncidentGrade, { zh: string; en: string }> = {
  general: { zh: '一般', en: 'General' },
  major: { zh: '较大', en: 'Major' },
  serious: { zh: '重大', en: 'Serious' },
  especially_serious: { zh: '特别重大', en: 'Especially serious' },
};
export const INCIDENT_STATUSES = ['open', 'contained', 'closed'] as const;
export const CONTAINMENT_ACTIONS = ['end_sessions', 'revoke_grants', 'disable_account', 'rotate_keys'] as const;
export type ContainmentAction = (typeof CONTAINMENT_ACTIONS)[number];

export const ZIncidentInput = z.object({
  title: ZName(200, 1),
  summary: ZPlainText(4000, 1),
  detectedAt: ZIsoDateTime.optional(),
  suspectAccountId: z.string().min(1).max(64).nullable().optional(),
  /** An audit event type standing for the affected route (e.g. dataroom.page_viewed). */
  eventType: z.enum(AUDIT_EVENT_TYPES).nullable().optional(),
  windowFrom: ZIsoDateTime,
  windowTo: ZIsoDateTime,
  criticalInfrastructure: z.boolean().optional(),
  alertIds: z.array(z.string().min(1).max(64)).max(50).optional(),
});
export const ZIncidentTriage = z.object({
  cause: ZPlainText(2000, 1),
  measures: ZPlainText(2000, 1),
  affectedCount: z.number().int().min(0).optional(),
});
export const ZIncidentReview = z.object({ review: ZPlainText(4000, 1) });
export const ZContainmentRequest = z.object({ action: z.enum(CONTAINMENT_ACTIONS), reason: ZPlainText(1000, 1) });

export const ZIncidentClock = z.object({
  reportDueAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportOverdue: z.boolean(),
  followUpDueAt: z.string().nullable(),
  followUpOverdue: z.boolean(),
});
export const ZIncident = z.object({
  id: z.string(),
  no: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  grade: z.enum(INCIDENT_GRADES),
  affectedCount: z.number().int(),
  detectedAt: z.string(),
  suspectAccountId: z.string().nullable(),
  eventType: z.string().nullable(),
  windowFrom: z.string(),
  windowTo: z.string(),
  criticalInfrastructure: z.boolean(),
  cause: z.string().nullable(),
  measures: z.string().nullable(),
  review: z.string().nullable(),
  closedAt: z.string().nullable(),
  clock: ZIncidentClock,
  containment: z.array(z.object({ action: z.enum(CONTAINMENT_ACTIONS), at: z.string(), result: z.number().int() })),
  alertIds: z.array(z.string()),
});
export type TIncident = z.infer<typeof ZIncident>;
export const ZIncidentList = z.object({ items: z.array(ZIncident) });

export const ZBlastRadius = z.object({
  subjects: z.number().int(),
  /** Per subject (pseudonymous id) the registry keys of the fields read, with the evidence records. */
  items: z.array(z.object({ subjectId: z.string(), fields: z.array(z.string()), seqs: z.array(z.number().int()) })),
  fieldCounts: z.array(z.object({ field: z.string(), label: z.string(), subjects: z.number().int() })),
});
export type TBlastRadius = z.infer<typeof ZBlastRadius>;

/** A notice with the three parts PIPL Art. 57 requires: what happened, what was done, whom to contact. */
export const ZIncidentNotice = z.object({
  audience: z.enum(['individual', 'regulator']),
  locale: z.enum(['zh-CN', 'en']),
  parts: z.object({ incident: z.string(), measures: z.string(), contact: z.string() }),
  text: z.string(),
});
export const ZIncidentNotices = z.object({ items: z.array(ZIncidentNotice) });

export const ZSecurityDashboard = z.object({
  days: z.array(z.string()),
  revealsByPurpose: z.array(z.object({ day: z.string(), purpose: z.string(), count: z.number().int() })),
  revealsByRole: z.array(z.object({ day: z.string(), role: z.string(), count: z.number().int() })),
  refused: z.array(z.object({ day: z.string(), count: z.number().int() })),
  signInFailures: z.array(z.object({ day: z.string(), count: z.number().int() })),
  openAlerts: z.array(z.object({ severity: z.enum(SECURITY_SEVERITIES), count: z.number().int() })),
  topActors: z.array(
    z.object({ accountId: z.string(), staffNo: z.string().nullable(), role: z.string().nullable(), count: z.number().int() }),
  ),
});
export type TSecurityDashboard = z.infer<typeof ZSecurityDashboard>;
