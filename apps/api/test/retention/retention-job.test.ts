import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RETENTION_CLASSES, RETENTION_SCHEDULE } from '@sealbridge/contracts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { createRetentionRepo, createRetentionService, type RetentionService } from '../../src/modules/retention/index.ts';
import { certificateSignerFrom } from '../../src/modules/retention/index.ts';
import { ERASED_TEXT, PERSONAL_DATA_COPIES, type PersonalDataCopy } from '../../src/modules/vault/index.ts';
import { clockOf, hasComputableClock } from '../../src/modules/retention/retention-sweep.ts';
import type { Principal } from '../../src/platform/http/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { generateKeyPairSync } from 'node:crypto';

/**
 * Issue 14 item 6, time travel with an injected clock: a record past its ceiling is destroyed the day after it, never
 * before its floor, never under a legal hold; every batch leaves a signed certificate that verifies, and fails to once
 * changed.
 */
describe('the retention schedule', () => {
  test('every retention class has a rule whose floor does not outlast its ceiling', () => {
    assert.deepEqual(Object.keys(RETENTION_SCHEDULE).sort(), [...RETENTION_CLASSES].sort());
    const days = (p: { years: number; days: number }) => p.years * 366 + p.days;
    for (const rule of Object.values(RETENTION_SCHEDULE)) assert.ok(days(rule.floor) <= days(rule.ceiling), rule.retentionClass);
  });

  test('every swept copy (a class with a ceiling, not retained) has a clock the sweep can compute', () => {
    const swept = PERSONAL_DATA_COPIES.filter(
      (c) => c.action !== 'retain' && RETENTION_SCHEDULE[c.retention].ceiling.years + RETENTION_SCHEDULE[c.retention].ceiling.days > 0,
    );
    for (const copy of swept) assert.ok(hasComputableClock(RETENTION_SCHEDULE[copy.retention], copy), `${copy.module}.${copy.table}`);
    const dealLife = swept.filter((c) => c.retention.startsWith('deal_life'));
    assert.ok(
      ['deal_events', 'deal_checklist_marks', 'dataroom_questions', 'inquiries', 'thread_messages'].every((t) =>
        dealLife.some((c) => c.table === t),
      ),
    );
    const withoutPath: PersonalDataCopy = { ...dealLife.find((c) => c.table === 'deal_events')!, dealPath: undefined };
    assert.equal(
      hasComputableClock(RETENTION_SCHEDULE.deal_life_plus_10y, withoutPath),
      false,
      'a deal-life copy without a deal path fails',
    );
  });

  test('the deal_end clock starts at the later of the record and its deal end, never while a deal runs', () => {
    const rule = RETENTION_SCHEDULE.deal_life_plus_10y;
    const base = { id: 'r', subject_id: null, account_id: 'a', clock_at: '2026-01-01T00:00:00.000Z', closed_at: null };
    const deal = { via: 'deal', deal: 't.deal_id' } as const;
    const party = { via: 'party', account: 't.account_id' } as const;
    const ended = { ...base, deal_running: 0, deal_end_at: '2026-03-01T00:00:00.000Z' };
    assert.equal(clockOf(rule, ended, deal)?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(clockOf(rule, { ...ended, clock_at: '2026-04-01T00:00:00.000Z' }, deal)?.toISOString(), '2026-04-01T00:00:00.000Z');
    assert.equal(clockOf(rule, { ...ended, deal_running: '1' }, deal), null, 'a running deal: no clock');
    assert.equal(clockOf(rule, { ...ended, deal_end_at: null }, deal), null, 'no end yet: no clock');
    assert.equal(clockOf(rule, ended), null, 'no deal path: no clock');
    assert.equal(clockOf(rule, ended, party), null, 'a party record waits for the account to close');
    assert.equal(clockOf(rule, { ...ended, closed_at: '2026-02-01T00:00:00.000Z' }, party)?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(clockOf(rule, { ...ended, closed_at: '2027-02-01T00:00:00.000Z' }, party)?.toISOString(), '2027-02-01T00:00:00.000Z');
  });

  test('every copy the job sweeps declares the date its clock starts from', () => {
    const swept = PERSONAL_DATA_COPIES.filter((c) => c.clockColumn && c.action !== 'retain');
    assert.ok(swept.some((c) => c.table === 'delivery_outbox') && swept.some((c) => c.table === 'privacy_tickets'));
    for (const copy of swept) assert.ok(copy.subjectColumn || copy.textColumns?.length || copy.action === 'delete', copy.table);
  });
});

const officer = (accountId: string): Principal => ({
  accountId,
  sessionId: 'retention-officer',
  kind: 'staff',
  roles: ['privacy_officer'],
  csrfToken: '',
  stage: 'active',
});

for (const dialect of DIALECTS) {
  describe(`the retention job on ${dialect}`, () => {
    let t: TestApp;
    let job: RetentionService;
    const clock = { at: 0 };
    const ids = { alice: '', bob: '', officer: '' };

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const make = async (loginName: string, accountNo: string, kind: 'staff' | 'customer', role: string) =>
        (await identity.createAccount({ kind, loginName, accountNo, roles: [role as 'buyer'], password: `pw-${loginName}-1` })).id;
      ids.alice = await make('ret-alice', 'C-71', 'customer', 'buyer');
      ids.bob = await make('ret-bob', 'C-72', 'customer', 'buyer');
      ids.officer = await make('ret-officer', 'S-71', 'staff', 'privacy_officer');
      const s = t.app.services;
      job = createRetentionService({
        repo: createRetentionRepo(t.database.db),
        erasure: s.erasure,
        audit: s.auditLog,
        signer: certificateSignerFrom(generateKeyPairSync('ed25519').privateKey, 'test.example/sealbridge-retention'),
        now: () => new Date(clock.at),
      });
    });
    after(async () => t.close());

    const db = () => t.database.db;
    async function readable(table: 'delivery_outbox' | 'privacy_tickets', id: string): Promise<boolean> {
      const row = await db().selectFrom(table).select(['subject_id']).where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      const ct =
        table === 'delivery_outbox'
          ? (await db().selectFrom('delivery_outbox').select('body_ct as ct').where('id', '=', id).executeTakeFirst())?.ct
          : (await db().selectFrom('privacy_tickets').select('message_ct as ct').where('id', '=', id).executeTakeFirst())?.ct;
      const subject = await t.app.services.vault.findSubject(row.subject_id);
      return Boolean(ct) && subject !== undefined && !subject.erased;
    }

    test('an outbox message goes the day after its 180-day ceiling, not the day before, and the certificate verifies', async () => {
      const s = t.app.services;
      await s.delivery.send({
        channel: 'email',
        to: 'old-ret@example.com',
        template: 'listing_alert',
        params: { count: 1, codes: 'A', url: 'x' },
      });
      await s.delivery.send({
        channel: 'email',
        to: 'new-ret@example.com',
        template: 'listing_alert',
        params: { count: 1, codes: 'B', url: 'x' },
      });
      const rows = await db().selectFrom('delivery_outbox').select('id').orderBy('id').execute();
      const [old, recent] = [rows[rows.length - 2]!.id, rows[rows.length - 1]!.id];
      await db().updateTable('delivery_outbox').set({ created_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', old).execute();
      await db().updateTable('delivery_outbox').set({ created_at: '2026-03-01T00:00:00.000Z' }).where('id', '=', recent).execute();

      clock.at = Date.parse('2026-06-29T00:00:00Z'); // day 179 of the old one
      const early = await job.run();
      assert.equal(early.destroyed, 0);
      assert.ok(await readable('delivery_outbox', old));

      clock.at = Date.parse('2026-07-01T00:00:00Z'); // day 181
      const preview = await job.dryRun(officer(ids.officer));
      const outboxPreview = preview.counts.find((c) => c.table === 'delivery_outbox')!;
      assert.equal(outboxPreview.destroyed, 1, 'the dry run counts what would go');
      assert.ok(await readable('delivery_outbox', old), 'a dry run destroys nothing');
      assert.ok(!JSON.stringify(preview).includes('old-ret'), 'no personal value in the report');

      const run = await job.run();
      assert.equal(run.counts.find((c) => c.table === 'delivery_outbox')!.destroyed, 1);
      assert.equal(await readable('delivery_outbox', old), false, 'past its ceiling: gone');
      assert.equal(await readable('delivery_outbox', recent), true, 'within its ceiling: kept');

      const overview = await job.overview();
      const certificate = overview.certificates.find((c) => c.runId === run.id && c.table === 'delivery_outbox')!;
      assert.equal(certificate.count, 1);
      assert.equal(certificate.retentionClass, 'verification_180d');
      assert.deepEqual(await job.verifyCertificate(certificate.id), {
        certificateNo: certificate.certificateNo,
        valid: true,
        reason: null,
      });
    });

    test('a changed certificate fails verification, whether its record or its signed note was changed', async () => {
      const certificate = (await job.overview()).certificates[0]!;
      await db()
        .updateTable('retention_certificates')
        .set({ count: certificate.count + 1 })
        .where('id', '=', certificate.id)
        .execute();
      assert.deepEqual(await job.verifyCertificate(certificate.id), {
        certificateNo: certificate.certificateNo,
        valid: false,
        reason: 'mismatch_count',
      });
      await db()
        .updateTable('retention_certificates')
        .set({
          count: certificate.count + 1,
          note: certificate.note.replace(`count ${certificate.count}\n`, `count ${certificate.count + 1}\n`),
        })
        .where('id', '=', certificate.id)
        .execute();
      assert.equal((await job.verifyCertificate(certificate.id)).reason, 'signature_invalid');
    });

    test('a ticket of a closed account stays under its 3-year floor and under a legal hold, and goes once both have passed', async () => {
      const s = t.app.services;
      const ticketOf = async (accountId: string) => {
        const p = { ...officer(accountId), kind: 'customer' as const, roles: ['buyer'] };
        const receipt = await s.consent.openTicket(p, 'feedback', { topic: 'other', message: '想了解数据的保存期限。' });
        return (await db().selectFrom('privacy_tickets').select('id').where('ticket_no', '=', receipt.ticketNo).executeTakeFirstOrThrow())
          .id;
      };
      const [aliceTicket, bobTicket] = [await ticketOf(ids.alice), await ticketOf(ids.bob)];
      await db()
        .updateTable('privacy_tickets')
        .set({ created_at: '2026-01-01T00:00:00.000Z' })
        .where('id', 'in', [aliceTicket, bobTicket])
        .execute();
      await db().updateTable('accounts').set({ closed_at: '2026-02-01T00:00:00.000Z' }).where('id', 'in', [ids.alice, ids.bob]).execute();

      clock.at = Date.parse('2029-01-31T00:00:00Z'); // the day before the floor has run from the closing day
      const underFloor = await job.run();
      const tickets = underFloor.counts.find((c) => c.table === 'privacy_tickets')!;
      assert.equal(tickets.destroyed, 0);
      assert.ok(tickets.underFloor >= 2);
      assert.ok(await readable('privacy_tickets', aliceTicket));

      const hold = await job.placeHold(officer(ids.officer), { scope: 'account', accountNo: 'C-72', reason: '诉讼保全：争议处理中' });
      clock.at = Date.parse('2029-02-02T00:00:00Z');
      const held = (await job.run()).counts.find((c) => c.table === 'privacy_tickets')!;
      assert.equal(held.destroyed, 1);
      assert.equal(held.held, 1);
      assert.equal(await readable('privacy_tickets', aliceTicket), false, 'past the ceiling, no hold: gone');
      assert.equal(await readable('privacy_tickets', bobTicket), true, 'under a legal hold: kept');

      const lifted = await job.liftHold(officer(ids.officer), hold.id, '争议已结案');
      assert.ok(lifted.liftedAt);
      await assert.rejects(job.liftHold(officer(ids.officer), hold.id, '再次解除'), { code: 'RETENTION_HOLD_LIFTED' });
      await job.run();
      assert.equal(await readable('privacy_tickets', bobTicket), false, 'hold lifted: goes at the next run');
      const types = (await db().selectFrom('audit_log').select('type').where('type', 'like', 'retention.%').execute()).map((r) => r.type);
      assert.ok(['retention.hold_placed', 'retention.hold_lifted', 'retention.swept', 'retention.dry_run'].every((x) => types.includes(x)));
    });

    test('deal records go the day after their deal end plus the ceiling; running deals never; deal and listing holds keep theirs', async () => {
      const stamp = '2026-01-01T00:00:00.000Z';
      const listing = async (id: string, code: string, status: 'published' | 'withdrawn', updatedAt: string) =>
        db()
          .insertInto('listings')
          .values({
            id,
            code,
            title: '示例公司',
            province: '上海',
            city: '上海',
            industry: '科技',
            company_type: 'llc',
            established_year: 2018,
            registered_capital_wan: 100,
            taxpayer_type: 'general',
            price_kind: 'negotiable',
            price_wan: null,
            highlights: '',
            status,
            published_at: stamp,
            created_at: stamp,
            updated_at: updatedAt,
          })
          .execute();
      await listing('ret-l1', 'RL-1', 'published', stamp);
      await listing('ret-l2', 'RL-2', 'published', stamp);
      await listing('ret-l3', 'RL-3', 'withdrawn', '2026-03-01T00:00:00.000Z');
      const deal = (id: string, code: string, listingId: string, status: 'open' | 'closed', closedAt: string | null) => ({
        id,
        code,
        listing_id: listingId,
        listing_code: code,
        seller_account_id: ids.bob,
        buyer_account_id: ids.alice,
        broker_account_id: null,
        subject_id: `${id}-subject`,
        stage: status === 'open' ? 'diligence' : 'closed',
        status,
        started_at: stamp,
        stage_entered_at: stamp,
        closed_at: closedAt,
        updated_at: closedAt ?? stamp,
      });
      await db()
        .insertInto('deals')
        .values([deal('ret-d1', 'RD-1', 'ret-l1', 'closed', '2026-03-01T00:00:00.000Z'), deal('ret-d2', 'RD-2', 'ret-l2', 'open', null)])
        .execute();
      const event = (id: string, dealId: string) => ({
        id,
        deal_id: dealId,
        at: '2026-02-01T00:00:00.000Z',
        actor_account_id: ids.bob,
        side: 'seller',
        action: 'note',
        from_stage: null,
        to_stage: null,
        note: '交接说明',
      });
      await db()
        .insertInto('deal_events')
        .values([event('ret-e1', 'ret-d1'), event('ret-e2', 'ret-d2')])
        .execute();
      await db()
        .insertInto('deal_checklist_marks')
        .values({
          deal_id: 'ret-d1',
          item_key: 'licence',
          done_at: '2026-02-01T00:00:00.000Z',
          done_by_side: 'seller',
          done_by_account_id: ids.bob,
          remark: '已交接',
          document_ids: '[]',
        })
        .execute();
      await db()
        .insertInto('dataroom_rooms')
        .values({
          id: 'ret-r1',
          listing_id: 'ret-l1',
          subject_id: 'ret-r1-subject',
          created_at: stamp,
          created_by: ids.bob,
          shredded_at: null,
        })
        .execute();
      await db()
        .insertInto('dataroom_questions')
        .values({
          id: 'ret-q1',
          room_id: 'ret-r1',
          document_id: null,
          asker_account_id: ids.alice,
          text: '审计报告在哪里？',
          asked_at: '2026-02-01T00:00:00.000Z',
          published: 0,
          answer_text: null,
          answered_by: null,
          answered_role: null,
          answered_at: null,
        })
        .execute();
      const inquiry = (id: string, listingId: string) => ({
        id,
        listing_id: listingId,
        buyer_account_id: ids.alice,
        buyer_type: 'company',
        budget_band: 'b1',
        timeline: 't1',
        note: '想了解报价',
        status: 'declined' as const,
        created_at: '2026-02-01T00:00:00.000Z',
        updated_at: stamp,
        decided_at: stamp,
        decided_by: null,
        decision_reason: null,
      });
      await db()
        .insertInto('inquiries')
        .values([inquiry('ret-i1', 'ret-l1'), inquiry('ret-i3', 'ret-l3')])
        .execute();

      const text = async (table: 'deal_events' | 'dataroom_questions' | 'inquiries', column: 'note' | 'text', id: string) =>
        ((await db().selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Record<string, unknown>)[column];
      const remark = async () =>
        (await db().selectFrom('deal_checklist_marks').select('remark').where('deal_id', '=', 'ret-d1').executeTakeFirstOrThrow()).remark;
      const count = (run: Awaited<ReturnType<RetentionService['run']>>, table: string) => run.counts.find((c) => c.table === table)!;
      const certified = async (runId: string, table: string) =>
        (await job.overview()).certificates.find((c) => c.runId === runId && c.table === table)?.count ?? 0;

      await assert.rejects(job.placeHold(officer(ids.officer), { scope: 'deal', dealNo: 'RD-404', reason: '诉讼保全' }), {
        code: 'NOT_FOUND',
      });
      await assert.rejects(job.placeHold(officer(ids.officer), { scope: 'listing', listingCode: 'RL-404', reason: '诉讼保全' }), {
        code: 'NOT_FOUND',
      });
      assert.equal((await db().selectFrom('retention_holds').select('id').where('scope', 'in', ['deal', 'listing']).execute()).length, 0);

      clock.at = Date.parse('2029-02-28T00:00:00Z'); // the day before deal end (and listing end) + 3 years
      await job.run();
      assert.equal(await text('dataroom_questions', 'text', 'ret-q1'), '审计报告在哪里？');
      assert.equal(await text('inquiries', 'note', 'ret-i3'), '想了解报价');

      const listingHold = await job.placeHold(officer(ids.officer), {
        scope: 'listing',
        listingCode: 'RL-3',
        reason: '诉讼保全：挂牌争议',
      });
      assert.equal(listingHold.listingCode, 'RL-3');
      clock.at = Date.parse('2029-03-02T00:00:00Z'); // the day after
      const threeYears = await job.run();
      assert.equal(await text('dataroom_questions', 'text', 'ret-q1'), ERASED_TEXT, "the finished deal's question goes");
      assert.equal(await text('inquiries', 'note', 'ret-i1'), ERASED_TEXT, 'the inquiry that became the deal goes with it');
      assert.equal(await text('inquiries', 'note', 'ret-i3'), '想了解报价', 'the held listing keeps its inquiry');
      assert.equal(count(threeYears, 'inquiries').held, 1);
      assert.equal(count(threeYears, 'dataroom_questions').destroyed, 1);
      assert.equal(await certified(threeYears.id, 'dataroom_questions'), 1);
      assert.equal(await certified(threeYears.id, 'inquiries'), count(threeYears, 'inquiries').destroyed);

      clock.at = Date.parse('2036-02-28T00:00:00Z'); // the day before deal end + 10 years
      await job.run();
      assert.equal(await text('deal_events', 'note', 'ret-e1'), '交接说明');
      const dealHold = await job.placeHold(officer(ids.officer), { scope: 'deal', dealNo: 'RD-1', reason: '诉讼保全：交易争议' });
      assert.equal(dealHold.dealNo, 'RD-1');
      clock.at = Date.parse('2036-03-02T00:00:00Z');
      const held = await job.run();
      assert.equal(await text('deal_events', 'note', 'ret-e1'), '交接说明', 'the held deal keeps its events');
      assert.equal(await remark(), '已交接', 'and its checklist marks');
      assert.equal(count(held, 'deal_events').held, 1);
      assert.equal(count(held, 'deal_checklist_marks').held, 1);

      await job.liftHold(officer(ids.officer), dealHold.id, '争议已结案');
      await job.liftHold(officer(ids.officer), listingHold.id, '争议已结案');
      const lifted = await job.run();
      assert.equal(await text('deal_events', 'note', 'ret-e1'), ERASED_TEXT, 'hold lifted: the next run removes them');
      assert.equal(await remark(), ERASED_TEXT);
      assert.equal(await text('inquiries', 'note', 'ret-i3'), ERASED_TEXT);
      assert.equal(await text('deal_events', 'note', 'ret-e2'), '交接说明', 'a deal still running ten years on is never swept');
      assert.equal(count(lifted, 'deal_events').destroyed, 1);
      assert.equal(await certified(lifted.id, 'deal_events'), 1);
      assert.equal(await certified(lifted.id, 'deal_checklist_marks'), 1);
      const types = (await db().selectFrom('audit_log').select(['type', 'data']).where('type', '=', 'retention.hold_placed').execute()).map(
        (r) => String(r.data),
      );
      assert.ok(types.some((d) => d.includes('"scope":"deal"')) && types.some((d) => d.includes('"scope":"listing"')));
    });
  });
}
