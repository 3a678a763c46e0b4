import {
  INCIDENT_GRADE_LABELS,
  type ContainmentAction,
  type IncidentGrade,
  type TBlastRadius,
  type TIncident,
} from '@sealbridge/contracts';
import type { SecurityIncidentsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf, type AuditActor, type AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { clockOf, followUpDueAt, gradeOf, reportDueAt } from './incident-clock.ts';
import { draftNotices } from './incident-notices.ts';
import { createSecurityRepo, type SecurityRepo } from './security-repo.ts';
import { guardText } from './security-guard.ts';

/** What containment can do, wired to the modules that own it (identity, disclosure, vault). */
export type ContainmentPort = {
  endSessions: (accountId: string) => Promise<number>;
  disableAccount: (accountId: string) => Promise<number>;
  revokeGrants: (buyerAccountId: string, reason: string) => Promise<number>;
  rotateKeys: (actor: AuditActor) => Promise<number>;
};

export type IncidentsDeps = {
  repo: SecurityRepo;
  audit: Pick<AuditPort, 'append' | 'appendInTransaction'>;
  containment: ContainmentPort;
  notifications: Pick<NotificationsPort, 'notifyMany'>;
  officers: () => Promise<string[]>;
  fieldLabel: (key: string) => { 'zh-CN': string; en: string };
  accountExists: (accountId: string) => Promise<boolean>;
  /** Where people and the regulator reach the privacy officer (PIPL Art. 57's third part). */
  contact: string;
  now?: () => Date;
};

type RecordInput = {
  title: string;
  summary: string;
  detectedAt?: string | undefined;
  suspectAccountId?: string | null | undefined;
  eventType?: string | null | undefined;
  windowFrom: string;
  windowTo: string;
  criticalInfrastructure?: boolean | undefined;
  alertIds?: readonly string[] | undefined;
};

const NEEDS_TARGET: readonly ContainmentAction[] = ['end_sessions', 'disable_account', 'revoke_grants'];

/** Incidents: record, triage, CAC clocks, containment, blast radius, notice drafts and the post-incident review. */
export function createSecurityIncidents(deps: IncidentsDeps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(id: string) {
    const row = await repo.incident(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function view(row: SecurityIncidentsTable): Promise<TIncident> {
    const actions = await repo.actions(row.id);
    return {
      id: row.id,
      no: row.incident_no,
      title: row.title,
      summary: row.summary,
      status: row.status as TIncident['status'],
      grade: row.grade as IncidentGrade,
      affectedCount: Number(row.affected_count),
      detectedAt: row.detected_at,
      suspectAccountId: row.suspect_account_id,
      eventType: row.event_type,
      windowFrom: row.window_from,
      windowTo: row.window_to,
      criticalInfrastructure: Number(row.critical_infrastructure) === 1,
      cause: row.cause,
      measures: row.measures,
      review: row.review,
      closedAt: row.closed_at,
      clock: clockOf(row, now()),
      containment: actions.map((a) => ({ action: a.action as ContainmentAction, at: a.at, result: Number(a.result) })),
      alertIds: await repo.alertIdsOf(row.id),
    };
  }

  /** Which subjects' which fields were read by the actor and/or through the event type in the window. */
  async function radius(
    row: Pick<SecurityIncidentsTable, 'window_from' | 'window_to' | 'suspect_account_id' | 'event_type'>,
  ): Promise<TBlastRadius> {
    if (!row.suspect_account_id && !row.event_type) return { subjects: 0, items: [], fieldCounts: [] };
    const rows = await repo.revealsIn({
      from: row.window_from,
      to: row.window_to,
      actorAccountId: row.suspect_account_id,
      eventType: row.event_type,
    });
    const bySubject = new Map<string, { fields: Set<string>; seqs: number[] }>();
    for (const r of rows) {
      const subject = r.subject_id as string;
      const entry = bySubject.get(subject) ?? { fields: new Set<string>(), seqs: [] };
      for (const f of JSON.parse(r.fields) as string[]) entry.fields.add(f);
      entry.seqs.push(Number(r.seq));
      bySubject.set(subject, entry);
    }
    const items = [...bySubject]
      .map(([subjectId, e]) => ({ subjectId, fields: [...e.fields].sort(), seqs: e.seqs }))
      .sort((a, b) => a.subjectId.localeCompare(b.subjectId));
    const perField = new Map<string, number>();
    for (const i of items) for (const f of i.fields) perField.set(f, (perField.get(f) ?? 0) + 1);
    const fieldCounts = [...perField]
      .map(([field, subjects]) => ({ field, label: deps.fieldLabel(field)['zh-CN'], subjects }))
      .sort((a, b) => b.subjects - a.subjects || a.field.localeCompare(b.field));
    return { subjects: items.length, items, fieldCounts };
  }

  return {
    list: async () => ({ items: await Promise.all((await repo.incidents(200)).map(view)) }),
    get: async (id: string) => view(await load(id)),

    async record(principal: Principal, input: RecordInput, requestId?: string): Promise<TIncident> {
      guardText([
        { field: 'title', text: input.title },
        { field: 'summary', text: input.summary },
      ]);
      if (input.windowTo <= input.windowFrom) throw new AppError('VALIDATION_FAILED', 'the window must end after it starts');
      if (input.suspectAccountId && !(await deps.accountExists(input.suspectAccountId)))
        throw new AppError('VALIDATION_FAILED', 'unknown account');
      const at = now().toISOString();
      const detectedAt = input.detectedAt ?? at;
      const affected = (
        await radius({
          window_from: input.windowFrom,
          window_to: input.windowTo,
          suspect_account_id: input.suspectAccountId ?? null,
          event_type: input.eventType ?? null,
        })
      ).subjects;
      const grade = gradeOf(affected);
      const ci = input.criticalInfrastructure ?? false;
      const id = newId();
      const no = `SI-${detectedAt.slice(0, 4)}-${String((await repo.countIncidents()) + 1).padStart(4, '0')}`;
      await repo.transaction(async (trx) => {
        const tx = createSecurityRepo(trx);
        await tx.insertIncident({
          id,
          incident_no: no,
          title: input.title,
          summary: input.summary,
          status: 'open',
          grade,
          affected_count: affected,
          detected_at: detectedAt,
          suspect_account_id: input.suspectAccountId ?? null,
          event_type: input.eventType ?? null,
          window_from: input.windowFrom,
          window_to: input.windowTo,
          critical_infrastructure: ci ? 1 : 0,
          cause: null,
          measures: null,
          review: null,
          report_due_at: reportDueAt(grade, detectedAt, ci),
          reported_at: null,
          follow_up_due_at: null,
          followed_up_at: null,
          reminded_at: null,
          closed_at: null,
          created_by: principal.accountId,
          created_at: at,
          updated_at: at,
        });
        await tx.linkAlerts(id, input.alertIds ?? []);
        await deps.audit.appendInTransaction(trx, {
          type: 'security.incident_recorded',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { incidentId: id, grade, affected, alerts: input.alertIds?.length ?? 0 },
        });
      });
      return view(await load(id));
    },

    /** Cause, measures and (when known better than the trail says) the affected count; the grade and clock follow. */
    async triage(
      principal: Principal,
      id: string,
      input: { cause: string; measures: string; affectedCount?: number | undefined },
      requestId?: string,
    ) {
      guardText([
        { field: 'cause', text: input.cause },
        { field: 'measures', text: input.measures },
      ]);
      const row = await load(id);
      if (row.status === 'closed') throw new AppError('CONFLICT', 'incident is closed');
      const affected = input.affectedCount ?? Number(row.affected_count);
      const grade = gradeOf(affected);
      await repo.transaction(async (trx) => {
        await createSecurityRepo(trx).updateIncident(id, {
          cause: input.cause,
          measures: input.measures,
          affected_count: affected,
          grade,
          // A clock once started keeps its start: discovery time, not triage time.
          report_due_at: row.report_due_at ?? reportDueAt(grade, row.detected_at, Number(row.critical_infrastructure) === 1),
          updated_at: now().toISOString(),
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'security.incident_triaged',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { incidentId: id, grade, affected },
        });
      });
      return view(await load(id));
    },

    async markReported(principal: Principal, id: string, report: 'initial' | 'follow_up', requestId?: string) {
      const row = await load(id);
      const at = now().toISOString();
      if (report === 'follow_up' && !row.closed_at)
        throw new AppError('CONFLICT', 'the follow-up report comes after the incident is closed');
      await repo.transaction(async (trx) => {
        await createSecurityRepo(trx).updateIncident(
          id,
          report === 'initial' ? { reported_at: at, updated_at: at } : { followed_up_at: at, updated_at: at },
        );
        await deps.audit.appendInTransaction(trx, {
          type: 'security.incident_reported',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { incidentId: id, report },
        });
      });
      return view(await load(id));
    },

    /** Runs one containment action against the incident's suspect account (or the keys), recorded and audited. */
    async contain(principal: Principal, id: string, action: ContainmentAction, reason: string, requestId?: string) {
      guardText([{ field: 'reason', text: reason }]);
      const row = await load(id);
      if (row.status === 'closed') throw new AppError('CONFLICT', 'incident is closed');
      const target = NEEDS_TARGET.includes(action) ? row.suspect_account_id : null;
      if (NEEDS_TARGET.includes(action) && !target) throw new AppError('CONFLICT', 'the incident names no account');
      if (target === principal.accountId) throw new AppError('FORBIDDEN', 'nobody contains their own account');
      const actor = actorOf(principal);
      let result = 0;
      if (action === 'end_sessions') result = await deps.containment.endSessions(target as string);
      else if (action === 'disable_account') result = await deps.containment.disableAccount(target as string);
      else if (action === 'revoke_grants') result = await deps.containment.revokeGrants(target as string, reason);
      else result = await deps.containment.rotateKeys(actor);
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        const tx = createSecurityRepo(trx);
        await tx.insertAction({ id: newId(), incident_id: id, action, target, result, reason, by_account_id: principal.accountId, at });
        if (row.status === 'open') await tx.updateIncident(id, { status: 'contained', updated_at: at });
        await deps.audit.appendInTransaction(trx, {
          type: 'security.containment_run',
          actor,
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { incidentId: id, action, targetAccountId: target, result },
        });
      });
      return view(await load(id));
    },

    async blastRadius(principal: Principal, id: string, requestId?: string): Promise<TBlastRadius> {
      const found = await radius(await load(id));
      await deps.audit.append({
        type: 'security.blast_radius_computed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { incidentId: id, subjects: found.subjects, records: found.items.reduce((n, i) => n + i.seqs.length, 0) },
      });
      return found;
    },

    async notices(principal: Principal, id: string, requestId?: string) {
      const row = await load(id);
      const found = await radius(row);
      const items = draftNotices({
        incident: row,
        fields: found.fieldCounts.map((f) => deps.fieldLabel(f.field)),
        containment: (await repo.actions(id)).map((a) => a.action as ContainmentAction),
        contact: deps.contact,
      });
      await deps.audit.append({
        type: 'security.notices_drafted',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { incidentId: id, notices: items.length },
      });
      return { items };
    },

    /** Closes with the post-incident review; a reportable incident's follow-up report falls due 30 days later. */
    async close(principal: Principal, id: string, review: string, requestId?: string) {
      guardText([{ field: 'review', text: review }]);
      const row = await load(id);
      if (row.status === 'closed') throw new AppError('CONFLICT', 'incident is closed');
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        await createSecurityRepo(trx).updateIncident(id, {
          status: 'closed',
          review,
          closed_at: at,
          follow_up_due_at: followUpDueAt(row.grade as IncidentGrade, at),
          updated_at: at,
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'security.incident_closed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { incidentId: id },
        });
      });
      return view(await load(id));
    },

    /** The job: an initial report due within the hour (or overdue) and not yet sent reminds both officers, once. */
    async checkClocks(): Promise<number> {
      const t = now();
      const soon = new Date(t.getTime() + 3_600_000).toISOString();
      let reminded = 0;
      for (const row of await repo.openIncidents()) {
        if (!row.report_due_at || row.reported_at || row.reminded_at || row.report_due_at > soon) continue;
        const officers = await deps.officers();
        await deps.notifications.notifyMany(
          officers.map((accountId) => ({
            accountId,
            kind: 'security_incident_due' as const,
            params: { no: row.incident_no, due: row.report_due_at ?? '' },
            link: '/console/security/incidents',
          })),
        );
        await repo.updateIncident(row.id, { reminded_at: t.toISOString() });
        await deps.audit.append({
          type: 'security.incident_reminded',
          actor: { accountId: null, role: 'system', sessionId: null },
          decision: 'allowed',
          data: { incidentId: row.id, dueAt: row.report_due_at },
        });
        reminded += 1;
      }
      return reminded;
    },
    gradeLabel: (grade: IncidentGrade) => INCIDENT_GRADE_LABELS[grade],
  };
}

export type SecurityIncidents = ReturnType<typeof createSecurityIncidents>;
