import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toApiError } from '../../../shared/api/api-error.ts';
import { stepUpMethods } from './step-up-methods.ts';
import { isStepUpCancelled, withStepUp } from './step-up-retry.ts';

type Answer = { status: number; body: unknown };

/** A fake fetch that answers from a script and records each call; the work parses it as the http client does. */
function fakeServer(answers: Answer[]) {
  const calls: string[] = [];
  const fetch = async (path: string): Promise<Answer> => {
    calls.push(path);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call to ${path}`);
    return answer;
  };
  const call = async (path: string): Promise<unknown> => {
    const answer = await fetch(path);
    if (answer.status >= 400) throw toApiError(answer.status, answer.body);
    return answer.body;
  };
  return { calls, call };
}

const STEP_UP_REQUIRED = { status: 403, body: { code: 'STEP_UP_REQUIRED', message: 'x' } };

test('a route answering STEP_UP_REQUIRED is retried once after the person stepped up', async () => {
  const server = fakeServer([STEP_UP_REQUIRED, { status: 200, body: { method: 'totp' } }, { status: 200, body: { revealed: true } }]);
  const result = await withStepUp(
    () => server.call('/api/me/profile/reveal'),
    async () => {
      await server.call('/api/auth/step-up');
      return true;
    },
  );
  assert.deepEqual(result, { revealed: true });
  assert.deepEqual(server.calls, ['/api/me/profile/reveal', '/api/auth/step-up', '/api/me/profile/reveal']);
});

test('a route that succeeds at once never prompts', async () => {
  const server = fakeServer([{ status: 200, body: { ok: 1 } }]);
  let prompts = 0;
  const result = await withStepUp(
    () => server.call('/api/me/factors/totp'),
    async () => {
      prompts++;
      return true;
    },
  );
  assert.deepEqual(result, { ok: 1 });
  assert.equal(prompts, 0);
});

test('closing the dialog rejects with StepUpCancelled and does not retry', async () => {
  const server = fakeServer([STEP_UP_REQUIRED]);
  await assert.rejects(
    withStepUp(
      () => server.call('/api/me/factors/recovery-codes'),
      async () => false,
    ),
    (error) => isStepUpCancelled(error),
  );
  assert.deepEqual(server.calls, ['/api/me/factors/recovery-codes']);
});

test('a second STEP_UP_REQUIRED after stepping up reaches the caller instead of looping', async () => {
  const server = fakeServer([STEP_UP_REQUIRED, STEP_UP_REQUIRED]);
  let prompts = 0;
  await assert.rejects(
    withStepUp(
      () => server.call('/api/staff/customers/a1/reveal'),
      async () => {
        prompts++;
        return true;
      },
    ),
    (error: unknown) => (error as { code?: string }).code === 'STEP_UP_REQUIRED',
  );
  assert.equal(prompts, 1);
  assert.equal(server.calls.length, 2);
});

test('other failures are thrown untouched without a prompt', async () => {
  const server = fakeServer([{ status: 403, body: { code: 'PURPOSE_NOT_ALLOWED', message: 'x' } }]);
  let prompts = 0;
  await assert.rejects(
    withStepUp(
      () => server.call('/api/staff/customers/a1/reveal'),
      async () => {
        prompts++;
        return true;
      },
    ),
    (error: unknown) => (error as { code?: string }).code === 'PURPOSE_NOT_ALLOWED',
  );
  assert.equal(prompts, 0);
});

test('a failing step-up (e.g. a wrong code that the dialog gave up on) propagates its error', async () => {
  const server = fakeServer([STEP_UP_REQUIRED, { status: 429, body: { code: 'RATE_LIMITED', message: 'x' } }]);
  await assert.rejects(
    withStepUp(
      () => server.call('/api/me/factors/x'),
      async () => {
        await server.call('/api/auth/step-up');
        return true;
      },
    ),
    (error: unknown) => (error as { code?: string }).code === 'RATE_LIMITED',
  );
});

test('the step-up dialog offers the account’s factor kinds, recovery while codes remain, and the password only without factors', () => {
  const factor = (kind: 'totp' | 'webauthn') => ({ id: kind, kind, createdAt: '', lastUsedAt: null, deviceType: null, backedUp: null });
  assert.deepEqual(stepUpMethods({ requirement: 'optional', factors: [], recoveryCodesRemaining: 0 }), ['password']);
  assert.deepEqual(stepUpMethods({ requirement: 'required', factors: [factor('totp')], recoveryCodesRemaining: 10 }), ['totp', 'recovery']);
  assert.deepEqual(stepUpMethods({ requirement: 'required', factors: [factor('webauthn'), factor('totp')], recoveryCodesRemaining: 0 }), [
    'totp',
    'webauthn',
  ]);
  assert.deepEqual(stepUpMethods(undefined), ['totp', 'webauthn', 'recovery', 'password']);
});
