import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES } from '@sealbridge/contracts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import sharp from 'sharp';
import { birthDateYearsAgo, currentConsent, IMAGE_METADATA_PREFIX, idNumber, jpegWith, submission } from './verification-fixture.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

const CHECKLIST_OK = {
  photoMatchesName: true,
  idNumberLegibleAndMatches: true,
  cardNotExpired: true,
  noSignsOfAlteration: true,
  bothSidesReadable: true,
};

for (const dialect of DIALECTS) {
  describe(`real-name verification over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let buyer: Session;
    let minor: Session;
    let loner: Session;
    let broker: Session;
    let broker2: Session;
    let auditor: Session;
    let sellerId: string;
    let buyerId: string;
    let minorId: string;
    let racerId: string;
    let racer: Session;

    const count = async (table: 'identity_verifications' | 'vault_subjects' | 'account_profiles') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const events = (type: string) => t.database.db.selectFrom('audit_log').selectAll().where('type', '=', type).execute();
    const submit = (who: Session, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/verification',
        headers: { ...authHeaders(who), ...headers },
        payload: payload as object,
      });
    const queue = (who: Session, status = 'pending') =>
      t.app.inject({ url: `/api/staff/verifications?status=${status}`, headers: authHeaders(who) });

    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      sellerId = (
        await identity.createAccount({
          kind: 'customer',
          loginName: 'seller',
          accountNo: 'C-1',
          roles: ['seller'],
          password: 'pw-seller-1',
        })
      ).id;
      buyerId = (
        await identity.createAccount({ kind: 'customer', loginName: 'buyer', accountNo: 'C-2', roles: ['buyer'], password: 'pw-buyer-1' })
      ).id;
      minorId = (
        await identity.createAccount({ kind: 'customer', loginName: 'minor', accountNo: 'C-3', roles: ['buyer'], password: 'pw-minor-1' })
      ).id;
      await identity.createAccount({ kind: 'customer', loginName: 'loner', accountNo: 'C-4', roles: ['seller'], password: 'pw-loner-1' });
      racerId = (
        await identity.createAccount({ kind: 'customer', loginName: 'racer', accountNo: 'C-5', roles: ['buyer'], password: 'pw-racer-1' })
      ).id;
      const brokerId = (
        await identity.createAccount({ kind: 'staff', loginName: 'broker', accountNo: 'S-1', roles: ['broker'], password: 'pw-broker-1' })
      ).id;
      const broker2Id = (
        await identity.createAccount({ kind: 'staff', loginName: 'broker2', accountNo: 'S-2', roles: ['broker'], password: 'pw-broker-2' })
      ).id;
      await completeStaffTraining(t.app.services, brokerId, broker2Id);
      await identity.createAccount({ kind: 'staff', loginName: 'auditor', accountNo: 'S-3', roles: ['auditor'], password: 'pw-auditor-1' });
      for (const customer of [sellerId, buyerId, minorId]) await t.app.services.profiles.assignClient(customer, brokerId, 'test');
      await t.app.ready();
      seller = await signIn(t.app, 'seller', 'pw-seller-1');
      buyer = await signIn(t.app, 'buyer', 'pw-buyer-1');
      minor = await signIn(t.app, 'minor', 'pw-minor-1');
      loner = await signIn(t.app, 'loner', 'pw-loner-1');
      racer = await signIn(t.app, 'racer', 'pw-racer-1');
      broker = await signIn(t.app, 'broker', 'pw-broker-1');
      broker2 = await signIn(t.app, 'broker2', 'pw-broker-2');
      auditor = await signIn(t.app, 'auditor', 'pw-auditor-1');
    });
    after(async () => t.close());

    test('a customer who never submitted is unverified', async () => {
      const res = await t.app.inject({ url: '/api/me/verification', headers: authHeaders(loner) });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'unverified');
      assert.deepEqual(res.json().idNumber, { state: 'absent' });
    });

    test('an ID number with a wrong check digit is refused naming the field, and nothing is stored', async () => {
      const good = idNumber('110105', '19760815');
      const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
      const res = await submit(seller, submission({ idNumber: bad }));
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'INVALID_IDENTIFIER');
      assert.deepEqual(res.json().details, { fields: ['idNumber'] });
      assert.equal(await count('identity_verifications'), 0);
    });

    test('an ID number of someone one day short of 18 is refused with UNDERAGE_PARTY and a clear message, storing nothing', async () => {
      const subjects = await count('vault_subjects');
      const profiles = await count('account_profiles');
      const minorNumber = idNumber('310104', birthDateYearsAgo(18, 1));
      const res = await submit(minor, submission({ fullName: '少年甲', idNumber: minorNumber }), { 'accept-language': 'zh-CN' });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'UNDERAGE_PARTY');
      assert.match(ERROR_CODES.UNDERAGE_PARTY['zh-CN'], /^未满18周岁不能作为公司股权转让的一方/);
      assert.equal(await count('identity_verifications'), 0);
      assert.equal(await count('vault_subjects'), subjects, 'no data key was created');
      assert.equal(await count('account_profiles'), profiles, 'no profile was created');
      const refused = await events('verification.refused_underage');
      assert.equal(refused.length, 1);
      assert.equal(refused[0]?.decision, 'denied');
      assert.equal(refused[0]?.actor_account_id, minorId);
      assert.doesNotMatch(
        JSON.stringify(refused),
        new RegExp(minorNumber.slice(6, 14)),
        'neither the number nor the birth date is in the record',
      );
      const status = await t.app.inject({ url: '/api/me/verification', headers: authHeaders(minor) });
      assert.equal(status.json().status, 'unverified');
    });

    test('someone who turns 18 today is an adult and may submit', async () => {
      const res = await submit(minor, submission({ fullName: '少年乙', idNumber: idNumber('310104', birthDateYearsAgo(18, 0)) }));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'pending');
    });

    test('submitting without the separate consent to the current statement is refused, and nothing is stored', async () => {
      const before = await count('identity_verifications');
      const wrongHash = await submit(seller, { ...submission(), consent: { ...currentConsent(), textHash: 'a'.repeat(64) } });
      assert.equal(wrongHash.statusCode, 422);
      assert.equal(wrongHash.json().code, 'SENSITIVE_CONSENT_REQUIRED');
      const oldStatement = await submit(seller, { ...submission(), consent: { ...currentConsent(), statement: 'idv-2020-01' } });
      assert.equal(oldStatement.json().code, 'SENSITIVE_CONSENT_REQUIRED');
      const notGiven = await submit(seller, { ...submission(), consent: { ...currentConsent(), given: false } });
      assert.equal(notGiven.statusCode, 422);
      assert.equal(notGiven.json().code, 'VALIDATION_FAILED');
      assert.equal(await count('identity_verifications'), before);
    });

    test('an image that is not JPEG or PNG by its bytes, or larger than 2 MB, is refused naming the side', async () => {
      const gif = Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.alloc(64, 1)]);
      const res = await submit(seller, submission({ back: gif }));
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'ID_IMAGE_INVALID');
      assert.deepEqual(res.json().details, { fields: ['idBackImage'], reason: 'type' });
      const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024, 3)]);
      const big = await submit(seller, submission({ front: huge }));
      assert.equal(big.statusCode, 422);
      assert.deepEqual(big.json().details, { fields: ['idFrontImage'], reason: 'size' });
      assert.equal(await count('identity_verifications'), 1, 'only the adult submission above is stored');
    });

    test('staff accounts cannot submit a verification of their own, and customers cannot use the review routes', async () => {
      const staff = await submit(broker, submission());
      assert.equal(staff.statusCode, 403);
      for (const res of [
        await queue(seller),
        await t.app.inject({
          method: 'POST',
          url: '/api/staff/verifications/x/reveal',
          headers: authHeaders(seller),
          payload: { fields: ['idNumber'], purpose: 'identity_verification' },
        }),
        await t.app.inject({
          method: 'POST',
          url: '/api/staff/verifications/x/decision',
          headers: authHeaders(seller),
          payload: { outcome: 'verified', checklist: CHECKLIST_OK },
        }),
        await queue(auditor),
      ]) {
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'FORBIDDEN');
      }
    });

    test('a customer submits and sees pending with masked name and ID number; a second submission while pending is a conflict', async () => {
      const res = await submit(seller, submission());
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.status, 'pending');
      assert.deepEqual(body.fullName, { state: 'masked', value: '司马**' });
      assert.equal(body.idNumber.state, 'masked');
      assert.doesNotMatch(JSON.stringify(body), /19760815/);
      const again = await submit(seller, submission());
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'CONFLICT');
      const submitted = await events('verification.submitted');
      const own = submitted.find((e) => e.actor_account_id === sellerId);
      assert.ok(own);
      assert.deepEqual(JSON.parse(own.fields).sort(), [
        'identity_verifications.full_name',
        'identity_verifications.id_back_image',
        'identity_verifications.id_front_image',
        'identity_verifications.id_number',
      ]);
      const row = await t.database.db
        .selectFrom('identity_verifications')
        .selectAll()
        .where('account_id', '=', sellerId)
        .executeTakeFirstOrThrow();
      assert.equal(row.sensitive_consent_statement, 'idv-2026-11');
      assert.equal(row.sensitive_consent_text_hash, currentConsent().textHash);
      assert.equal(row.possible_duplicate, 0);
    });

    test('two submissions racing for the same account leave one pending row; the other is a conflict', async () => {
      const payload = submission({ idNumber: idNumber('440305', '19880808') });
      const [a, b] = await Promise.all([submit(racer, payload), submit(racer, payload)]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const rows = await t.database.db.selectFrom('identity_verifications').select('status').where('account_id', '=', racerId).execute();
      assert.deepEqual(
        rows.map((r) => r.status),
        ['pending'],
      );
    });

    test("the form's separate consent is written to the consent ledger once a privacy notice is published", async () => {
      const prose = { 'zh-CN': '本政策说明我们如何处理您的个人信息。', en: 'This notice explains how we process your personal data.' };
      await t.app.services.consent.publishNotice({ prose, effectiveAt: new Date().toISOString(), changedPurposes: [] }, null);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const ledgerId = (
        await identity.createAccount({ kind: 'customer', loginName: 'ledger', accountNo: 'C-9', roles: ['buyer'], password: 'pw-ledger-1' })
      ).id;
      const res = await submit(await signIn(t.app, 'ledger', 'pw-ledger-1'), submission({ idNumber: idNumber('440305', '19850505') }));
      assert.equal(res.statusCode, 200, res.body);
      const given = await t.database.db
        .selectFrom('consent_events')
        .select(['purpose', 'kind', 'decision', 'ui_text_hash'])
        .where('account_id', '=', ledgerId)
        .execute();
      assert.deepEqual(
        given.map((r) => ({ ...r })),
        [{ purpose: 'identity_verification', kind: 'sensitive', decision: 'given', ui_text_hash: currentConsent().textHash }],
      );
    });

    test("the assigned broker's queue shows the submission masked; another broker's queue does not list it", async () => {
      const mine = await queue(broker);
      assert.equal(mine.statusCode, 200);
      const item = (mine.json().items as { accountId: string; accountNo: string; fullName: unknown; idFrontImage: unknown }[]).find(
        (i) => i.accountId === sellerId,
      );
      assert.ok(item);
      assert.equal(item.accountNo, 'C-1');
      assert.deepEqual(item.fullName, { state: 'masked', value: '司马**' });
      assert.deepEqual(item.idFrontImage, { present: true, type: 'jpeg' });
      assert.doesNotMatch(mine.body, /19760815/);
      const theirs = await queue(broker2);
      assert.deepEqual(theirs.json().items, []);
    });

    test('another broker probing the submission by id is refused with 403 for reveal and decision, and both probes are audited', async () => {
      const id = (await queue(broker)).json().items.find((i: { accountId: string }) => i.accountId === sellerId).id as string;
      const reveal = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/reveal`,
        headers: authHeaders(broker2),
        payload: { fields: ['idNumber', 'idFrontImage'], purpose: 'identity_verification' },
      });
      assert.equal(reveal.statusCode, 403);
      const decide = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker2),
        payload: { outcome: 'verified', checklist: CHECKLIST_OK },
      });
      assert.equal(decide.statusCode, 403);
      const refused = await events('verification.access_refused');
      assert.equal(refused.length, 2);
      assert.ok(refused.every((e) => e.decision === 'denied' && JSON.parse(e.data).verificationId === id));
      const status = await t.app.inject({ url: '/api/me/verification', headers: authHeaders(seller) });
      assert.equal(status.json().status, 'pending', 'the probe changed nothing');
    });

    test('the assigned broker reveals the name, ID number and images for identity verification, and each reveal is audited first', async () => {
      const id = (await queue(broker)).json().items.find((i: { accountId: string }) => i.accountId === sellerId).id as string;
      const wrongPurpose = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['idNumber'], purpose: 'deal_execution' },
      });
      assert.equal(wrongPurpose.statusCode, 422, 'the route accepts only verification purposes');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['fullName', 'idNumber', 'idFrontImage', 'idBackImage'], purpose: 'identity_verification' },
      });
      assert.equal(res.statusCode, 200, res.body);
      const f = res.json().fields;
      assert.deepEqual(f.fullName, { state: 'revealed', value: '司马相如' });
      assert.deepEqual(f.idNumber, { state: 'revealed', value: idNumber('110105', '19760815') });
      const front = Buffer.from(f.idFrontImage.value, 'base64');
      const back = Buffer.from(f.idBackImage.value, 'base64');
      assert.deepEqual(
        [front.subarray(0, 3), back.subarray(1, 4).toString()],
        [jpegWith('front').subarray(0, 3), 'PNG'],
        'the images come back',
      );
      for (const image of [front, back])
        assert.equal(image.includes(IMAGE_METADATA_PREFIX), false, 'without the metadata the phone wrote (GPS, comments)');
      assert.deepEqual([(await sharp(front).metadata()).width, (await sharp(back).metadata()).width], [16, 16], 'the pixels are kept');
      assert.deepEqual(res.json().imageTypes, { idFrontImage: 'jpeg', idBackImage: 'png' });
      const reveals = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('type', '=', 'vault.fields_revealed')
        .where('decision', '=', 'allowed')
        .execute();
      const last = reveals.at(-1);
      assert.equal(last?.purpose, 'identity_verification');
      assert.equal(JSON.parse(last?.fields ?? '[]').length, 4);
    });

    test("the customer finds the broker's view of their card photos in their own access log", async () => {
      const res = await t.app.inject({ url: '/api/me/access-log', headers: authHeaders(seller) });
      assert.equal(res.statusCode, 200);
      const entries = res.json().entries as {
        staffNo: string | null;
        purpose: string | null;
        fields: { key: string; label: { 'zh-CN': string } }[];
      }[];
      const photos = entries.find((e) => e.fields.some((f) => f.key === 'identity_verifications.id_front_image'));
      assert.ok(photos, 'the reveal of the photos is listed');
      assert.equal(photos.staffNo, 'S-1');
      assert.equal(photos.purpose, 'identity_verification');
      assert.ok(photos.fields.some((f) => f.label['zh-CN'] === '身份证人像面照片'));
    });

    test('approving with an unchecked item, or rejecting without a reason, is refused and the submission stays pending', async () => {
      const id = (await queue(broker)).json().items.find((i: { accountId: string }) => i.accountId === sellerId).id as string;
      const unchecked = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: { outcome: 'verified', checklist: { ...CHECKLIST_OK, cardNotExpired: false } },
      });
      assert.equal(unchecked.statusCode, 422);
      assert.deepEqual(unchecked.json().details, { fields: ['checklist.cardNotExpired'] });
      const noReason = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: { outcome: 'rejected', checklist: CHECKLIST_OK },
      });
      assert.equal(noReason.statusCode, 422);
      const withId = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: { outcome: 'rejected', reason: 'other', checklist: CHECKLIST_OK, note: `号码 ${idNumber('110105', '19760815')} 不符` },
      });
      assert.equal(withId.statusCode, 422, 'a note carrying an identifier is refused');
      assert.equal(withId.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.deepEqual(withId.json().details, { findings: [{ field: 'note', kind: 'id_card', start: 3, end: 21 }] });
      const spelled = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: {
          outcome: 'rejected',
          reason: 'other',
          checklist: CHECKLIST_OK,
          note: '请拨打 一三八 我的 一二三四 号码 五六七八 补充材料',
        },
      });
      assert.deepEqual(
        spelled.json().details.findings.map((f: { kind: string }) => f.kind),
        ['mobile'],
        'written to dodge a filter, it is refused too',
      );
      assert.equal((await t.app.inject({ url: '/api/me/verification', headers: authHeaders(seller) })).json().status, 'pending');
    });

    test('a rejection with a reason is shown to the customer, who may then submit again', async () => {
      const id = (await queue(broker)).json().items.find((i: { accountId: string }) => i.accountId === sellerId).id as string;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: {
          outcome: 'rejected',
          reason: 'image_unreadable',
          note: '照片反光，请在自然光下重拍',
          checklist: { ...CHECKLIST_OK, bothSidesReadable: false },
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'rejected');
      const mine = (await t.app.inject({ url: '/api/me/verification', headers: authHeaders(seller) })).json();
      assert.equal(mine.status, 'rejected');
      assert.equal(mine.reason, 'image_unreadable');
      assert.equal(mine.note, '照片反光，请在自然光下重拍');
      const twice = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: { outcome: 'verified', checklist: CHECKLIST_OK },
      });
      assert.equal(twice.statusCode, 409, 'a decided submission cannot be decided again');
      const decided = await events('verification.decided');
      assert.equal(decided.length, 1);
      assert.deepEqual(JSON.parse(decided[0]?.data ?? '{}').outcome, 'rejected');
      const again = await submit(seller, submission());
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().status, 'pending');
    });

    test('the same ID number under another account is flagged for the reviewer without naming that account, and the customer is not told', async () => {
      const res = await submit(buyer, submission({ fullName: '另一人' }));
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /duplicate/i);
      assert.doesNotMatch(res.body, new RegExp(sellerId));
      const items = (await queue(broker)).json().items as { accountId: string; possibleDuplicate: boolean }[];
      const flagged = items.find((i) => i.accountId === buyerId);
      assert.equal(flagged?.possibleDuplicate, true);
      const q = JSON.stringify(flagged);
      assert.doesNotMatch(q, new RegExp(sellerId), 'the other account is not named');
      const audited = await events('verification.duplicate_flagged');
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.actor_account_id, buyerId);
      assert.equal(
        items.find((i) => i.accountId === sellerId)?.possibleDuplicate,
        false,
        'a resubmission by the same account is not a duplicate',
      );
      const other = items.find((i) => i.accountId === minorId);
      assert.equal(other?.possibleDuplicate, false);
    });

    test('submissions are limited per account: the 13th attempt in ten minutes is a 429 with Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) {
        const res = await submit(loner, { ...submission(), consent: { ...currentConsent(), textHash: 'b'.repeat(64) } });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          assert.equal(res.json().code, 'RATE_LIMITED');
          assert.ok(Number(res.headers['retry-after']) > 0);
        }
      }
      assert.deepEqual(statuses, [...Array(12).fill(422), 429]);
      const other = await submit(buyer, { ...submission(), consent: { ...currentConsent(), textHash: 'b'.repeat(64) } });
      assert.equal(other.statusCode, 422, 'another account is not limited by it');
    });

    test('an approval with every checklist item makes the customer verified', async () => {
      const id = (await queue(broker)).json().items.find((i: { accountId: string }) => i.accountId === minorId).id as string;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/verifications/${id}/decision`,
        headers: authHeaders(broker),
        payload: { outcome: 'verified', checklist: CHECKLIST_OK },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await t.app.inject({ url: '/api/me/verification', headers: authHeaders(minor) })).json().status, 'verified');
      const verifiedQueue = await queue(broker, 'verified');
      assert.ok(verifiedQueue.json().items.some((i: { id: string }) => i.id === id));
      const again = await submit(minor, submission({ idNumber: idNumber('310104', birthDateYearsAgo(18, 0)) }));
      assert.equal(again.statusCode, 409, 'a verified customer does not submit again');
    });
  });
}
