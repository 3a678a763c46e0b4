import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_FAILURE_REASONS } from '@sealbridge/contracts';
import { actorRoles, AUDIT_ACTIONS, AUDIT_EVENT_TYPES } from '../shared/i18n/audit-codes.ts';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

type Tree = { readonly [key: string]: string | Tree };

/** The value at a dotted path ("vault.fields_revealed"), as i18next resolves it. */
function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

const LISTS: ReadonlyArray<[string, readonly string[], string]> = [
  ['AUDIT_EVENT_TYPES', AUDIT_EVENT_TYPES, 'audit.eventTypes'],
  ['AUDIT_ACTIONS', AUDIT_ACTIONS, 'audit.actions'],
  ['AUDIT_FAILURE_REASONS', AUDIT_FAILURE_REASONS, 'audit.failureReasons'],
  ['decisions', ['allowed', 'denied'], 'audit.decisions'],
];

for (const [localeName, messages] of [
  ['zh-CN', zhCN],
  ['en', en],
] as const) {
  for (const [listName, codes, section] of LISTS) {
    test(`${localeName} names every code of ${listName}`, () => {
      for (const code of codes) {
        const name = at(messages as unknown as Tree, `${section}.${code}`);
        assert.equal(typeof name, 'string', `${localeName}: ${section}.${code} has no translation`);
        assert.notEqual(String(name).trim(), '', `${localeName}: ${section}.${code} is empty`);
      }
    });
  }
}

test('event types have the module.event shape the server enforces', () => {
  for (const type of AUDIT_EVENT_TYPES) assert.match(type, /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);
});

test('an actor stored with several roles is split into its role codes', () => {
  assert.deepEqual(actorRoles('broker'), ['broker']);
  assert.deepEqual(actorRoles('auditor, privacy_officer'), ['auditor', 'privacy_officer']);
  assert.deepEqual(actorRoles(null), []);
  assert.deepEqual(actorRoles(''), []);
});
