import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bytesAtRest } from '../helpers/at-rest.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders } from '../helpers/test-app.ts';
import { createRoomFixture, samplePdf, type RoomFixture } from './dataroom-fixture.ts';

/** A string planted inside uploaded documents; it must never rest anywhere in plaintext. */
const CANARY = 'CANARY-DATAROOM-7f3a9c-ZEBRA';
const NEEDLES = [CANARY, Buffer.from(CANARY).toString('hex'), Buffer.from(CANARY).toString('base64').slice(0, 24), 'DATAROOM-7f3a9c'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const sofficeRuns = spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 20_000 }).status === 0;

function officeFileWithCanary(): Buffer | null {
  if (!sofficeRuns) return null;
  const dir = mkdtempSync(join(tmpdir(), 'canary-docx-'));
  try {
    writeFileSync(join(dir, 'memo.txt'), `Board memo ${CANARY}\nGuarantees schedule\n`);
    spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'docx', '--outdir', dir, join(dir, 'memo.txt')],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return readFileSync(join(dir, 'memo.docx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STORES: { dialect: (typeof DIALECTS)[number]; env: Record<string, string> }[] = [
  ...DIALECTS.map((dialect) => ({ dialect, env: {} })),
  // The database BlobStore on SQLite too, so both stores are searched whatever the run covers.
  { dialect: 'sqlite', env: { DATAROOM_BLOB_STORE: 'database' } },
];

for (const { dialect, env } of STORES) {
  describe(`a canary inside uploaded documents on ${dialect} (${env.DATAROOM_BLOB_STORE ?? 'default'} blob store)`, () => {
    let f: RoomFixture;
    let convertDirsBefore: string[];
    before(async () => {
      convertDirsBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('sealbridge-convert-'));
      f = await createRoomFixture(dialect, env);
      const pdf = await samplePdf(2, (p) => [`Page ${p} ${CANARY}`, 'Mobile 13957246813'], CANARY);
      assert.ok(pdf.includes(Buffer.from(CANARY)), 'the PDF carries the canary in plaintext, so finding it at rest would mean a leak');
      const grantId = f.buyer.grantId;
      const uploaded = await f.upload(f.t.app, '董事会纪要', { name: 'minutes.pdf', bytes: pdf });
      assert.equal(uploaded.statusCode, 200, uploaded.body);
      const documentId = uploaded.json()['id'] as string;
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'original'), 200);
      const base = `/api/dataroom/${f.listingId}/documents/${documentId}`;
      const buyer = authHeaders(f.buyer.session, false);
      assert.equal((await f.t.app.inject({ method: 'GET', url: `${base}/pages/1`, headers: buyer })).statusCode, 200);
      assert.ok(
        (await f.t.app.inject({ method: 'GET', url: `${base}/download?form=original`, headers: buyer })).rawPayload.includes(
          Buffer.from(CANARY),
        ),
        'the original download does carry it',
      );
      assert.equal((await f.t.app.inject({ method: 'GET', url: `${base}/download`, headers: buyer })).statusCode, 200);
      const proposal = await f.t.app.inject({ method: 'GET', url: `${base}/redaction`, headers: authHeaders(f.sessions.broker, false) });
      assert.equal(proposal.statusCode, 200, proposal.body);
      const boxes = (proposal.json().proposals as { page: number; x: number; y: number; w: number; h: number }[]).map(
        ({ page, x, y, w, h }) => ({ page, x, y, w, h }),
      );
      assert.ok(boxes.length >= 2, 'the mobile number on each page is proposed');
      const applied = await f.t.app.inject({
        method: 'POST',
        url: `${base}/redaction`,
        headers: authHeaders(f.sessions.broker),
        payload: { versionId: proposal.json().versionId, boxes },
      });
      assert.equal(applied.statusCode, 200, applied.body);
      const office = officeFileWithCanary();
      if (office) {
        const converted = await f.upload(f.t.app, '会议备忘', { name: 'memo.docx', bytes: office });
        assert.equal(converted.statusCode, 200, converted.body);
        assert.equal((converted.json()['versions'] as unknown[]).length, 2, 'kept the original and its PDF conversion');
      }
      await f.t.app.services.auditLog.drain();
    });
    after(async () => f.close());

    test('no file under DATA_DIR holds it, nor any table, the key store or the WAL', async () => {
      const files = filesUnder(f.t.dataDir).filter((p) => statSync(p).isFile());
      if (!env.DATAROOM_BLOB_STORE && dialect === 'sqlite')
        assert.ok(
          files.some((p) => p.endsWith('.sealed')),
          'sealed files are searched',
        );
      const found: string[] = [];
      for (const path of files) {
        const bytes = readFileSync(path);
        for (const needle of NEEDLES) if (bytes.includes(Buffer.from(needle))) found.push(`${path}: ${needle}`);
      }
      const rest = await bytesAtRest(f.t);
      for (const needle of NEEDLES) if (rest.includes(Buffer.from(needle))) found.push(`database: ${needle}`);
      assert.deepEqual(found, []);
    });

    test('no log line holds it, and no job payload', async () => {
      assert.ok(f.t.logLines.length > 5);
      const logs = f.t.logLines.join('\n');
      assert.deepEqual(
        NEEDLES.filter((n) => logs.includes(n)),
        [],
      );
      const jobs = await f.t.database.db.selectFrom('platform_jobs').selectAll().execute();
      assert.deepEqual(
        NEEDLES.filter((n) => JSON.stringify(jobs).includes(n)),
        [],
      );
    });

    test('the LibreOffice conversion left no temporary directory behind', () => {
      const left = readdirSync(tmpdir()).filter((n) => n.startsWith('sealbridge-convert-') && !convertDirsBefore.includes(n));
      assert.deepEqual(left, []);
    });
  });
}
