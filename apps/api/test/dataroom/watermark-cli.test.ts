import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { authHeaders } from '../helpers/test-app.ts';
import { createRoomFixture, samplePdf, type RoomFixture } from './dataroom-fixture.ts';
import { ATTACKS } from './watermark-attacks.ts';

const ROOT = new URL('../../../../', import.meta.url).pathname;

describe('npm run cli -- watermark identify <file>', () => {
  let f: RoomFixture;
  let leak: string;
  let code: string;
  let grantId: string;
  before(async () => {
    f = await createRoomFixture('sqlite');
    grantId = f.buyer.grantId;
    const documentId = (await f.upload(f.t.app, '财务报表', { name: 'fs.pdf', bytes: await samplePdf(2) })).json()['id'] as string;
    await f.setLevel(f.t.app, grantId, documentId, 'view');
    const page = await f.t.app.inject({
      method: 'GET',
      url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/2`,
      headers: authHeaders(f.buyer.session, false),
    });
    code = String(page.headers['x-watermark-code']);
    leak = join(f.t.dataDir, 'leaked.jpg');
    writeFileSync(leak, await ATTACKS.jpeg60(page.rawPayload));
    await f.t.app.services.auditLog.drain();
  });
  after(async () => f.close());

  const run = (file: string) =>
    spawnSync(process.execPath, ['apps/api/src/cli/main.ts', 'watermark', 'identify', file, '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: f.t.dataDir, DEMO: '0', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  test('names the rendering a leaked page came from, exits 0, and the run is on the audit trail', async () => {
    const out = run(leak);
    assert.equal(out.status, 0, out.stderr);
    const result = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}');
    assert.equal(result.found, true);
    assert.equal(result.code, code);
    assert.equal(result.grantId, grantId);
    assert.equal(result.page, 2);
    const audited = await f.t.database.db
      .selectFrom('audit_log')
      .select(['type', 'actor_role'])
      .where('type', '=', 'dataroom.leak_identified')
      .execute();
    assert.deepEqual(
      audited.map((a) => a.actor_role),
      ['operator'],
    );
  });

  test('says so and exits 1 for a picture without a watermark, 2 for a missing file', async () => {
    const { openPdf, renderPage } = await import('../../src/modules/dataroom/page-renderer.ts');
    const plain = join(f.t.dataDir, 'plain.png');
    writeFileSync(plain, (await renderPage(await openPdf(new Uint8Array(await samplePdf(1))), 1)).toBuffer('image/png'));
    assert.equal(run(plain).status, 1);
    assert.equal(run(join(f.t.dataDir, 'nope.jpg')).status, 2);
  });
});
