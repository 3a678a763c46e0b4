import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { bytesAtRest } from '../helpers/at-rest.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';
import { birthDateYearsAgo, idNumber, jpegWith, pngWith, submission } from './verification-fixture.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

/** Values planted through the verification API; none may appear in plaintext at rest or in a log line. */
const NAME = '欧阳金丝雀';
const ID = idNumber('330106', '19900307', '471');
const MINOR_ID = idNumber('330106', birthDateYearsAgo(16), '472');
const FRONT = jpegWith('CANARY-FRONT-7f3a9c');
const BACK = pngWith('CANARY-BACK-7f3a9c');
const NEEDLES = [
  NAME,
  ID,
  MINOR_ID,
  MINOR_ID.slice(6, 14),
  'CANARY-FRONT-7f3a9c',
  'CANARY-BACK-7f3a9c',
  FRONT.toString('base64'),
  BACK.toString('base64'),
  FRONT.toString('base64').slice(0, 24),
];

for (const dialect of DIALECTS) {
  describe(`verification canaries at rest on ${dialect}`, () => {
    /** Byte runs from the middle of the images as stored (metadata stripped), filled in once they are revealed. */
    const STORED: Buffer[] = [];
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const customer = await identity.createAccount({
        kind: 'customer',
        loginName: 'canary',
        accountNo: 'C-9',
        roles: ['seller'],
        password: 'canary-password-1',
      });
      const brokerAccount = await identity.createAccount({
        kind: 'staff',
        loginName: 'broker',
        accountNo: 'S-9',
        roles: ['broker'],
        password: 'broker-password-1',
      });
      await completeStaffTraining(t.app.services, brokerAccount.id);
      await t.app.services.profiles.assignClient(customer.id, brokerAccount.id, 'test');
      await t.app.ready();
      const me = await signIn(t.app, 'canary', 'canary-password-1');
      // Refused paths first (under age, bad image): they must leave nothing behind either.
      const minor = await t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: authHeaders(me),
        payload: submission({ fullName: NAME, idNumber: MINOR_ID, front: FRONT, back: BACK }),
      });
      assert.equal(minor.json().code, 'UNDERAGE_PARTY');
      const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('CANARY-FRONT-7f3a9c')]);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: authHeaders(me),
        payload: submission({ fullName: NAME, idNumber: ID, front: gif, back: BACK }),
      });
      assert.equal(bad.json().code, 'ID_IMAGE_INVALID');
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: authHeaders(me),
        payload: submission({ fullName: NAME, idNumber: ID, front: FRONT, back: BACK }),
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const broker = await signIn(t.app, 'broker', 'broker-password-1');
      const id = (await t.app.inject({ url: '/api/staff/verifications', headers: authHeaders(broker) })).json().items[0].id as string;
      const reveal = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['fullName', 'idNumber', 'idFrontImage', 'idBackImage'], purpose: 'identity_verification' },
      });
      assert.equal(reveal.json().fields.fullName.value, NAME, 'the planted values are really in the store');
      // What is stored is the image without its metadata: its own bytes are the needles now.
      for (const field of ['idFrontImage', 'idBackImage']) {
        const stored = Buffer.from(reveal.json().fields[field].value as string, 'base64');
        assert.ok(stored.length > 100, 'a real image is stored');
        STORED.push(stored.subarray(Math.floor(stored.length / 2) - 24, Math.floor(stored.length / 2) + 24));
        const b64 = stored.toString('base64');
        NEEDLES.push(b64.slice(Math.floor(b64.length / 2) - 20, Math.floor(b64.length / 2) + 20));
      }
    });
    after(async () => t.close());

    test('no planted name, ID number, birth date or image byte run appears in the database files, WAL, key store or tables', async () => {
      const haystack = await bytesAtRest(t);
      if (t.dialect === 'postgres')
        assert.match(haystack.toString('utf8'), /identity_verifications|id_number_bidx|pending/, 'the dump is not empty');
      const found = NEEDLES.filter((needle) => haystack.includes(Buffer.from(needle, 'utf8')));
      assert.deepEqual(found, []);
      assert.equal(haystack.includes(FRONT.subarray(0, 40)), false, 'the raw front image bytes are not at rest');
      assert.equal(haystack.includes(BACK.subarray(0, 40)), false, 'the raw back image bytes are not at rest');
      assert.equal(STORED.length, 2, 'the stored images were revealed');
      for (const run of STORED) assert.equal(haystack.includes(run), false, 'no byte run of a stored image is at rest');
    });

    test('no planted value appears in any log line', () => {
      assert.ok(t.logLines.length > 5, 'the logs are searched');
      const logs = t.logLines.join('\n');
      assert.deepEqual(
        NEEDLES.filter((needle) => logs.includes(needle)),
        [],
      );
    });

    test('erasing the customer crypto-shreds the verification too: values read as erased and the blind index is cleared', async () => {
      const row = await t.database.db.selectFrom('identity_verifications').selectAll().executeTakeFirstOrThrow();
      assert.ok(row.id_number_bidx);
      const profile = await t.database.db
        .selectFrom('account_profiles')
        .select('subject_id')
        .where('account_id', '=', row.account_id)
        .executeTakeFirstOrThrow();
      assert.equal(profile.subject_id, row.subject_id, 'one data key per person: the profile subject seals the verification');
      await t.app.services.vault.eraseSubject(
        row.subject_id,
        { accountId: 'test-operator', roles: ['operator'], kind: 'staff' },
        'RR-2026-001',
      );
      const after = await t.database.db.selectFrom('identity_verifications').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.equal(after.id_number_bidx, null);
      const me = await signIn(t.app, 'canary', 'canary-password-1');
      const mine = (await t.app.inject({ url: '/api/me/verification', headers: authHeaders(me) })).json();
      assert.deepEqual(mine.idNumber, { state: 'erased' });
      assert.deepEqual(mine.fullName, { state: 'erased' });
    });

    test('a body larger than two images and the form is refused with 413 before it is parsed', async () => {
      const me = await signIn(t.app, 'canary', 'canary-password-1');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: { ...authHeaders(me), 'content-type': 'application/json' },
        payload: `{"fullName":"${'x'.repeat(6 * 1024 * 1024)}"}`,
      });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'PAYLOAD_TOO_LARGE');
    });
  });
}
