import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsrfToken } from './csrf.ts';

test('the CSRF token is read from the sb_csrf cookie among others', () => {
  assert.equal(readCsrfToken('theme=dark; sb_csrf=abc%3D123; other=1'), 'abc=123');
});

test('no token before sign-in, and an empty cookie counts as none', () => {
  assert.equal(readCsrfToken(''), undefined);
  assert.equal(readCsrfToken('sb_csrf=; x=1'), undefined);
  assert.equal(readCsrfToken('not_sb_csrf=zzz'), undefined);
});
