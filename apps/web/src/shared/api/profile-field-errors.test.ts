import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.ts';
import { rejectedProfileFields, toProfileField } from './profile-field-errors.ts';

test('registry (snake_case) and wire (camelCase) names both map to the profile field', () => {
  assert.equal(toProfileField('id_number'), 'idNumber');
  assert.equal(toProfileField('idNumber'), 'idNumber');
  assert.equal(toProfileField('real_name'), 'realName');
  assert.equal(toProfileField('mobile'), 'mobile');
  assert.equal(toProfileField('password'), undefined);
  assert.equal(toProfileField('__proto__'), undefined);
  assert.equal(toProfileField(3), undefined);
});

test('INVALID_IDENTIFIER marks the fields of details.fields, once each', () => {
  const error = new ApiError('INVALID_IDENTIFIER', 422, 'r', { fields: ['id_number', 'mobile', 'idNumber', 'nonsense'] });
  assert.deepEqual(rejectedProfileFields(error), ['idNumber', 'mobile']);
});

test('VALIDATION_FAILED marks the fields named by the issue paths', () => {
  const error = new ApiError('VALIDATION_FAILED', 422, 'r', {
    issues: [
      { path: 'wechat', message: 'Too small' },
      { path: '', message: 'at least one field' },
    ],
  });
  assert.deepEqual(rejectedProfileFields(error), ['wechat']);
});

test('other failures mark no field', () => {
  assert.deepEqual(rejectedProfileFields(new ApiError('INVALID_IDENTIFIER', 422)), []);
  assert.deepEqual(rejectedProfileFields(new ApiError('FORBIDDEN', 403, 'r', { fields: ['mobile'] })), []);
  assert.deepEqual(rejectedProfileFields(new TypeError('x')), []);
});
