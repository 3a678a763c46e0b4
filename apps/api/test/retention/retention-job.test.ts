import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RETENTION_CLASSES, RETENTION_SCHEDULE } from '@sealbridge/contracts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { createRetentionRepo, createRetentionService, type RetentionService } from '../../src/modules/retention/index.ts';
import { certificateSignerFrom } from '../../src/modules/retention/index.ts';
import { PERSONAL_DATA_COPIES } from '../../src/modules/vault/index.ts';
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
  });
}
