import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { formNameOf, markServerFieldErrors } from './server-field-errors.ts';

const t = ((key: string, options?: { kind?: string }) => (options?.kind ? `${key}:${options.kind}` : key)) as unknown as TFunction;
function recorder() {
  const marked: { name: (string | number)[]; errors: string[] }[] = [];
  return { form: { setFields: (fields: typeof marked) => marked.push(...fields) } as unknown as FormInstance, marked };
}

test('server paths of both spellings become form names with numeric list indexes', () => {
  assert.deepEqual(formNameOf('questions.0.options.1'), ['questions', 0, 'options', 1]);
  assert.deepEqual(formNameOf('questions[2].prompt'), ['questions', 2, 'prompt']);
  assert.deepEqual(formNameOf(''), []);
});

test('validation issues and identifier findings mark their fields, once each; unknown fields and other codes mark nothing', () => {
  const { form, marked } = recorder();
  const invalid = new ApiError('VALIDATION_FAILED', 422, 'r', {
    issues: [
      { path: 'passMark', message: 'too small' },
      { path: 'passMark', message: 'not a multiple' },
      { path: 'questions.0.options.1', message: 'too long' },
      { path: 'somethingElse', message: 'x' },
    ],
  });
  assert.equal(markServerFieldErrors(form, invalid, t, ['passMark', 'questions']).length, 2);
  assert.deepEqual(marked, [
    { name: ['passMark'], errors: ['staff.programAdmin.errors.invalid'] },
    { name: ['questions', 0, 'options', 1], errors: ['staff.programAdmin.errors.invalid'] },
  ]);
  const found = recorder();
  const identifiers = new ApiError('FREE_TEXT_IDENTIFIERS', 422, 'r', { findings: [{ field: 'questions[1].prompt', kind: 'mobile' }] });
  assert.equal(markServerFieldErrors(found.form, identifiers, t, ['questions']).length, 1);
  assert.deepEqual(found.marked[0]?.name, ['questions', 1, 'prompt']);
  assert.match(found.marked[0]?.errors[0] ?? '', /identifier/);
  assert.equal(markServerFieldErrors(recorder().form, new ApiError('FORBIDDEN', 403), t, ['title']).length, 0);
});
