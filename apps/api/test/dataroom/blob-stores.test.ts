import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import S3rver from 's3rver';
import { createDatabaseBlobStore, createFsBlobStore, createS3BlobStore, type BlobStore } from '../../src/modules/dataroom/index.ts';
import { authHeaders } from '../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';
import { createRoomFixture, samplePdf, type RoomFixture } from './dataroom-fixture.ts';

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A local S3-compatible server (s3rver, from the npm registry) with one bucket. */
async function startS3(): Promise<{ endpoint: string; dir: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sealbridge-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: dir,
    silent: true,
    configureBuckets: [{ name: 'sealbridge-test', configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const S3_KEYS = { region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', bucket: 'sealbridge-test' };

describe('every BlobStore keeps, streams back and deletes sealed bytes, large ones in parts', () => {
  let store: TestStore;
  let s3: Awaited<ReturnType<typeof startS3>>;
  const stores: [string, () => BlobStore][] = [];
  before(async () => {
    store = await createTestStore('sqlite');
    s3 = await startS3();
    stores.push(
      ['fs', () => createFsBlobStore(join(store.dataDir, 'blobs'))],
      ['database', () => createDatabaseBlobStore(store.database.db)],
      ['s3', () => createS3BlobStore({ endpoint: s3.endpoint, ...S3_KEYS })],
    );
  });
  after(async () => {
    await s3.stop();
    await store.cleanup();
  });

  for (const name of ['fs', 'database', 's3']) {
    test(`${name}: a small and a 17 MiB blob come back byte for byte; a deleted one is NOT_FOUND`, async () => {
      const blobs = stores.find(([n]) => n === name)?.[1]() as BlobStore;
      const small = randomBytes(1000);
      const large = randomBytes(17 * 1024 * 1024 + 123);
      assert.equal(await blobs.put('small-blob-1', Readable.from([small])), small.length);
      // Arrives in odd-sized chunks, as an upload does.
      const chunks = Array.from({ length: Math.ceil(large.length / 65_519) }, (_, i) => large.subarray(i * 65_519, (i + 1) * 65_519));
      assert.equal(await blobs.put('large-blob-1', Readable.from(chunks)), large.length);
      assert.deepEqual(await drain(await blobs.get('small-blob-1')), small);
      assert.ok((await drain(await blobs.get('large-blob-1'))).equals(large));
      await blobs.delete('small-blob-1');
      await assert.rejects(blobs.get('small-blob-1'), /not found/);
    });

    test(`${name}: a stream that fails half way leaves nothing behind`, async () => {
      const blobs = stores.find(([n]) => n === name)?.[1]() as BlobStore;
      async function* failing() {
        yield randomBytes(9 * 1024 * 1024);
        throw new Error('client went away');
      }
      await assert.rejects(blobs.put('broken-blob-1', Readable.from(failing())), /client went away/);
      await assert.rejects(blobs.get('broken-blob-1'), /not found/);
    });
  }
});

describe('a data room on the S3 store', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let f: RoomFixture;
  const CANARY = 'CANARY-S3-DATAROOM-4b1d';
  before(async () => {
    s3 = await startS3();
    f = await createRoomFixture('sqlite', {
      DATAROOM_BLOB_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: S3_KEYS.bucket,
      S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey,
    });
  });
  after(async () => {
    await f.close();
    await s3.stop();
  });

  test('stores only sealed bytes in the bucket, and pages and originals come back through it', async () => {
    const pdf = await samplePdf(2, undefined, CANARY);
    const documentId = (await f.upload(f.t.app, '审计报告', { name: 'a.pdf', bytes: pdf })).json()['id'] as string;
    assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'original'), 200);
    const page = await f.t.app.inject({
      method: 'GET',
      url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/2`,
      headers: authHeaders(f.buyer.session, false),
    });
    assert.equal(page.statusCode, 200);
    const original = await f.t.app.inject({
      method: 'GET',
      url: `/api/dataroom/${f.listingId}/documents/${documentId}/download?form=original`,
      headers: authHeaders(f.buyer.session, false),
    });
    assert.deepEqual(original.rawPayload, pdf);
    const objects = filesUnder(s3.dir).filter((p) => statSync(p).isFile());
    assert.ok(
      objects.some((p) => p.includes('dataroom')),
      'the bucket holds the object',
    );
    assert.deepEqual(
      objects.filter((p) => readFileSync(p).includes(Buffer.from(CANARY))),
      [],
    );
    assert.ok(!filesUnder(f.t.dataDir).some((p) => p.endsWith('.sealed')), 'nothing went to DATA_DIR');
  });
});
