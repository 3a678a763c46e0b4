import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`the audit trail over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let broker: Session;
    let auditor: Session;
    let seller: Session;
    let sellerId: string;

    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.database, t.app.services);
      await t.app.ready();
      broker = await signIn(t.app, 'broker', DEMO_PASSWORD);
      auditor = await signIn(t.app, 'auditor', DEMO_PASSWORD);
      seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      const found = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        payload: { mobile: '13800000001', purpose: 'deal_execution' },
        headers: authHeaders(broker),
      });
      sellerId = found.json().accounts[0].accountId;
      const reveal = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['mobile', 'email'], purpose: 'deal_execution' },
      });
      assert.equal(reveal.statusCode, 200);
      await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${sellerId}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'deal_execution' },
      });
    });
    after(async () => t.close());

    test('a customer sees each access to their data by staff: when, role, staff number, fields and purpose', async () => {
      const res = await t.app.inject({ url: '/api/me/access-log', headers: authHeaders(seller) });
      assert.equal(res.statusCode, 200);
      const entries = res.json().entries as {
        action: string;
        decision: string;
        staffNo: string;
        actorRole: string;
        purpose: string;
        fields: { key: string; label: { 'zh-CN': string } }[];
      }[];
      const reveal = entries.find((e) => e.action === 'reveal' && e.decision === 'allowed');
      assert.ok(reveal);
      assert.equal(reveal.staffNo, 'S-1001');
      assert.equal(reveal.actorRole, 'broker');
      assert.equal(reveal.purpose, 'deal_execution');
      assert.deepEqual(
        reveal.fields.map((f) => f.label['zh-CN']),
        ['手机号码', '电子邮箱'],
      );
      assert.ok(
        entries.some((e) => e.action === 'reveal' && e.decision === 'denied'),
        'refused attempts are shown too',
      );
      assert.ok(
        entries.some((e) => e.action === 'lookup'),
        'blind-index lookups are shown too',
      );
    });

    test("the customer's own reads are not listed as accesses, and another customer sees none of these", async () => {
      await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(seller),
        payload: { fields: ['mobile'], purpose: 'account_service' },
      });
      const own = (await t.app.inject({ url: '/api/me/access-log', headers: authHeaders(seller) })).json().entries as {
        staffNo: string | null;
      }[];
      assert.ok(own.every((e) => e.staffNo !== 'C-100001'));
      const buyer = await signIn(t.app, 'buyer', DEMO_PASSWORD);
      const other = (await t.app.inject({ url: '/api/me/access-log', headers: authHeaders(buyer) })).json().entries;
      assert.deepEqual(other, []);
    });

    test("an auditor finds accesses by the subject's mobile through the blind index, and by purpose and decision", async () => {
      const bySubject = await t.app.inject({
        method: 'POST',
        url: '/api/audit/search',
        payload: { subjectMobile: '+8613800000001', action: 'reveal' },
        headers: authHeaders(auditor),
      });
      assert.equal(bySubject.statusCode, 200);
      assert.equal(bySubject.json().total, 2);
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/audit/search',
        payload: { decision: 'denied', purpose: 'deal_execution' },
        headers: authHeaders(auditor),
      });
      assert.equal(denied.json().items[0].fields[0], 'account_profiles.id_number');
      assert.equal(denied.json().items[0].dataValid, true);
    });

    test('a broker cannot search the audit trail', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/audit/search', payload: {}, headers: authHeaders(broker) });
      assert.equal(res.statusCode, 403);
    });

    test('an export of a date range is reproducible byte for byte, as CSV and JSON', async () => {
      const url = (format: string) => `/api/audit/export?from=2000-01-01&to=2999-01-01&format=${format}`;
      const a = await t.app.inject({ url: url('csv'), headers: authHeaders(auditor) });
      const b = await t.app.inject({ url: url('csv'), headers: authHeaders(auditor) });
      assert.equal(a.statusCode, 200);
      assert.match(String(a.headers['content-type']), /text\/csv/);
      // The second export includes the first export's own audit record: compare the common prefix of records.
      const firstLines = a.body.trim().split('\n');
      assert.deepEqual(b.body.trim().split('\n').slice(0, firstLines.length), firstLines);
      assert.equal(
        firstLines[0],
        'seq,at,type,action,decision,actor_account_id,actor_role,staff_no,purpose,subject_id,fields,request_id,data,prev_hash,leaf_hash',
      );
      const j1 = await t.app.inject({ url: '/api/audit/export?from=2000-01-01&to=2001-01-01&format=json', headers: authHeaders(auditor) });
      const j2 = await t.app.inject({ url: '/api/audit/export?from=2000-01-01&to=2001-01-01&format=json', headers: authHeaders(auditor) });
      assert.equal(j1.body, j2.body);
      assert.equal(j1.body, '[]\n');
    });

    test('the latest checkpoint is public, and the integrity check passes', async () => {
      await t.app.services.auditLog.checkpointNow();
      const cp = await t.app.inject('/api/audit/checkpoint');
      assert.equal(cp.statusCode, 200);
      assert.match(cp.json().note, /sealbridge-audit\n\d+\n/);
      const integrity = await t.app.inject({ url: '/api/audit/integrity', headers: authHeaders(auditor) });
      assert.equal(integrity.json().ok, true);
    });

    test('when the audit write fails, a reveal answers 5xx and carries no personal data', async () => {
      const db = t.database.db;
      if (dialect === 'sqlite') {
        await sql`create trigger audit_fail before insert on audit_log begin select raise(abort, 'injected audit failure'); end`.execute(
          db,
        );
      } else {
        await sql
          .raw(
            `create or replace function audit_fail() returns trigger language plpgsql as $$ begin raise exception 'injected audit failure'; end $$`,
          )
          .execute(db);
        await sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail()`.execute(db);
      }
      try {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/staff/customers/${sellerId}/reveal`,
          headers: authHeaders(broker),
          payload: { fields: ['mobile'], purpose: 'deal_execution' },
        });
        assert.ok(res.statusCode >= 500, `status ${res.statusCode}`);
        assert.doesNotMatch(res.body, /13800000001|\+86/);
        assert.equal(res.json().code, 'SERVICE_UNAVAILABLE');
      } finally {
        await sql`drop trigger audit_fail ${sql.raw(dialect === 'postgres' ? 'on audit_log' : '')}`.execute(db);
      }
    });
  });
}

describe('npm run cli -- audit verify', () => {
  test('exits 0 on an intact log and 1 naming the first bad sequence number after tampering', async () => {
    const t = await createTestApp('sqlite');
    try {
      await seedDemo(t.database, t.app.services);
      await signIn(t.app, 'broker', DEMO_PASSWORD);
      await t.app.services.auditLog.stop();
      await t.app.services.auditLog.checkpointNow();
      const env = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      const ok = spawnSync(process.execPath, ['scripts/run.mjs', 'apps/api/src/cli/main.ts', 'audit', 'verify', '--json'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      assert.equal(ok.status, 0, ok.stderr);
      assert.equal(JSON.parse(ok.stdout).ok, true);
      await sql`drop trigger audit_log_no_delete`.execute(t.database.db);
      await sql`delete from audit_log where seq = 3`.execute(t.database.db);
      const bad = spawnSync(process.execPath, ['scripts/run.mjs', 'apps/api/src/cli/main.ts', 'audit', 'verify'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /first bad sequence number 3/);
    } finally {
      await t.close();
    }
  });
});
