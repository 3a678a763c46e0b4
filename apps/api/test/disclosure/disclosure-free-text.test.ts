// The disclosure path's stored free text (inquiry notes, decline and revocation reasons, NDA templates) and the
// advisers' rule industries pass the evasion-aware identifier guard: a contact written to dodge a filter is
// refused like a plain one, with where it is and never what, and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { client, createDisclosureWorld, grantOf, inquire, INQUIRY, type DisclosureWorld } from './disclosure-fixture.ts';

type Res = {
  statusCode: number;
  body: string;
  json: () => { code: string; details: { findings: { field: string; kind: string; start: number; end: number }[] } };
};

function assertRefused(res: Res, field: string, kind: string, text: string, written: string): void {
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().code, 'FREE_TEXT_IDENTIFIERS');
  const finding = res.json().details.findings.find((f) => f.field === field && f.kind === kind);
  assert.ok(finding, JSON.stringify(res.json().details));
  assert.equal(text.slice(finding.start, finding.end), written);
  assert.ok(!res.body.includes(written), 'never the value');
}

for (const dialect of DIALECTS) {
  describe(`free text on the disclosure path on ${dialect}`, () => {
    let w: DisclosureWorld;
    let c: ReturnType<typeof client>;
    before(async () => {
      w = await createDisclosureWorld(dialect);
      c = client(w.t.app);
    });
    after(async () => w.t.close());

    test('an inquiry note with a mobile number in Chinese numerals is refused and no inquiry is stored', async () => {
      const note = '想详细了解，方便打我 一三九 一二三四 五六七八';
      assertRefused(
        await c.post(w.buyer, `/api/listings/${w.listing.code}/inquiries`, { ...INQUIRY, note }),
        'note',
        'mobile',
        note,
        '一三九 一二三四 五六七八',
      );
      assert.equal((await w.t.database.db.selectFrom('inquiries').select('id').execute()).length, 0);
    });

    test('a decline reason and a revocation reason carrying a spelled-out e-mail are refused, and nothing moves', async () => {
      const { id } = await inquire(w);
      const reason = '请改发邮件 wang at qq dot com 再谈';
      assertRefused(
        await c.post(w.seller, `/api/seller/inquiries/${id}/decision`, { decision: 'decline', reason }),
        'reason',
        'email',
        reason,
        'wang at qq dot com',
      );
      const grantId = await grantOf(w, 'L1');
      const revoke = '买方微信 薇❤：buyer_wang88';
      assertRefused(
        await c.post(w.seller, `/api/seller/grants/${grantId}/revoke`, { reason: revoke }),
        'reason',
        'wechat',
        revoke,
        'buyer_wang88',
      );
      const decline = 'Ref: 13812345678 联系后再议';
      assertRefused(
        await c.post(w.broker, `/api/broker/grants/${grantId}/decision`, { decision: 'decline', reason: decline, days: 30 }),
        'reason',
        'mobile',
        decline,
        '13812345678',
      );
      const mine = (await c.get(w.buyer, '/api/me/inquiries')).json().items[0];
      assert.notEqual(mine.status, 'declined');
      assert.equal(mine.levels[0].state, 'requested');
    });

    test('an NDA template text with a contact written to dodge the guard is refused', async () => {
      const current = (await c.get(w.admin, '/api/staff/nda/templates')).json().items[0] as {
        titleZh: string;
        bodyZh: string;
        titleEn: string;
        bodyEn: string;
        termMonths: number;
      };
      const bodyZh = `${current.bodyZh}\n如有疑问请联系 壹叁捌-壹贰叁肆-伍陆柒捌。`;
      const res = await c.post(w.admin, '/api/staff/nda/templates', { ...current, bodyZh });
      assertRefused(res, 'bodyZh', 'mobile', bodyZh, '壹叁捌-壹贰叁肆-伍陆柒捌');
      // Invisible characters between the digits never reach the guard: the text is refused as input first.
      const hidden = `${current.bodyZh}\n如有疑问请联系 1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8。`;
      const invisible = await c.post(w.admin, '/api/staff/nda/templates', { ...current, bodyZh: hidden });
      assert.equal(invisible.statusCode, 422);
      assert.equal(invisible.json().code, 'VALIDATION_FAILED');
      assert.equal((await c.get(w.admin, '/api/staff/nda/templates')).json().items.length, 1);
    });

    test('an adviser rule whose industry holds an identifier is refused', async () => {
      const before = (await c.get(w.admin, '/api/staff/advisers')).json().rules.length;
      const industry = '科技 l38O0l38OOO';
      assertRefused(
        await c.post(w.admin, '/api/staff/advisers/rules', { provinceCode: null, industry, brokerAccountId: w.ids.broker }),
        'industry',
        'mobile',
        industry,
        'l38O0l38OOO',
      );
      assert.equal((await c.get(w.admin, '/api/staff/advisers')).json().rules.length, before);
    });
  });
}
