import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, SecurityAlertsTable, SecurityIncidentActionsTable, SecurityIncidentsTable } from '../../db/schema.ts';

const CURSOR_ID = 'monitor';

/** Queries of the security module: its own tables, and reads of the audit log (never a write to it). */
export function createSecurityRepo(db: Kysely<Database> | Transaction<Database>) {
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(fn),
    async cursor(): Promise<number | undefined> {
      const row = await db.selectFrom('security_monitor_state').select('last_seq').where('id', '=', CURSOR_ID).executeTakeFirst();
      return row ? Number(row.last_seq) : undefined;
    },
    saveCursor: (seq: number, at: string) =>
      db
        .insertInto('security_monitor_state')
        .values({ id: CURSOR_ID, last_seq: seq, updated_at: at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ last_seq: seq, updated_at: at }))
        .execute(),
    /** Audit records after `afterSeq`, in sequence order, a page at a time. */
    auditPage: (afterSeq: number, limit: number, uptoSeq = Number.MAX_SAFE_INTEGER) =>
      db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).where('seq', '<=', uptoSeq).orderBy('seq').limit(limit).execute(),
    auditHead: async () =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('m'))
            .executeTakeFirst()
        )?.m ?? 0,
      ),
    /** The first record at or after a time (to warm the rules up, or learn thresholds, over a recent stretch). */
    firstSeqSince: async (at: string) =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.min('seq').as('m'))
            .where('at', '>=', at)
            .executeTakeFirst()
        )?.m ?? 0,
      ),

    alertByKey: (key: string) => db.selectFrom('security_alerts').selectAll().where('episode_key', '=', key).executeTakeFirst(),
    alert: (id: string) => db.selectFrom('security_alerts').selectAll().where('id', '=', id).executeTakeFirst(),
    insertAlert: (row: SecurityAlertsTable) =>
      db
        .insertInto('security_alerts')
        .values(row)
        .onConflict((oc) => oc.column('episode_key').doNothing())
        .executeTakeFirst(),
    updateAlert: (id: string, columns: Partial<SecurityAlertsTable>) =>
      db.updateTable('security_alerts').set(columns).where('id', '=', id).execute(),
    listAlerts: (status: string | undefined, limit: number) => {
      let q = db.selectFrom('security_alerts').selectAll();
      if (status) q = q.where('status', '=', status);
      return q.orderBy('last_at', 'desc').orderBy('id').limit(limit).execute();
    },
    openAlertsBySeverity: () =>
      db
        .selectFrom('security_alerts')
        .select(['severity', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('status', 'in', ['open', 'escalated'])
        .groupBy('severity')
        .execute(),
    countOpenAlerts: async () =>
      Number(
        (
          await db
            .selectFrom('security_alerts')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('status', '=', 'open')
            .executeTakeFirst()
        )?.n ?? 0,
      ),

    insertIncident: (row: SecurityIncidentsTable) => db.insertInto('security_incidents').values(row).execute(),
    incident: (id: string) => db.selectFrom('security_incidents').selectAll().where('id', '=', id).executeTakeFirst(),
    incidents: (limit: number) => db.selectFrom('security_incidents').selectAll().orderBy('created_at', 'desc').limit(limit).execute(),
    openIncidents: () => db.selectFrom('security_incidents').selectAll().where('status', '<>', 'closed').execute(),
    countIncidents: async () =>
      Number(
        (
          await db
            .selectFrom('security_incidents')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      ),
    updateIncident: (id: string, columns: Partial<SecurityIncidentsTable>) =>
      db.updateTable('security_incidents').set(columns).where('id', '=', id).execute(),
    linkAlerts: (incidentId: string, alertIds: readonly string[]) =>
      alertIds.length
        ? db
            .updateTable('security_alerts')
            .set({ incident_id: incidentId })
            .where('id', 'in', [...alertIds])
            .execute()
        : Promise.resolve([]),
    alertIdsOf: async (incidentId: string) =>
      (await db.selectFrom('security_alerts').select('id').where('incident_id', '=', incidentId).orderBy('id').execute()).map((r) => r.id),
    insertAction: (row: SecurityIncidentActionsTable) => db.insertInto('security_incident_actions').values(row).execute(),
    actions: (incidentId: string) =>
      db.selectFrom('security_incident_actions').selectAll().where('incident_id', '=', incidentId).orderBy('at').orderBy('id').execute(),

    /**
     * Allowed reveals in [from, to) by an actor and/or through an event type (a route), in sequence order: what the
     * blast radius is made of. Subject ids and field keys only.
     */
    revealsIn: (q: { from: string; to: string; actorAccountId: string | null; eventType: string | null }) => {
      let query = db
        .selectFrom('audit_log')
        .select(['seq', 'subject_id', 'fields'])
        .where('action', '=', 'reveal')
        .where('decision', '=', 'allowed')
        .where('subject_id', 'is not', null)
        .where('at', '>=', q.from)
        .where('at', '<', q.to);
      if (q.actorAccountId) query = query.where('actor_account_id', '=', q.actorAccountId);
      if (q.eventType) query = query.where('type', '=', q.eventType);
      return query.orderBy('seq').execute();
    },

    /** Per UTC day: counts of records grouped by the given columns, from `from` on (the dashboard). */
    async dailyCounts(
      from: string,
      where: { action?: string; decision?: 'allowed' | 'denied'; type?: string },
      by: 'purpose' | 'actor_role' | null,
    ) {
      const day = sql<string>`substr(at, 1, 10)`;
      let q = db
        .selectFrom('audit_log')
        .select([day.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('at', '>=', from);
      if (by) q = q.select(sql<string | null>`${sql.ref(by)}`.as('k')).groupBy(by);
      if (where.action) q = q.where('action', '=', where.action);
      if (where.decision) q = q.where('decision', '=', where.decision);
      if (where.type) q = q.where('type', '=', where.type);
      const rows = await q.groupBy(day).execute();
      return rows.map((r) => ({ day: r.day, n: Number(r.n), k: (r as { k?: string | null }).k ?? null }));
    },
    topRevealers: (from: string, limit: number) =>
      db
        .selectFrom('audit_log')
        .select(['actor_account_id', 'actor_role', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('at', '>=', from)
        .where('action', '=', 'reveal')
        .where('actor_account_id', 'is not', null)
        .groupBy(['actor_account_id', 'actor_role'])
        .orderBy('n', 'desc')
        .limit(limit)
        .execute(),
  };
}

export type SecurityRepo = ReturnType<typeof createSecurityRepo>;
