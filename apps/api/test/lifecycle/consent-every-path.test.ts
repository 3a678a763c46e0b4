import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Purpose } from '@sealbridge/contracts';
import { consentNeededFor } from '../../src/modules/consent/index.ts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { consentBased, PERSONAL_FIELDS, type Actor } from '../../src/modules/vault/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { idNumber, submission } from '../verification/verification-fixture.ts';

/**
 * Issue 14 item 1: one consent guard on every path. The registry's consent-based fields (legal basis `consent` /
 * `separate_consent`) and the code paths that reveal them are enumerated here; a path that does not ask the guard fails.
 */
const CONSENT_FIELDS = PERSONAL_FIELDS.filter(consentBased);

/** Every HTTP path that reveals a consent-based field to someone other than the subject, by registry table. */
const REVEAL_PATHS: Record<string, { file: string; route: string }> = {
  account_profiles: { file: 'modules/profiles/profiles-service.ts', route: 'POST /api/staff/customers/:id/reveal' },
  identity_verifications: { file: 'modules/verification/verification-service.ts', route: 'POST /api/staff/verifications/:id/reveal' },
};
/**
 * Files that call vault.reveal on such a table but never for a consent-based field (checked: none of those field names
 * appears in them). Should one start to, the vault's gate asks anyway, and this list fails until the path is tested.
 */
const REVEALS_ONLY_OTHER_FIELDS = ['modules/disclosure/disclosure-views.ts'];

const SRC = join(import.meta.dirname, '../../src');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the consent-based fields and the paths that reveal them', () => {
  test('the registry has consent-based fields, and each of their tables has a reveal path listed and tested here', () => {
    assert.ok(CONSENT_FIELDS.length >= 4);
    for (const field of CONSENT_FIELDS)
      assert.ok(REVEAL_PATHS[field.table], `${field.key} rests on consent: list the path that reveals it`);
  });

  test('every source file that calls vault.reveal on a table holding a consent-based field is a listed path', () => {
    const tables = new Set(CONSENT_FIELDS.map((f) => f.table));
    const listed = new Set(Object.values(REVEAL_PATHS).map((p) => p.file));
    for (const path of sourceFiles(join(SRC, 'modules'))) {
      const text = readFileSync(path, 'utf8');
      if (!/vault\.reveal\(/.test(text)) continue;
      const touches = [...tables].filter((table) => text.includes(`'${table}'`));
      const relative = path.slice(SRC.length + 1);
      if (REVEALS_ONLY_OTHER_FIELDS.includes(relative)) {
        for (const field of CONSENT_FIELDS.filter((f) => touches.includes(f.table))) {
          assert.doesNotMatch(text, new RegExp(`'${field.field}'`), `${relative} names ${field.key}: list and test its path`);
        }
        continue;
      }
      for (const table of touches) assert.ok(listed.has(relative), `${relative} reveals ${table}: list and test it here`);
    }
  });

  test('the vault itself asks the consent gate, so no module can reveal a consent-based field without it', () => {
    const vault = readFileSync(join(SRC, 'modules/vault/vault-service.ts'), 'utf8');
    const reveal = vault.slice(vault.indexOf('async reveal('), vault.indexOf('async eraseSubject('));
    assert.match(reveal, /deps\.consentGate\(/);
    assert.ok(reveal.indexOf('deps.consentGate(') < reveal.indexOf('keyring.readField('), 'asked before anything is decrypted');
  });
});

for (const dialect of DIALECTS) {
  describe(`one consent guard on every path on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let broker: Session;
    let sellerId: string;
    let brokerId: string;
    const ID = idNumber('110105', '19760815');

    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const make = async (loginName: string, accountNo: string, kind: 'staff' | 'customer', role: string) =>
        (await identity.createAccount({ kind, loginName, accountNo, roles: [role as 'buyer'], password: `pw-${loginName}-1` })).id;
      sellerId = await make('seller', 'C-1', 'customer', 'seller');
      brokerId = await make('broker', 'S-1', 'staff', 'broker');
      await t.app.services.profiles.assignClient(sellerId, brokerId, 'test');
      await completeStaffTraining(t.app.services, brokerId);
      await t.app.ready();
      seller = await signIn(t.app, 'seller', 'pw-seller-1');
      broker = await signIn(t.app, 'broker', 'pw-broker-1');
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(seller),
        payload: { realName: '司马相如', mobile: '13700001234', idNumber: ID, wechat: 'sima_demo_1' },
      });
      assert.equal(put.statusCode, 200, put.body);
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: authHeaders(seller),
        payload: submission({ idNumber: ID }),
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      await t.app.services.consent.publishNotice(
        { prose: { 'zh-CN': '政策', en: 'Notice' }, effectiveAt: new Date().toISOString(), changedPurposes: [] },
        null,
      );
    });
    after(async () => t.close());

    const consent = async (action: 'give' | 'withdraw', purpose: Purpose, kind: 'general' | 'sensitive') => {
      const notice = (await t.app.inject({ url: '/api/privacy/notices/current' })).json();
      const res = await t.app.inject({
        method: 'POST',
        url: action === 'give' ? '/api/me/consents' : '/api/me/consents/withdraw',
        headers: authHeaders(seller),
        payload:
          action === 'give'
            ? { purpose, kind, decision: 'given', noticeVersion: notice.version, uiTextHash: '0'.repeat(64) }
            : { purpose, kind },
      });
      assert.equal(res.statusCode, 201, res.body);
    };
    const verificationId = async () =>
      (await t.database.db.selectFrom('identity_verifications').select('id').where('account_id', '=', sellerId).executeTakeFirstOrThrow())
        .id;
    const revealVia: Record<string, (fields: string[], purpose: Purpose) => Promise<{ statusCode: number; body: string }>> = {
      account_profiles: async (fields, purpose) =>
        t.app.inject({
          method: 'POST',
          url: `/api/staff/customers/${sellerId}/reveal`,
          headers: authHeaders(broker),
          payload: { fields: fields.map((f) => ({ id_number: 'idNumber', wechat: 'wechat' })[f] ?? f), purpose },
        }),
      identity_verifications: async (fields, purpose) =>
        t.app.inject({
          method: 'POST',
          url: `/api/staff/verifications/${await verificationId()}/reveal`,
          headers: authHeaders(broker),
          payload: {
            fields: fields.map((f) => ({ id_number: 'idNumber', id_front_image: 'idFrontImage', id_back_image: 'idBackImage' })[f] ?? f),
            purpose,
          },
        }),
    };

    test('after the customer withdraws the identity-verification consent, the verification page no longer reveals the ID number', async () => {
      await consent('give', 'identity_verification', 'sensitive');
      const before = await revealVia.identity_verifications!(['id_number'], 'identity_verification');
      assert.equal(before.statusCode, 200, before.body);
      assert.match(before.body, new RegExp(ID));
      await consent('withdraw', 'identity_verification', 'sensitive');
      const after = await revealVia.identity_verifications!(['id_number'], 'identity_verification');
      assert.equal(after.statusCode, 403, after.body);
      assert.equal(JSON.parse(after.body).code, 'CONSENT_REQUIRED');
      assert.doesNotMatch(after.body, new RegExp(ID.slice(6, 14)));
    });

    test('every consent-based field, on every path that reveals it, for every purpose that needs consent, is refused once consent is withdrawn', async () => {
      const asked: string[] = [];
      for (const field of CONSENT_FIELDS) {
        for (const purpose of field.purposes.filter((p) => consentNeededFor(field.key, p))) {
          const def = consentNeededFor(field.key, purpose)!;
          const state = await t.database.db
            .selectFrom('consent_events')
            .select('decision')
            .where('account_id', '=', sellerId)
            .where('consent_key', '=', `${def.kind}:${purpose}`)
            .orderBy('seq', 'desc')
            .executeTakeFirst();
          if (state?.decision !== 'withdrawn') {
            if (state?.decision !== 'given') await consent('give', purpose, def.kind as 'general' | 'sensitive');
            await consent('withdraw', purpose, def.kind as 'general' | 'sensitive');
          }
          const res = await revealVia[field.table]!([field.field], purpose);
          assert.equal(res.statusCode, 403, `${field.key} for ${purpose}: ${res.body}`);
          assert.equal(JSON.parse(res.body).code, 'CONSENT_REQUIRED', `${field.key} for ${purpose}`);
          asked.push(`${field.key}|${purpose}`);
        }
      }
      assert.ok(asked.includes('identity_verifications.id_number|identity_verification'));
      assert.ok(asked.includes('account_profiles.wechat|deal_execution'));
    });

    test('the vault refuses a consent-based field to staff and to the platform when no account holds the consent, and the subject still reads their own', async () => {
      const vault = t.app.services.vault;
      const staff: Actor = { accountId: brokerId, roles: ['broker'], kind: 'staff' };
      const subject = await vault.createSubject('customer');
      const row = await vault.sealFields(subject, 'account_profiles', 'rec-orphan', { id_number: ID });
      const base = { subjectId: subject.subjectId, table: 'account_profiles', recordId: 'rec-orphan', row, fields: ['id_number'] };
      await assert.rejects(vault.reveal({ ...base, actor: staff, own: false, purpose: 'identity_verification' }), {
        code: 'CONSENT_REQUIRED',
      });
      await assert.rejects(vault.reveal({ ...base, actor: staff, own: false, forSubject: true, purpose: 'identity_verification' }), {
        code: 'CONSENT_REQUIRED',
      });
      const exempt = await vault.reveal({ ...base, actor: staff, own: false, purpose: 'legal_compliance' });
      assert.equal(exempt['id_number']?.state, 'revealed', 'a legal obligation needs no consent');
      const own = await vault.reveal({ ...base, actor: { ...staff, kind: 'customer' }, own: true, purpose: 'identity_verification' });
      assert.equal(own['id_number']?.state, 'revealed');
    });
  });
}
