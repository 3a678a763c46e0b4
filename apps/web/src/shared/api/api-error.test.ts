import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '@sealbridge/contracts';
import { ApiError, codeForStatus, errorText, toApiError, validationIssues } from './api-error.ts';

test('a known code from the server is kept, with its request id', () => {
  const error = toApiError(401, { code: 'INVALID_CREDENTIALS', message: 'whatever the server says', requestId: 'r-1' });
  assert.equal(error.code, 'INVALID_CREDENTIALS');
  assert.equal(error.requestId, 'r-1');
});

test('the text shown is the ERROR_CODES text in the chosen language, never the server message', () => {
  const error = toApiError(401, { code: 'INVALID_CREDENTIALS', message: 'server text', requestId: 'r' });
  assert.equal(errorText(error, 'zh-CN'), '登录名或密码不正确。');
  assert.equal(errorText(error, 'en'), ERROR_CODES.INVALID_CREDENTIALS.en);
});

test('an unknown code falls back to a code chosen by HTTP status', () => {
  assert.equal(toApiError(403, { code: 'NOT_A_CODE' }).code, 'FORBIDDEN');
  assert.equal(toApiError(500, { code: 'NOT_A_CODE' }).code, 'INTERNAL');
  assert.equal(codeForStatus(418), 'BAD_REQUEST');
  assert.equal(codeForStatus(502), 'SERVICE_UNAVAILABLE');
});

test('a body that is not a JSON object means the service is unavailable', () => {
  assert.equal(toApiError(502, undefined).code, 'SERVICE_UNAVAILABLE');
  assert.equal(toApiError(200, 'text').code, 'SERVICE_UNAVAILABLE');
});

test('a failure that is not an ApiError is shown as SERVICE_UNAVAILABLE', () => {
  assert.equal(errorText(new TypeError('Failed to fetch'), 'zh-CN'), ERROR_CODES.SERVICE_UNAVAILABLE['zh-CN']);
});

test('validation issues are read from details.issues of a VALIDATION_FAILED only', () => {
  const failed = new ApiError('VALIDATION_FAILED', 422, 'r', {
    issues: [
      { path: 'loginName', message: 'Required' },
      { path: 3, message: 'bad' },
    ],
  });
  assert.deepEqual(validationIssues(failed), [{ path: 'loginName', message: 'Required' }]);
  assert.deepEqual(validationIssues(new ApiError('BAD_REQUEST', 400)), []);
});
