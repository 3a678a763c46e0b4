import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { client, createDisclosureWorld, inquire, signNda, type DisclosureWorld } from './disclosure-fixture.ts';

/** Text of a PDF as poppler's pdftotext extracts it (what a reader or a court's software would see). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'nda-cert-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const dialect of DIALECTS) {
  describe(`the click-wrap NDA on ${dialect}`, () => {
    let w: DisclosureWorld;
    let c: ReturnType<typeof client>;
    let signatureId = '';
    let inquiryId = '';
    before(async () => {
      w = await createDisclosureWorld(dialect);
      c = client(w.t.app);
      inquiryId = (await inquire(w)).id;
    });
    after(async () => w.t.close());

    test('a tick for a text other than the one shown is refused, and nothing is signed', async () => {
      const preview = (await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/nda`)).json();
      assert.match(preview.text['zh-CN'], new RegExp(w.listing.code));
      assert.match(preview.text['zh-CN'], /水印/);
      const res = await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/nda`, {
        version: preview.version,
        textSha256: '0'.repeat(64),
        accepted: true,
      });
      assert.equal(res.json().code, 'NDA_TEXT_CHANGED');
      assert.equal((await w.t.database.db.selectFrom('nda_signatures').select('id').execute()).length, 0);
    });

    test("the preview names no signature before the tick, and the buyer's own signature after it (the certificate's key)", async () => {
      assert.equal((await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/nda`)).json().signatureId, null);
      signatureId = (await signNda(w, inquiryId)).id;
      const after = (await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/nda`)).json();
      assert.deepEqual([after.signed, after.signatureId], [true, signatureId]);
    });

    test('both parties download a certificate whose Chinese text and signature block pdftotext extracts, and which checks against the platform key', async () => {
      const record = (await c.get(w.seller, `/api/nda/signatures/${signatureId}`)).json();
      for (const who of [w.buyer, w.seller, w.broker]) {
        const res = await c.get(who, `/api/nda/signatures/${signatureId}/certificate`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        const text = pdfText(res.rawPayload);
        assert.match(text, /公司转让信息保密协议/);
        assert.match(text, /第五条\s*水印与违约责任/);
        assert.match(text, new RegExp(w.listing.code));
        assert.match(text, /平台签名/);
        assert.ok(text.replace(/\s/g, '').includes(record.signature.replace(/\s/g, '')), 'signature in the block');
        const check = (await c.post(null, '/api/nda/certificates/verify', { pdfBase64: res.rawPayload.toString('base64') })).json();
        assert.deepEqual([check.valid, check.reason, check.listingCode], [true, 'ok', w.listing.code]);
      }
      assert.equal((await c.get(w.admin, `/api/nda/signatures/${signatureId}/certificate`)).statusCode, 404);
    });

    test('a changed byte in the certificate, or in the stored record, fails the check', async () => {
      const pdf = (await c.get(w.buyer, `/api/nda/signatures/${signatureId}/certificate`)).rawPayload;
      const changed = Buffer.from(pdf);
      changed[Math.floor(changed.length / 2)] = (changed[Math.floor(changed.length / 2)] ?? 0) ^ 0x01;
      assert.equal(
        (await c.post(null, '/api/nda/certificates/verify', { pdfBase64: changed.toString('base64') })).json().reason,
        'unknown_certificate',
      );
      assert.equal(
        (await c.post(null, '/api/nda/certificates/verify', { pdfBase64: Buffer.from('not a pdf').toString('base64') })).json().reason,
        'not_a_certificate',
      );
      await w.t.database.db
        .updateTable('nda_signatures')
        .set({ signed_at: '2020-01-01T00:00:00.000Z' })
        .where('id', '=', signatureId)
        .execute();
      assert.equal(
        (await c.post(null, '/api/nda/certificates/verify', { pdfBase64: pdf.toString('base64') })).json().reason,
        'signature_invalid',
      );
    });

    test('templates: an unknown variable is refused; a published draft retires the version in force and new signatures use it', async () => {
      const templates = (await c.get(w.admin, '/api/staff/nda/templates')).json();
      const current = templates.items.find((t: { status: string }) => t.status === 'published');
      const bad = await c.post(w.admin, '/api/staff/nda/templates', { ...current, bodyZh: `${current.bodyZh}\n{{buyerPhone}}` });
      assert.equal(bad.json().code, 'NDA_TEMPLATE_INVALID');
      assert.deepEqual(bad.json().details.variables, ['buyerPhone']);
      const draft = (
        await c.post(w.admin, '/api/staff/nda/templates', {
          titleZh: current.titleZh,
          bodyZh: `${current.bodyZh}\n第十条 本版本增加的条款。`,
          titleEn: current.titleEn,
          bodyEn: current.bodyEn,
          termMonths: 36,
        })
      ).json();
      assert.equal(draft.status, 'draft');
      assert.equal((await c.post(w.admin, `/api/staff/nda/templates/${draft.version}/publish`, {})).json().status, 'published');
      const after = (await c.get(w.admin, '/api/staff/nda/templates')).json().items;
      assert.equal(after.find((t: { version: number }) => t.version === current.version).status, 'retired');
      assert.equal((await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/nda`)).json().version, draft.version);
      assert.equal((await c.post(w.seller, '/api/staff/nda/templates', draft)).statusCode, 403);
    });
  });
}
