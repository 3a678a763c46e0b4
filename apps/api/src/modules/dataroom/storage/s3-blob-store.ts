import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { AppError } from '../../../platform/errors/index.ts';
import { assertBlobKey, inPieces, type BlobStore } from './blob-store.ts';

export type S3Settings = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** S3 parts must be at least 5 MiB (except the last); 8 MiB keeps memory at one part per upload in flight. */
const PART_BYTES = 8 * 1024 * 1024;

/**
 * An S3-compatible object store (Alibaba Cloud OSS, Tencent COS, MinIO, Ceph RGW, AWS S3) with SigV4 request signing
 * and path-style URLs. Objects hold only the vault's sealed bytes; a file larger than one part is sent as a
 * multipart upload, part by part as it streams, and a failed upload is aborted so nothing half-written remains.
 */
export function createS3BlobStore(settings: S3Settings, fetchImpl?: typeof fetch): BlobStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  });
  const base = `${settings.endpoint.replace(/\/$/, '')}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string, query = '') => {
    assertBlobKey(key);
    return `${base}/dataroom/${key}.sealed${query}`;
  };
  const send = async (url: string, init: RequestInit & { body?: Buffer | string }) => {
    const signed = await client.sign(url, init as never);
    return (fetchImpl ?? fetch)(signed);
  };
  const expectOk = async (res: Response, what: string) => {
    if (!res.ok) throw new AppError('SERVICE_UNAVAILABLE', `object store ${what} failed with ${res.status}`);
    return res;
  };
  return {
    kind: 's3',
    async put(key, sealed) {
      const url = urlOf(key);
      const pieces = inPieces(sealed, PART_BYTES)[Symbol.asyncIterator]();
      const first = await pieces.next();
      const firstPart = first.done ? Buffer.alloc(0) : first.value;
      const second = first.done ? ({ done: true, value: undefined } as const) : await pieces.next();
      if (second.done) {
        await expectOk(await send(url, { method: 'PUT', body: firstPart, headers: { 'content-type': 'application/octet-stream' } }), 'put');
        return firstPart.length;
      }
      const created = await expectOk(await send(urlOf(key, '?uploads'), { method: 'POST' }), 'create multipart upload');
      const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await created.text())?.[1];
      if (!uploadId) throw new AppError('SERVICE_UNAVAILABLE', 'object store returned no upload id');
      const etags: string[] = [];
      let total = 0;
      try {
        let part: Buffer | undefined = firstPart;
        let next: IteratorResult<Buffer> = second;
        while (part) {
          const res = await expectOk(
            await send(urlOf(key, `?partNumber=${etags.length + 1}&uploadId=${encodeURIComponent(uploadId)}`), {
              method: 'PUT',
              body: part,
            }),
            'upload part',
          );
          etags.push(res.headers.get('etag') ?? '');
          total += part.length;
          part = next.done ? undefined : next.value;
          if (!next.done) next = await pieces.next();
        }
        const body = `<CompleteMultipartUpload>${etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
        await expectOk(
          await send(urlOf(key, `?uploadId=${encodeURIComponent(uploadId)}`), {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/xml' },
          }),
          'complete multipart upload',
        );
        return total;
      } catch (error) {
        await send(urlOf(key, `?uploadId=${encodeURIComponent(uploadId)}`), { method: 'DELETE' }).catch(() => undefined);
        throw error;
      }
    },
    async get(key) {
      const res = await send(urlOf(key), { method: 'GET' });
      if (res.status === 404) throw new AppError('NOT_FOUND', 'blob not found');
      await expectOk(res, 'get');
      if (!res.body) return Readable.from([]);
      return Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
    },
    async delete(key) {
      const res = await send(urlOf(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new AppError('SERVICE_UNAVAILABLE', `object store delete failed with ${res.status}`);
    },
  };
}
