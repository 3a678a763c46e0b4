import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { TTransparencyFigures } from '@sealbridge/contracts';
import type { Database } from '../../src/db/schema.ts';
import { createVendorsRepo, type TransferRequest } from '../../src/modules/vendors/index.ts';
import { loadChinaCalendar } from '../../src/platform/calendar/index.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import {
  createRightsFixture,
  fileRequest,
  officerPrincipal,
  principal,
  staffAction,
  type RightsFixture,
} from '../rights/rights-fixture.ts';
import { giveConsent, registerReadyVendor, type VendorsFixture } from '../vendors/vendors-fixture.ts';

const PAST = '2026-Q3';
const DAY = 86_400_000;

/** A Beijing calendar quarter as UTC instants and days, written out here independently of the module. */
function bounds(period: string) {
  const [year, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const start = Date.UTC(year, (q - 1) * 3, 1) - 8 * 3600_000;
  const end = Date.UTC(year, q * 3, 1) - 8 * 3600_000;
  const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), fromDay: day(start), toDay: day(end - 1) };
}
const currentQuarter = () => {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  return `${beijing.getUTCFullYear()}-Q${Math.floor(beijing.getUTCMonth() / 3) + 1}`;
};

/** The same figures, counted with plain SQL over the tables (the oracle of the test). */
async function countedBySql(db: Kysely<Database>, period: string): Promise<TTransparencyFigures> {
  const { from, to, fromDay, toDay } = bounds(period);
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;
  const one = async (query: ReturnType<typeof sql<{ n: unknown }>>) => Number((await rows(query))[0]?.n ?? 0);
  const final = sql.join(['fulfilled', 'corrected', 'erased', 'closed', 'restricted', 'answered', 'refused'].map((s) => sql`${s}`));
  const byKind = await rows(
    sql<{
      kind: string;
      n: unknown;
    }>`select kind, count(*) as n from rights_requests where created_at >= ${from} and created_at < ${to} group by kind`,
  );
  const answered = await rows(
    sql<{ created_at: string; due_at: string; closed_at: string }>`select created_at, due_at, closed_at from rights_requests
      where status in (${final}) and closed_at >= ${from} and closed_at < ${to}`,
  );
  const calendar = loadChinaCalendar();
  const days = answered.map((r) => calendar.workingDaysBetween(new Date(r.created_at), new Date(r.closed_at))).sort((a, b) => a - b);
  const median =
    days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const inTime = await one(sql`select count(*) as n from rights_requests where status in (${final})
      and closed_at >= ${from} and closed_at < ${to} and closed_at <= due_at`);
  const grades = ['general', 'major', 'serious', 'especially_serious'];
  const incidentCount = (grade: string | null, reported: boolean) =>
    one(sql`select count(*) as n from security_incidents where detected_at >= ${from} and detected_at < ${to}
      ${grade ? sql`and grade = ${grade}` : sql``} ${reported ? sql`and reported_at is not null` : sql``}`);
  const transfers = (where: ReturnType<typeof sql>) =>
    one(sql`select count(*) as n from data_transfers where created_at >= ${from} and created_at < ${to} and ${where}`);
  const persons = (where: ReturnType<typeof sql>) =>
    one(sql`select count(distinct subject_digest) as n from data_transfers where created_at >= ${from} and created_at < ${to}
      and outcome = 'allowed' and cross_border = 1 and ${where}`);
  const authority = (where: ReturnType<typeof sql>) =>
    one(
      sql`select count(*) as n from transparency_authority_requests where received_on >= ${fromDay} and received_on <= ${toDay} and ${where}`,
    );
  const staffReveals = (decision: string) =>
    sql`from audit_log a join accounts s on s.id = a.actor_account_id where a.type = 'vault.fields_revealed'
      and a.at >= ${from} and a.at < ${to} and s.kind = 'staff' and a.decision = ${decision}`;
  const purposes = await rows(
    sql<{ purpose: string; n: unknown }>`select a.purpose as purpose, count(*) as n ${staffReveals('allowed')} group by a.purpose`,
  );
  const bases = [
    'criminal_investigation',
    'administrative_enforcement',
    'court_order',
    'regulatory_inspection',
    'national_security',
    'other',
  ] as const;
  return {
    rights: {
      received: byKind.reduce((s, r) => s + Number(r.n), 0),
      answered: answered.length,
      answeredInTime: inTime,
      answeredLate: answered.length - inTime,
      medianWorkingDays: median,
      receivedByKind: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)]).sort()),
    },
    feedback: {
      received: await one(
        sql`select count(*) as n from privacy_tickets where kind = 'feedback' and created_at >= ${from} and created_at < ${to}`,
      ),
      closed: await one(
        sql`select count(*) as n from privacy_tickets where kind = 'feedback' and status = 'closed' and closed_at >= ${from} and closed_at < ${to}`,
      ),
    },
    incidents: {
      total: await incidentCount(null, false),
      reportedToRegulator: await incidentCount(null, true),
      byGrade: await Promise.all(
        grades.map(async (grade) => ({ grade, total: await incidentCount(grade, false), reported: await incidentCount(grade, true) })),
      ),
    },
    transfers: {
      toThirdParties: await transfers(sql`outcome = 'allowed' and cross_border = 0`),
      abroad: await transfers(sql`outcome = 'allowed' and cross_border = 1`),
      refused: await transfers(sql`outcome = 'refused'`),
      personsAbroad: await persons(sql`1 = 1`),
      personsAbroadSensitive: await persons(sql`sensitive = 1`),
    },
    authorityRequests: {
      received: await authority(sql`1 = 1`),
      disclosed: await authority(sql`disclosed = 1`),
      personsAffected: await one(
        sql`select coalesce(sum(persons_affected), 0) as n from transparency_authority_requests
          where received_on >= ${fromDay} and received_on <= ${toDay} and disclosed = 1`,
      ),
      byLegalBasis: await Promise.all(
        bases.map(async (legalBasis) => ({
          legalBasis,
          received: await authority(sql`legal_basis = ${legalBasis}`),
          disclosed: await authority(sql`legal_basis = ${legalBasis} and disclosed = 1`),
        })),
      ),
    },
    staffAccesses: {
      total: purposes.reduce((s, r) => s + Number(r.n), 0),
      refused: await one(sql`select count(*) as n ${staffReveals('denied')}`),
      byPurpose: purposes
        .map((r) => ({ purpose: r.purpose, count: Number(r.n) }))
        .sort((a, b) => b.count - a.count || a.purpose.localeCompare(b.purpose)),
    },
    consentWithdrawals: await one(
      sql`select count(*) as n from consent_events where decision = 'withdrawn' and at >= ${from} and at < ${to}`,
    ),
    erasures: {
      accountsErased: await one(
        sql`select count(*) as n from audit_log where type = 'lifecycle.account_erased' and at >= ${from} and at < ${to}`,
      ),
      recordsDestroyedByRetention: await one(
        sql`select coalesce(sum(count), 0) as n from retention_certificates where destroyed_at >= ${from} and destroyed_at < ${to}`,
      ),
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`the quarterly transparency report (${dialect})`, () => {
    let f: RightsFixture;
    let broker: Session;
    const now = currentQuarter();
    const call = (session: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
      f.t.app.inject({ method, url, headers: session ? authHeaders(session) : {}, ...(payload ? { payload } : {}) });

    before(async () => {
      f = await createRightsFixture(dialect);
      const s = f.t.app.services;
      const officer = officerPrincipal(f.ids.officer);
      // Rights requests answered at various times (the module's own service with a clock the test moves).
      f.stepUp.fresh = true;
      const explain = async (filedAt: string, answeredAt: string | null) => {
        f.clock.at = Date.parse(filedAt);
        const filed = await f.timed.file(principal(f.ids.alice), { kind: 'explanation', question: '请说明数据保存多久。' });
        if (!answeredAt) return;
        f.clock.at = Date.parse(answeredAt);
        await f.timed.answer(officer, filed.id, '按保存期限表处理，详见隐私中心。');
      };
      await explain('2026-07-06T02:00:00Z', '2026-07-08T02:00:00Z'); // in time, 2 working days
      await explain('2026-08-03T02:00:00Z', '2026-09-10T02:00:00Z'); // late
      await explain('2026-08-20T02:00:00Z', '2026-08-31T02:00:00Z'); // in time
      await explain('2026-06-29T02:00:00Z', '2026-07-02T02:00:00Z'); // received in Q2, answered in Q3
      await explain('2026-09-28T02:00:00Z', null); // received, still open
      f.clock.at = Date.now();
      assert.equal((await fileRequest(f, f.alice, { kind: 'access' })).statusCode, 201);

      // Privacy feedback: two received, one closed and one read by the officer (a staff access with a purpose).
      for (const message of ['请问我的数据保存多久？', '希望增加导出格式。'])
        assert.equal((await call(null, 'POST', '/api/privacy/feedback', { topic: 'question', message })).statusCode, 201);
      const tickets = (await call(f.officer, 'GET', '/api/staff/privacy/tickets')).json().tickets as { id: string }[];
      assert.equal((await call(f.officer, 'POST', `/api/staff/privacy/tickets/${tickets[0]!.id}/close`)).statusCode, 200);
      assert.equal((await call(f.officer, 'POST', `/api/staff/privacy/tickets/${tickets[1]!.id}/reveal`)).statusCode, 200);

      // A broker reads an assigned client's mobile for a deal (another purpose).
      const brokerId = (
        await s.identity.createAccount({
          kind: 'staff',
          loginName: 'tr.broker',
          accountNo: 'S-31',
          roles: ['broker'],
          password: 'pw-tr.broker-1',
        })
      ).id;
      await completeStaffTraining(s, brokerId);
      await s.profiles.assignClient(f.ids.alice, brokerId, 'test');
      assert.equal(
        (await f.t.app.inject({ method: 'PUT', url: '/api/me/profile', headers: authHeaders(f.alice), payload: { mobile: '13700003333' } }))
          .statusCode,
        200,
      );
      broker = await signIn(f.t.app, 'tr.broker', 'pw-tr.broker-1');
      const revealed = await call(broker, 'POST', `/api/staff/customers/${f.ids.alice}/reveal`, {
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.equal(revealed.statusCode, 200, revealed.body);

      // Incidents: one in the past quarter reported to the regulator, one this quarter.
      const incident = async (detectedAt: string) => {
        const res = await call(f.officer, 'POST', '/api/security/incidents', {
          title: '异常批量查看',
          summary: '告警显示异常批量查看',
          detectedAt,
          windowFrom: new Date(Date.parse(detectedAt) - 3600_000).toISOString(),
          windowTo: detectedAt,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const reported = await incident('2026-08-10T03:00:00Z');
      assert.equal((await call(f.officer, 'POST', `/api/security/incidents/${reported}/reported`, { report: 'initial' })).statusCode, 200);
      await incident(new Date().toISOString());

      // Transfers through the sharing gateway: two to a processor at home, one abroad (sensitive), one refused.
      const v = s.vendors;
      const vf = { app: f.t.app, officer, repo: createVendorsRepo(f.t.database.db) } as unknown as VendorsFixture;
      await registerReadyVendor(vf, { vendorKey: 'acme_kyc' });
      await registerReadyVendor(vf, { vendorKey: 'sg_processor', country: 'SG', categories: ['identity_document'], sensitive: true });
      await v.crossBorder.record(officer, {
        kind: 'standard_contract',
        reference: 'SCC-2026-01',
        effectiveAt: new Date(Date.now() - DAY).toISOString(),
      });
      const request = (vendorKey: string, accountId: string, extra: Partial<TransferRequest> = {}): TransferRequest => ({
        vendorKey,
        purpose: 'deal_execution',
        channel: 'api',
        subject: { accountId },
        categories: ['identity'],
        sensitive: false,
        ...extra,
      });
      await v.gateway.authorize(request('acme_kyc', f.ids.alice));
      await v.gateway.authorize(request('acme_kyc', f.ids.bob));
      await giveConsent(vf, f.ids.alice, 'cross_border', 'destination:sg_processor');
      await v.gateway.authorize(request('sg_processor', f.ids.alice, { categories: ['identity_document'], sensitive: true }));
      await assert.rejects(v.gateway.authorize(request('nobody_we_know', f.ids.bob)), { code: 'TRANSFER_REFUSED' });

      // A consent withdrawn (the same separate consent, taken back).
      const withdrawn = await call(f.alice, 'POST', '/api/me/consents/withdraw', {
        purpose: 'deal_execution',
        kind: 'cross_border',
        recipient: 'destination:sg_processor',
      });
      assert.equal(withdrawn.statusCode, 201, withdrawn.body);

      // Authority requests in the register: two last quarter, one today.
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      for (const [receivedOn, legalBasis, disclosed, personsAffected] of [
        ['2026-07-15', 'criminal_investigation', true, 3],
        ['2026-09-30', 'court_order', false, 2],
        [today, 'administrative_enforcement', true, 1],
      ] as const) {
        const res = await call(f.officer, 'POST', '/api/staff/transparency/authority-requests', {
          authority: '某市公安局经侦支队',
          legalBasis,
          receivedOn,
          disclosed,
          personsAffected,
          note: '依调取证据通知书提供交易记录。',
        });
        assert.equal(res.statusCode, 201, res.body);
      }

      // An erasure: the deletion request of a customer, executed.
      const deletion = await fileRequest(f, f.bob, { kind: 'deletion' });
      assert.equal(deletion.statusCode, 201, deletion.body);
      assert.equal((await staffAction(f, deletion.json().id, 'advance', { status: 'in_progress' })).statusCode, 200);
      const executed = await staffAction(f, deletion.json().id, 'execute');
      assert.equal(executed.json().status, 'erased', executed.body);
    });
    after(async () => f.t.close());

    test("the report's numbers equal counts taken directly from the database, for the past and the current quarter", async () => {
      for (const period of [PAST, now]) {
        const res = await call(f.officer, 'POST', `/api/staff/transparency/reports/${period}/generate`);
        assert.equal(res.statusCode, 200, res.body);
        const report = res.json();
        assert.equal(report.status, 'draft');
        assert.deepEqual(report.figures, await countedBySql(f.t.database.db, period), period);
      }
      const past = (await call(f.officer, 'GET', `/api/staff/transparency/reports/${PAST}`)).json().figures as TTransparencyFigures;
      // Not vacuous: the seeded quarter holds what the test put there.
      assert.deepEqual(
        [past.rights.received, past.rights.answered, past.rights.answeredInTime, past.rights.answeredLate, past.rights.medianWorkingDays],
        [4, 4, 3, 1, 5],
        '2, 3, 7 and 28 working days: the median of four is the mean of 3 and 7',
      );
      assert.deepEqual([past.incidents.total, past.incidents.reportedToRegulator], [1, 1]);
      assert.deepEqual(
        [past.authorityRequests.received, past.authorityRequests.disclosed, past.authorityRequests.personsAffected],
        [2, 1, 3],
      );
      const current = (await call(f.officer, 'GET', `/api/staff/transparency/reports/${now}`)).json().figures as TTransparencyFigures;
      assert.deepEqual([current.transfers.toThirdParties, current.transfers.abroad, current.transfers.refused], [2, 1, 1]);
      assert.deepEqual([current.transfers.personsAbroad, current.transfers.personsAbroadSensitive], [1, 1]);
      assert.equal(current.feedback.received, 2);
      assert.equal(current.feedback.closed, 1);
      assert.equal(current.consentWithdrawals, 1);
      assert.equal(current.erasures.accountsErased, 1);
      assert.ok(current.staffAccesses.byPurpose.some((p) => p.purpose === 'deal_execution' && p.count >= 1));
      assert.ok(current.staffAccesses.byPurpose.length >= 2, 'accesses are grouped by purpose');
    });

    test('only the privacy officer drafts and publishes, and a draft is not public', async () => {
      for (const session of [broker, f.alice]) {
        assert.equal((await call(session, 'POST', `/api/staff/transparency/reports/${PAST}/generate`)).statusCode, 403);
        assert.equal((await call(session, 'POST', `/api/staff/transparency/reports/${PAST}/publish`)).statusCode, 403);
      }
      assert.equal((await call(null, 'GET', `/api/privacy/transparency/${PAST}`)).json().code, 'NOT_FOUND');
      assert.deepEqual((await call(null, 'GET', '/api/privacy/transparency')).json().reports, []);
      const page = await call(null, 'GET', `/privacy/transparency?period=${PAST}`);
      assert.match(page.body, /data-prerendered/);
      assert.ok(page.body.includes('暂无已发布的透明度报告'), 'the server-rendered page says there is no report');
      assert.ok(!page.body.includes('<dt>收到</dt>'), 'and shows no figure of the draft');
      const open = await call(f.officer, 'POST', `/api/staff/transparency/reports/${now}/publish`);
      assert.equal(open.json().code, 'TRANSPARENCY_QUARTER_OPEN', 'a quarter still running cannot be published');
    });

    test('a published report is public and frozen: later records and regeneration do not change it', async () => {
      const published = await call(f.officer, 'POST', `/api/staff/transparency/reports/${PAST}/publish`);
      assert.equal(published.statusCode, 200, published.body);
      const visitor = await call(null, 'GET', `/api/privacy/transparency/${PAST}`);
      assert.equal(visitor.statusCode, 200);
      assert.deepEqual(visitor.json(), published.json());
      assert.deepEqual(
        (await call(null, 'GET', '/api/privacy/transparency')).json().reports.map((r: { period: string }) => r.period),
        [PAST],
      );
      const late = await call(f.officer, 'POST', '/api/staff/transparency/authority-requests', {
        authority: '某区市场监督管理局',
        legalBasis: 'administrative_enforcement',
        receivedOn: '2026-08-01',
        disclosed: true,
        personsAffected: 7,
      });
      assert.equal(late.statusCode, 201);
      assert.equal(
        (await call(f.officer, 'POST', `/api/staff/transparency/reports/${PAST}/generate`)).json().code,
        'TRANSPARENCY_REPORT_PUBLISHED',
      );
      assert.equal(
        (await call(f.officer, 'POST', `/api/staff/transparency/reports/${PAST}/publish`)).json().code,
        'TRANSPARENCY_REPORT_PUBLISHED',
      );
      assert.deepEqual((await call(null, 'GET', `/api/privacy/transparency/${PAST}`)).json(), visitor.json());
      // The server-rendered page shows the frozen figures, in zh-CN, before any script runs.
      const html = (await call(null, 'GET', '/privacy/transparency')).body;
      const label = `${PAST.slice(0, 4)}年第${PAST.slice(6)}季度`;
      assert.ok(html.includes(`<h2>${label}</h2>`), `the latest published quarter (${label}) is shown`);
      const past = (visitor.json() as { figures: TTransparencyFigures }).figures;
      assert.ok(html.includes(`<dt>收到</dt><dd>${past.rights.received}</dd>`), 'rights requests received');
      assert.ok(html.includes(`<dt>已向监管部门报告</dt><dd>${past.incidents.reportedToRegulator}</dd>`), 'incidents reported');
      assert.ok(html.includes(`<dt>提供了数据</dt><dd>${past.authorityRequests.disclosed}</dd>`), 'authority requests disclosed');
      const audit = await f.t.database.db
        .selectFrom('audit_log')
        .select(['type', 'actor_account_id'])
        .where('type', 'like', 'transparency.%')
        .execute();
      assert.ok(audit.some((a) => a.type === 'transparency.report_published' && a.actor_account_id === f.ids.officer));
    });

    test('the quarterly job drafts the previous quarter and never touches a published one', async () => {
      const [year, q] = [Number(now.slice(0, 4)), Number(now.slice(6))];
      const previous = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
      const before = (await call(f.officer, 'GET', `/api/staff/transparency/reports/${previous}`)).json();
      const result = await f.t.app.services.transparency.draftPreviousQuarter();
      assert.equal(result.period, previous);
      const afterJob = (await call(f.officer, 'GET', `/api/staff/transparency/reports/${previous}`)).json();
      if (before.status === 'published') assert.deepEqual([result.drafted, afterJob], [false, before]);
      else assert.deepEqual([result.drafted, afterJob.status], [true, 'draft']);
    });

    test('the authority register refuses identifiers in its texts', async () => {
      const res = await call(f.officer, 'POST', '/api/staff/transparency/authority-requests', {
        authority: '某市公安局',
        legalBasis: 'criminal_investigation',
        receivedOn: '2026-10-09',
        disclosed: false,
        personsAffected: 1,
        note: '涉及手机号13812345678的用户',
      });
      assert.equal(res.json().code, 'FREE_TEXT_IDENTIFIERS');
    });
  });
}
