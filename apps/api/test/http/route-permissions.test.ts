import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PERMISSIONS, ROLE_PERMISSIONS } from '@sealbridge/contracts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('route permissions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
    await t.app.ready();
  });
  after(async () => t.close());

  test('every API route declares a known permission', () => {
    const apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));
    assert.ok(apiRoutes.length >= 6, 'the enumeration sees the routes');
    const missing = apiRoutes.filter((r) => r.permission === undefined || !Object.hasOwn(PERMISSIONS, r.permission));
    assert.deepEqual(missing, []);
  });

  test('a route registered without a permission stops the server from starting', async () => {
    const other = await createTestApp('sqlite');
    try {
      assert.throws(() => other.app.get('/api/undeclared', async () => ({ ok: true })), /declares no permission/);
    } finally {
      await other.close();
    }
  });

  test('every permission is held by some role or is one of the two open ones', () => {
    const held = new Set(Object.values(ROLE_PERMISSIONS).flat());
    const orphans = Object.keys(PERMISSIONS).filter((p) => p !== 'public' && p !== 'authenticated' && !held.has(p as never));
    assert.deepEqual(orphans, []);
  });
});
