import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { inquirySteps, nextStep } from './inquiry-steps.ts';

type Facts = Pick<TBuyerInquiry, 'status' | 'levels' | 'preconditions'>;
const level = (lvl: 'L1' | 'L2' | 'L3', state: TBuyerInquiry['levels'][number]['state'] = 'none', active = false) => ({
  level: lvl,
  state,
  expiresAt: null,
  active,
  decisionReason: null,
});
const fresh = (): Facts => ({
  status: 'open',
  levels: [level('L1', 'requested'), level('L2'), level('L3')],
  preconditions: {
    buyerVerified: false,
    ndaSigned: false,
    proofOfFunds: 'not_required',
    sellerConsentL1: 'not_asked',
    sellerConsentL3: 'not_asked',
    buyerConsentL3: 'not_asked',
  },
});
const statuses = (f: Facts) => Object.fromEntries(inquirySteps(f).map((s) => [s.key, s.status]));

test('a fresh inquiry asks the buyer to verify and sign; the seller and the adviser wait', () => {
  assert.deepEqual(statuses(fresh()), { verify: 'process', nda: 'process', sellerConsent: 'wait', review: 'wait', open: 'wait' });
  assert.equal(nextStep(fresh())?.key, 'verify');
});

test('proof of funds appears only when the seller asks for it, and a rejected one is an error to fix', () => {
  const f = fresh();
  f.preconditions = { ...f.preconditions, buyerVerified: true, ndaSigned: true, proofOfFunds: 'rejected' };
  assert.deepEqual(
    inquirySteps(f).map((s) => s.key),
    ['verify', 'nda', 'proof', 'sellerConsent', 'review', 'open'],
  );
  assert.equal(statuses(f)['proof'], 'error');
  assert.equal(nextStep(f)?.key, 'proof');
});

test("with the buyer's part done the seller's consent is awaited, then the adviser's review, then L1 is open", () => {
  const f = fresh();
  f.preconditions = { ...f.preconditions, buyerVerified: true, ndaSigned: true };
  assert.equal(nextStep(f)?.key, 'sellerConsent');
  f.preconditions = { ...f.preconditions, sellerConsentL1: 'given' };
  assert.deepEqual([statuses(f)['review'], nextStep(f)?.key], ['process', 'review']);
  f.levels = [level('L1', 'approved', true), level('L2'), level('L3')];
  assert.equal(nextStep(f), undefined);
});

test('a withdrawn consent closes L1: the consent and opening steps show as errors', () => {
  const f = fresh();
  f.preconditions = { ...f.preconditions, buyerVerified: true, ndaSigned: true, sellerConsentL1: 'withdrawn' };
  f.levels = [level('L1', 'consent_withdrawn'), level('L2'), level('L3')];
  assert.deepEqual([statuses(f)['sellerConsent'], statuses(f)['review'], statuses(f)['open']], ['error', 'finish', 'error']);
});

test('a declined inquiry leaves nothing in process', () => {
  const f = fresh();
  f.status = 'declined';
  f.levels = [level('L1', 'declined'), level('L2'), level('L3')];
  assert.ok(inquirySteps(f).every((s) => s.status !== 'process'));
});
