import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createManualBrokerReviewProvider } from '../../src/modules/verification/index.ts';
import { checkIdCardImage } from '../../src/modules/verification/id-card-images.ts';
import { jpegWith, pngWith } from './verification-fixture.ts';

const ALL = {
  photoMatchesName: true,
  idNumberLegibleAndMatches: true,
  cardNotExpired: true,
  noSignsOfAlteration: true,
  bothSidesReadable: true,
};

test('the manual broker provider approves only when every checklist item holds', () => {
  const provider = createManualBrokerReviewProvider();
  assert.deepEqual(provider.decide({ outcome: 'verified', checklist: ALL }), { outcome: 'verified', reason: null });
  assert.throws(
    () => provider.decide({ outcome: 'verified', checklist: { ...ALL, photoMatchesName: false, noSignsOfAlteration: false } }),
    (e: { code: string; details: unknown }) => {
      assert.equal(e.code, 'VALIDATION_FAILED');
      assert.deepEqual(e.details, { fields: ['checklist.photoMatchesName', 'checklist.noSignsOfAlteration'] });
      return true;
    },
  );
});

test('the manual broker provider rejects only with a reason', () => {
  const provider = createManualBrokerReviewProvider();
  assert.deepEqual(provider.decide({ outcome: 'rejected', checklist: ALL, reason: 'card_expired' }), {
    outcome: 'rejected',
    reason: 'card_expired',
  });
  assert.throws(() => provider.decide({ outcome: 'rejected', checklist: ALL }), /reason/);
});

test('an ID card image is recognised by its magic bytes, not its name', () => {
  assert.deepEqual(checkIdCardImage(jpegWith('a').toString('base64')), {
    ok: true,
    type: 'jpeg',
    base64: jpegWith('a').toString('base64'),
  });
  assert.equal((checkIdCardImage(pngWith('a').toString('base64')) as { type: string }).type, 'png');
  assert.deepEqual(checkIdCardImage(Buffer.from('%PDF-1.7 not an image').toString('base64')), { ok: false, reason: 'type' });
  assert.deepEqual(
    checkIdCardImage(Buffer.from([0xff, 0xd8]).toString('base64')),
    { ok: false, reason: 'type' },
    'a truncated JPEG marker is not enough',
  );
  assert.deepEqual(checkIdCardImage('not*base64'), { ok: false, reason: 'encoding' });
});
