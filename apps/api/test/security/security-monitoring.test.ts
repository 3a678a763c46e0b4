// Security monitoring on both dialects: the monitor reads what the audit log committed, raises deduplicated
// alerts to the security officer with audit sequence numbers as evidence; officers decide alerts (audited);
// incidents grade themselves from the blast radius, which lists exactly the subjects and fields an actor read;
// each containment action takes effect; the CAC clocks run on an injected clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '@sealbridge/contracts';
import { newId } from '../../src/platform/ids/index.ts';
import { createSecurityService, type SecurityService } from '../../src/modules/security/index.ts';
import type { Principal } from '../../src/platform/http/index.ts';
import { client } from '../disclosure/disclosure-fixture.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { signIn, type Session } from '../helpers/test-app.ts';

const PASSWORD = 'Seal-bridge harbour 42 lanterns';
const PEOPLE: [string, 'staff' | 'customer', Role][] = [
  ['sec-officer', 'staff', 'security_officer'],
  ['priv-officer', 'staff', 'privacy_officer'],
  ['sec-broker', 'staff', 'broker'],
  ['sec-buyer', 'customer', 'buyer'],
];

/** A bare app with the four people the tests need and one published listing (no demo seed: it is slow). */
async function createWorld(dialect: (typeof DIALECTS)[number]) {
  const t = await createIdentityTestApp(dialect);
  const ids: Record<string, string> = {};
  for (const [i, [login, kind, role]] of PEOPLE.entries())
    ids[login] = (
      await t.app.services.identity.createAccount({
        kind,
        loginName: login,
        accountNo: `${kind === 'staff' ? 'S' : 'C'}-97${i}001`,
        roles: [role],
        password: PASSWORD,
      })
    ).id;
  const at = new Date().toISOString();
  const listingId = newId();
  await t.database.db
    .insertInto('listings')
    .values({
      id: listingId,
      code: 'SB-2026-9901',
      title: '测试挂牌',
      province: '上海市',
      city: '上海市',
      industry: '软件',
      company_type: 'llc',
      established_year: 2018,
      registered_capital_wan: 100,
      taxpayer_type: 'general',
      price_kind: 'fixed',
      price_wan: 50,
      highlights: '[]',
      status: 'published',
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { t, ids, listingId };
}

const revealBy = (accountId: string, subjectId: string, fields: string[], decision: 'allowed' | 'denied' = 'allowed') => ({
  type: 'vault.fields_revealed',
  actor: { accountId, role: 'broker', sessionId: null },
  decision,
  purpose: 'deal_execution',
  subjectId,
  fields,
  data: { table: 'account_profiles', recordId: subjectId },
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

for (const dialect of DIALECTS) {
  describe(`security monitoring on ${dialect}`, () => {
    let w: { t: IdentityTestApp; listingId: string; broker: Session; buyer: Session };
    let officer: Session;
    let privacy: Session;
    let ids: Record<string, string>;
    const api = () => client(w.t.app);
    const services = () => w.t.app.services;
    const auditOf = async (type: string) =>
      w.t.database.db.selectFrom('audit_log').selectAll().where('type', '=', type).orderBy('seq').execute();

    before(async () => {
      const world = await createWorld(dialect);
      ids = world.ids;
      // The officer's own address for e-mail copies of notices.
      await world.t.app.services.profiles.updateOwn(
        {
          accountId: ids['sec-officer'] ?? '',
          sessionId: 'test',
          kind: 'staff',
          roles: ['security_officer'],
          csrfToken: '',
          stage: 'active',
        },
        { email: 'sec.officer@example.com' },
      );
      const [o, p, b, c] = await Promise.all(PEOPLE.map(([login]) => signIn(world.t.app, login, PASSWORD)));
      w = { t: world.t, listingId: world.listingId, broker: b as Session, buyer: c as Session };
      officer = o as Session;
      privacy = p as Session;
    });
    after(async () => w.t.close());

    test('thirty reveals by one broker raise one bulk-reveal alert for the security officer, with those records as evidence', async () => {
      const broker = newId();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => services().auditLog.append(revealBy(broker, `subj-bulk-${i}`, ['account_profiles.mobile']))),
      );
      await services().security.monitor.catchUp();
      const reveals = await w.t.database.db
        .selectFrom('audit_log')
        .select('seq')
        .where('actor_account_id', '=', broker)
        .orderBy('seq')
        .execute();
      const list = (await api().get(officer, '/api/security/alerts')).json() as {
        items: { id: string; rule: string; actorAccountId: string; evidence: number[]; hits: number }[];
      };
      const mine = list.items.filter((a) => a.actorAccountId === broker && a.rule === 'bulk_reveal');
      assert.equal(mine.length, 1);
      assert.deepEqual(
        mine[0]?.evidence,
        reveals.map((r) => Number(r.seq)),
      );
      const raised = (await auditOf('security.alert_raised')).filter((r) => JSON.parse(r.data).alertId === mine[0]?.id);
      assert.equal(raised.length, 1);
      const notices = await w.t.database.db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', ids['sec-officer'] ?? '')
        .where('kind', '=', 'security_alert')
        .execute();
      assert.ok(notices.length >= 1, 'the officer has an in-app notice');
      await services().delivery.drain();
      const mailed = w.t.outbox.messages.filter((m) => m.to === 'sec.officer@example.com');
      assert.ok(mailed.length >= 1, 'and an e-mail copy through the delivery port');

      // Five more within the hour join the same alert.
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          services().auditLog.append(revealBy(broker, `subj-bulk-more-${i}`, ['account_profiles.mobile'])),
        ),
      );
      await services().security.monitor.catchUp();
      const again = ((await api().get(officer, '/api/security/alerts')).json() as typeof list).items.filter(
        (a) => a.actorAccountId === broker && a.rule === 'bulk_reveal',
      );
      assert.equal(again.length, 1);
      assert.equal(again[0]?.hits, 6);

      // Replaying the same history finds the same episode: merged, not doubled.
      const replay = await api().post(officer, '/api/security/replay', { fromSeq: reveals[0]?.seq ?? 1 });
      assert.equal(replay.statusCode, 200);
      const afterReplay = ((await api().get(officer, '/api/security/alerts')).json() as typeof list).items.filter(
        (a) => a.actorAccountId === broker && a.rule === 'bulk_reveal',
      );
      assert.equal(afterReplay.length, 1);
      assert.equal((await auditOf('security.rules_replayed')).length, 1);
    });

    test('a broker reading a client assigned after their usual clients were loaded raises no unusual-client alert', async () => {
      const broker = ids['sec-broker'] ?? '';
      const alertsOn = async (seq: number) =>
        (await w.t.database.db.selectFrom('security_alerts').select('evidence').where('rule', '=', 'unusual_client').execute()).filter(
          (a) => (JSON.parse(a.evidence) as number[]).includes(seq),
        );
      // A first read loads (and caches) the broker's usual clients; the subject is nobody's, so that one is unusual.
      await services().auditLog.append(revealBy(broker, 'subj-nobody', ['account_profiles.mobile']));
      await services().security.monitor.catchUp();
      // Then the buyer becomes the broker's client, and the broker reads the buyer's profile at once.
      const buyer = ids['sec-buyer'] ?? '';
      await services().profiles.updateOwn(
        { accountId: buyer, sessionId: 'test', kind: 'customer', roles: ['buyer'], csrfToken: '', stage: 'active' },
        { email: 'sec.buyer@example.com' },
      );
      await services().profiles.assignClient(buyer, broker, ids['sec-officer'] ?? '');
      const profile = await w.t.database.db
        .selectFrom('account_profiles')
        .select('subject_id')
        .where('account_id', '=', buyer)
        .executeTakeFirstOrThrow();
      await services().auditLog.append(revealBy(broker, profile.subject_id, ['account_profiles.email']));
      await services().security.monitor.catchUp();
      const [first, second] = (
        await w.t.database.db
          .selectFrom('audit_log')
          .select('seq')
          .where('actor_account_id', '=', broker)
          .where('type', '=', 'vault.fields_revealed')
          .orderBy('seq')
          .execute()
      ).map((r) => Number(r.seq));
      assert.equal((await alertsOn(first ?? 0)).length, 1, 'the stranger read is unusual');
      assert.deepEqual(await alertsOn(second ?? 0), [], 'the new client is not');
    });

    test('an append hook that throws neither fails nor delays the append', async () => {
      const off = services().auditLog.onAppended(() => {
        throw new Error('a broken listener');
      });
      try {
        await services().auditLog.append(revealBy(newId(), 'subj-hook', ['account_profiles.mobile']));
      } finally {
        off();
      }
    });

    test('an officer acknowledges, escalates or dismisses an alert with a reason, audited; a reason holding a phone number is refused', async () => {
      const { items } = (await api().get(officer, '/api/security/alerts?status=open')).json() as { items: { id: string }[] };
      const alertId = items[0]?.id ?? '';
      const refused = await api().post(officer, `/api/security/alerts/${alertId}/decision`, {
        decision: 'dismiss',
        reason: '已电话 13912345678 核实',
      });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().code, 'FREE_TEXT_IDENTIFIERS');
      const escalated = await api().post(officer, `/api/security/alerts/${alertId}/decision`, {
        decision: 'escalate',
        reason: '疑似批量导出，转隐私负责人',
      });
      assert.equal(escalated.statusCode, 200);
      assert.equal(escalated.json().status, 'escalated');
      const decided = (await auditOf('security.alert_decided')).map((r) => JSON.parse(r.data));
      assert.deepEqual(decided, [{ alertId, decision: 'escalate' }]);
      const told = await w.t.database.db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', ids['priv-officer'] ?? '')
        .where('kind', '=', 'security_alert_escalated')
        .execute();
      assert.equal(told.length, 1);
      const forbidden = await api().get(w.broker, '/api/security/alerts');
      assert.equal(forbidden.statusCode, 403);
    });

    test('the blast radius of a compromised broker lists exactly the subjects and fields it read in the window', async () => {
      const broker = ids['sec-broker'] ?? '';
      const other = newId();
      await services().auditLog.append(revealBy(broker, 'subj-before', ['account_profiles.mobile']));
      await tick();
      const from = new Date().toISOString();
      await tick();
      await services().auditLog.append(revealBy(broker, 'subj-a', ['account_profiles.mobile']));
      await services().auditLog.append(revealBy(broker, 'subj-b', ['account_profiles.mobile']));
      await services().auditLog.append(revealBy(broker, 'subj-b', ['account_profiles.id_number']));
      await services().auditLog.append(revealBy(broker, 'subj-refused', ['account_profiles.id_number'], 'denied'));
      await services().auditLog.append(revealBy(other, 'subj-other', ['account_profiles.mobile']));
      await tick();
      const to = new Date().toISOString();
      await tick();
      await services().auditLog.append(revealBy(broker, 'subj-after', ['account_profiles.email']));
      const created = await api().post(privacy, '/api/security/incidents', {
        title: '经纪人账号疑似被盗用',
        summary: '告警显示异常批量查看',
        suspectAccountId: broker,
        windowFrom: from,
        windowTo: to,
      });
      assert.equal(created.statusCode, 201, created.body);
      const incident = created.json();
      assert.equal(incident.affectedCount, 2);
      assert.equal(incident.grade, 'general');
      assert.equal(incident.clock.reportDueAt, null);
      const radius = (await api().get(privacy, `/api/security/incidents/${incident.id}/blast-radius`)).json();
      assert.deepEqual(
        radius.items.map((i: { subjectId: string; fields: string[] }) => [i.subjectId, i.fields]),
        [
          ['subj-a', ['account_profiles.mobile']],
          ['subj-b', ['account_profiles.id_number', 'account_profiles.mobile']],
        ],
      );
      assert.deepEqual(
        radius.fieldCounts.map((f: { field: string; subjects: number }) => [f.field, f.subjects]),
        [
          ['account_profiles.mobile', 2],
          ['account_profiles.id_number', 1],
        ],
      );
      // Through a route (an event type) instead of an account: everyone's reads through it in the window.
      const byRoute = await api().post(privacy, '/api/security/incidents', {
        title: '接口被滥用',
        summary: '查看接口异常调用',
        eventType: 'vault.fields_revealed',
        windowFrom: from,
        windowTo: to,
      });
      const routeRadius = (await api().get(privacy, `/api/security/incidents/${byRoute.json().id}/blast-radius`)).json();
      // The platform may read an officer's address for an alert e-mail in the same window: the oracle is the log itself.
      const all = await w.t.database.db.selectFrom('audit_log').selectAll().execute();
      const expected = [
        ...new Set(
          all
            .filter((r) => r.type === 'vault.fields_revealed' && r.decision === 'allowed' && r.subject_id && r.at >= from && r.at < to)
            .map((r) => r.subject_id as string),
        ),
      ].sort();
      assert.ok(['subj-a', 'subj-b', 'subj-other'].every((s) => expected.includes(s)));
      assert.ok(!expected.includes('subj-refused') && !expected.includes('subj-before') && !expected.includes('subj-after'));
      assert.deepEqual(
        routeRadius.items.map((i: { subjectId: string }) => i.subjectId),
        expected,
      );
      const notices = (await api().get(privacy, `/api/security/incidents/${incident.id}/notices`)).json().items as {
        audience: string;
        locale: string;
        parts: Record<string, string>;
      }[];
      assert.deepEqual(notices.map((n) => `${n.audience}/${n.locale}`).sort(), [
        'individual/en',
        'individual/zh-CN',
        'regulator/en',
        'regulator/zh-CN',
      ]);
      for (const n of notices)
        for (const part of ['incident', 'measures', 'contact']) assert.ok((n.parts[part] ?? '').length > 10, `${n.audience} ${part}`);
      assert.match(notices.find((n) => n.locale === 'zh-CN')?.parts.incident ?? '', /手机号|证件/);
    });

    test('each containment action runs from the incident, takes effect and is audited', async () => {
      const buyerId = ids['sec-buyer'] ?? '';
      const inquiryId = newId();
      const at = new Date().toISOString();
      await w.t.database.db
        .insertInto('inquiries')
        .values({
          id: inquiryId,
          listing_id: w.listingId,
          buyer_account_id: buyerId,
          buyer_type: 'company',
          budget_band: '100to300',
          timeline: '1to3m',
          note: '',
          status: 'accepted',
          created_at: at,
          updated_at: at,
          decided_at: at,
          decided_by: null,
          decision_reason: null,
        })
        .execute();
      const grantId = newId();
      await w.t.database.db
        .insertInto('disclosure_grants')
        .values({
          id: grantId,
          listing_id: w.listingId,
          buyer_account_id: buyerId,
          inquiry_id: inquiryId,
          level: 'L1',
          state: 'approved',
          requested_at: at,
          decided_at: at,
          decided_by: null,
          decision_reason: null,
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
          updated_at: at,
        })
        .execute();
      const created = await api().post(officer, '/api/security/incidents', {
        title: '买方账号异常',
        summary: '疑似账号被盗',
        suspectAccountId: buyerId,
        windowFrom: new Date(Date.now() - 3_600_000).toISOString(),
        windowTo: new Date(Date.now() + 60_000).toISOString(),
      });
      const incidentId = created.json().id as string;
      const contain = (action: string) =>
        api().post(officer, `/api/security/incidents/${incidentId}/containment`, { action, reason: '事件处置' });

      const revoked = await contain('revoke_grants');
      assert.equal(revoked.statusCode, 200, revoked.body);
      const grant = await w.t.database.db
        .selectFrom('disclosure_grants')
        .select('state')
        .where('id', '=', grantId)
        .executeTakeFirstOrThrow();
      assert.equal(grant.state, 'revoked');

      assert.equal((await api().get(w.buyer, '/api/me/notifications')).statusCode, 200);
      assert.equal((await contain('end_sessions')).statusCode, 200);
      assert.equal((await api().get(w.buyer, '/api/me/notifications')).statusCode, 401, 'the session ended');

      assert.equal((await contain('disable_account')).statusCode, 200);
      await assert.rejects(signIn(w.t.app, 'sec-buyer', PASSWORD), /sign-in failed/);

      const kekBefore = (await auditOf('vault.kek_rotated')).length;
      const rotated = await contain('rotate_keys');
      assert.equal(rotated.statusCode, 200);
      assert.equal((await auditOf('vault.kek_rotated')).length, kekBefore + 1);

      const incident = rotated.json();
      assert.equal(incident.status, 'contained');
      assert.deepEqual(
        incident.containment.map((c: { action: string; result: number }) => [c.action, c.result]),
        [
          ['revoke_grants', 1],
          ['end_sessions', 1],
          ['disable_account', 1],
          ['rotate_keys', 1],
        ],
      );
      const audited = (await auditOf('security.containment_run')).map((r) => JSON.parse(r.data).action);
      assert.deepEqual(audited, ['revoke_grants', 'end_sessions', 'disable_account', 'rotate_keys']);
      assert.equal(
        (await api().post(privacy, `/api/security/incidents/${incidentId}/containment`, { action: 'rotate_keys', reason: 'x' })).statusCode,
        403,
      );
    });

    describe('incident clocks (injected clock)', () => {
      let clock: Date;
      let security: SecurityService;
      const sent: { accountId: string; kind: string }[] = [];
      const officerPrincipal = (): Principal => ({
        accountId: ids['sec-officer'] ?? '',
        sessionId: 's',
        kind: 'staff',
        roles: ['security_officer'],
        csrfToken: '',
        stage: 'active',
      });
      const at = (ms: number) => new Date(Date.parse('2026-12-05T02:00:00Z') + ms);
      const HOUR = 3_600_000;

      before(() => {
        clock = at(0);
        security = createSecurityService({
          db: w.t.database.db,
          audit: services().auditLog,
          notifications: { notifyMany: async (inputs) => void sent.push(...inputs.map((i) => ({ accountId: i.accountId, kind: i.kind }))) },
          containment: {
            endSessions: async () => 0,
            disableAccount: async () => 0,
            revokeGrants: async () => 0,
            rotateKeys: async () => 0,
          },
          usualClientsOf: async () => new Set(),
          isSensitiveField: () => false,
          fieldLabel: (key) => ({ 'zh-CN': key, en: key }),
          staffWithRole: async (role) => [role === 'security_officer' ? (ids['sec-officer'] ?? '') : (ids['priv-officer'] ?? '')],
          accountNumbers: async () => new Map(),
          contact: 'privacy@example.cn',
          logger: w.t.logger,
          now: () => clock,
        });
      });

      const record = async (criticalInfrastructure: boolean) => {
        const created = await security.incidents.record(officerPrincipal(), {
          title: '数据库备份外泄',
          summary: '备份文件在外部网站出现',
          windowFrom: at(-HOUR).toISOString(),
          windowTo: at(0).toISOString(),
          criticalInfrastructure,
        });
        return security.incidents.triage(officerPrincipal(), created.id, {
          cause: '备份存储配置错误',
          measures: '已关闭公开访问',
          affectedCount: 1_000_000,
        });
      };

      test('1,000,000 affected grades 较大 with the report due 4 h after discovery; reminded once in the last hour, overdue after', async () => {
        const incident = await record(false);
        assert.equal(incident.grade, 'major');
        assert.equal(incident.clock.reportDueAt, at(4 * HOUR).toISOString());
        clock = at(2 * HOUR);
        assert.equal(await security.incidents.checkClocks(), 0);
        clock = at(3 * HOUR + 60_000);
        assert.equal(await security.incidents.checkClocks(), 1);
        assert.equal(await security.incidents.checkClocks(), 0, 'once');
        assert.deepEqual(
          new Set(sent.filter((s) => s.kind === 'security_incident_due').map((s) => s.accountId)),
          new Set([ids['sec-officer'], ids['priv-officer']]),
        );
        clock = at(4 * HOUR + 60_000);
        assert.equal((await security.incidents.get(incident.id)).clock.reportOverdue, true);
        const reported = await security.incidents.markReported(officerPrincipal(), incident.id, 'initial');
        assert.equal(reported.clock.reportOverdue, false);

        const closed = await security.incidents.close(officerPrincipal(), incident.id, '复盘：备份存储默认私有，增加配置巡检');
        assert.equal(closed.clock.followUpDueAt, new Date(clock.getTime() + 30 * 24 * HOUR).toISOString());
        clock = new Date(clock.getTime() + 30 * 24 * HOUR + 60_000);
        assert.equal((await security.incidents.get(incident.id)).clock.followUpOverdue, true);
        assert.equal((await security.incidents.markReported(officerPrincipal(), incident.id, 'follow_up')).clock.followUpOverdue, false);
      });

      test('for critical infrastructure the report is due 1 h after discovery; a general incident has no CAC clock', async () => {
        clock = at(0);
        const critical = await record(true);
        assert.equal(critical.clock.reportDueAt, at(HOUR).toISOString());
        const general = await security.incidents.record(officerPrincipal(), {
          title: '单个账号异常',
          summary: '一名客户的账号被撞库登录',
          windowFrom: at(-HOUR).toISOString(),
          windowTo: at(0).toISOString(),
        });
        assert.equal(general.grade, 'general');
        assert.equal(general.clock.reportDueAt, null);
      });
    });
  });
}
