import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD_MIN_LENGTH } from '@sealbridge/contracts';
import { resendDeadline, retryAfterSeconds, secondsUntil } from './countdown.ts';
import { passwordHints } from './password-hints.ts';

test('the resend countdown runs from resendAfterSeconds down to zero and never below', () => {
  const now = 1_000_000;
  const deadline = resendDeadline(now, 60);
  assert.equal(secondsUntil(deadline, now), 60);
  assert.equal(secondsUntil(deadline, now + 59_001), 1, 'a started second still counts');
  assert.equal(secondsUntil(deadline, now + 60_000), 0);
  assert.equal(secondsUntil(deadline, now + 120_000), 0);
  assert.equal(secondsUntil(resendDeadline(now, -5), now), 0);
});

test('a rate-limit answer names the wait only when it is a positive number', () => {
  assert.equal(retryAfterSeconds({ retryAfterSeconds: 41.2 }), 42);
  assert.equal(retryAfterSeconds({ retryAfterSeconds: 0 }), undefined);
  assert.equal(retryAfterSeconds({ retryAfterSeconds: '30' }), undefined);
  assert.equal(retryAfterSeconds(undefined), undefined);
});

test('a password shorter than the policy minimum says how many characters are missing', () => {
  const hints = passwordHints('abc');
  assert.equal(hints.level, 'tooShort');
  assert.equal(hints.missing, PASSWORD_MIN_LENGTH - 3);
  assert.equal(passwordHints('').level, 'empty');
});

test('long but monotonous passwords are weak, varied ones fair or good', () => {
  assert.equal(passwordHints('aaaaaaaaaaaa').level, 'weak');
  assert.equal(passwordHints('1234567890123').level, 'weak');
  assert.equal(passwordHints('qwertzuiopas').level, 'weak', 'one kind of character only');
  assert.equal(passwordHints('harbour7lantern').level, 'good');
  assert.equal(passwordHints('harbour7lan').level, 'fair');
  assert.equal(passwordHints('Ferry-Lantern-42').level, 'good');
});

test('CJK characters count as characters, not bytes', () => {
  assert.equal(passwordHints('封桥交易中心安全密码好').length, 11);
});
