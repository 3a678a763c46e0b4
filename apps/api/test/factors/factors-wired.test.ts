import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { authHeaders, createTestApp, sessionFrom, type TestApp } from '../helpers/test-app.ts';

describe('second factors in the composed app', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
    await seedDemo(t.database, t.app.services);
    await t.app.ready();
  });
  after(async () => t.close());

  test('a new broker signs in to an enrolment-only session, starts TOTP there, and the stored secret is sealed by the vault', async () => {
    await t.app.services.identity.createAccount({
      kind: 'staff',
      loginName: 'new-broker',
      accountNo: 'S-9001',
      roles: ['broker'],
      password: DEMO_PASSWORD,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginName: 'new-broker', password: DEMO_PASSWORD },
    });
    assert.equal(login.json().stage, 'enrol_factor');
    const broker = sessionFrom(login);
    const listed = await t.app.inject({ url: '/api/me/factors', headers: authHeaders(broker) });
    assert.equal(listed.statusCode, 200, listed.body);
    const started = await t.app.inject({ method: 'POST', url: '/api/me/factors/totp', headers: authHeaders(broker), payload: {} });
    assert.equal(started.statusCode, 200, started.body);
    const body = started.json() as { secret?: string; otpauthUri?: string };
    const secret = body.secret ?? /secret=([A-Z2-7]+)/.exec(body.otpauthUri ?? '')?.[1] ?? '';
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    const rows = await t.database.db
      .selectFrom('factors_totp')
      .select('secret_sealed')
      .where('factor_id', '=', (started.json() as { factorId: string }).factorId)
      .execute();
    assert.equal(rows.length, 1);
    assert.ok(!rows[0]?.secret_sealed.includes(secret), 'no plaintext secret at rest');
    const platform = await t.database.db.selectFrom('vault_subjects').select('kind').where('kind', '=', 'platform').execute();
    assert.equal(platform.length, 1, 'sealed under the platform data key');
  });
});
