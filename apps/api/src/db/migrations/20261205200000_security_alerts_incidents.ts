import type { Kysely } from 'kysely';

/**
 * Security monitoring (modules/security): the monitor's cursor over the audit log, alerts (one per rule + actor +
 * episode, evidence = audit sequence numbers), incidents with their CAC clocks, and the containment actions run
 * from an incident. Staff-written text only (guarded); no personal value is stored.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('security_monitor_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('security_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_key', 'text', (c) => c.notNull().unique())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_alerts_status').on('security_alerts').columns(['status', 'last_at']).execute();
  await db.schema
    .createTable('security_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_no', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('affected_count', 'integer', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('suspect_account_id', 'text')
    .addColumn('event_type', 'text')
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('critical_infrastructure', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('measures', 'text')
    .addColumn('review', 'text')
    .addColumn('report_due_at', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('follow_up_due_at', 'text')
    .addColumn('followed_up_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('security_incident_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('security_incidents.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('result', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('security_incident_actions_incident')
    .on('security_incident_actions')
    .columns(['incident_id', 'at'])
    .execute();
}
