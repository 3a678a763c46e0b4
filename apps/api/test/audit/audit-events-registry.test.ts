import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_ACTIONS, AUDIT_EVENT_TYPES } from '@sealbridge/contracts';
import { ALL_AUDIT_EVENTS } from '../../src/services.ts';

test('the server declares exactly the audit event types and actions the contracts (and so the web) know', () => {
  assert.deepEqual(ALL_AUDIT_EVENTS.map((e) => e.type).sort(), [...AUDIT_EVENT_TYPES].sort());
  assert.deepEqual([...new Set(ALL_AUDIT_EVENTS.map((e) => e.action))].sort(), [...AUDIT_ACTIONS].sort());
});

test('no audit event payload schema has a field named like a personal value', () => {
  const suspicious = /name|mobile|phone|email|address|idnumber|value|plaintext/i;
  for (const event of ALL_AUDIT_EVENTS) {
    const shape = (event.data as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    assert.deepEqual(
      Object.keys(shape).filter((k) => suspicious.test(k)),
      [],
      event.type,
    );
  }
});
