import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { acceptImage, cleanImage } from './image-clean.ts';

const photoWithGps = (format: 'jpeg' | 'png') => {
  const pixels = Buffer.alloc(40 * 20 * 3, 200);
  const image = sharp(pixels, { raw: { width: 40, height: 20, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'SB-CAMERA' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    });
  return (format === 'jpeg' ? image.jpeg() : image.png()).toBuffer();
};

test('a photo loses its EXIF (GPS position, camera) and is turned upright by its orientation tag', async () => {
  for (const format of ['jpeg', 'png'] as const) {
    const original = await photoWithGps(format);
    const before = await sharp(original).metadata();
    assert.ok(before.exif && before.exif.includes('SB-CAMERA'), `the ${format} fixture carries EXIF`);
    const cleaned = await cleanImage(original, format);
    const after = await sharp(cleaned).metadata();
    assert.equal(after.format, format);
    assert.equal(after.exif, undefined, `${format}: no EXIF left`);
    assert.equal(cleaned.includes('SB-CAMERA'), false);
    assert.deepEqual([after.width, after.height], [20, 40], `${format}: orientation 6 applied to the pixels`);
  }
});

test('a huge photo is scaled down to 4,096 pixels on its longest side; a small one is never enlarged', async () => {
  const big = await sharp({ create: { width: 5000, height: 1000, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  const meta = await sharp(await cleanImage(big, 'png')).metadata();
  assert.deepEqual([meta.width, meta.height], [4096, 819]);
  const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  assert.equal((await sharp(await cleanImage(small, 'jpeg')).metadata()).width, 8);
});

test('bytes that look like a PNG but do not decode are refused as the wrong type, nothing returned', async () => {
  const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 9)]);
  assert.deepEqual(await acceptImage(fake.toString('base64'), 1024), { ok: false, reason: 'type' });
  assert.deepEqual(await acceptImage(Buffer.from('GIF89a....').toString('base64'), 1024), { ok: false, reason: 'type' });
});
