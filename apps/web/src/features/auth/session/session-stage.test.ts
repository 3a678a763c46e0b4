import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ZAccountResponse } from '@sealbridge/contracts';
import { isActive, pendingStepPath } from './session-context.ts';

test('a session owing its second step is sent to /login, one owing a first factor to the forced enrolment', () => {
  assert.equal(pendingStepPath({ status: 'authenticated', stage: 'second_factor' }), '/login');
  assert.equal(pendingStepPath({ status: 'authenticated', stage: 'enrol_factor' }), '/security/enrol');
  assert.equal(pendingStepPath({ status: 'authenticated', stage: 'active' }), undefined);
  assert.equal(pendingStepPath({ status: 'anonymous', stage: undefined }), undefined);
});

test('only an authenticated session in stage active counts as active', () => {
  assert.equal(isActive({ status: 'authenticated', stage: 'active' }), true);
  assert.equal(isActive({ status: 'authenticated', stage: 'second_factor' }), false);
  assert.equal(isActive({ status: 'loading', stage: undefined }), false);
});

test('an account answer without a stage is refused by the contract: the app never assumes a session is active', () => {
  const account = { id: 'a1', loginName: 'buyer', displayName: 'C-200001', kind: 'customer', roles: ['buyer'] };
  assert.equal(ZAccountResponse.safeParse({ account }).success, false);
  assert.equal(ZAccountResponse.safeParse({ account, stage: 'active' }).success, false, 'secondFactor must be present (null)');
  const pending = ZAccountResponse.parse({ account, stage: 'second_factor', secondFactor: { methods: ['totp', 'recovery'] } });
  assert.deepEqual(pending.secondFactor, { methods: ['totp', 'recovery'] });
  assert.equal(ZAccountResponse.safeParse({ account, stage: 'second_factor', secondFactor: { methods: ['sms'] } }).success, false);
});
