import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from './logger.ts';
import { registerLogScrubber } from './redaction.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

test('secrets are censored at the top level, inside common containers and in cookies', () => {
  const { logger, lines } = capture();
  logger.info({ password: 'hunter2', body: { password: 'hunter3', name: 'ok' }, req: { headers: { cookie: 'sb_session=abc' } } }, 'x');
  const line = JSON.parse(lines[0] ?? '{}');
  assert.equal(line.password, '[redacted]');
  assert.equal(line.body.password, '[redacted]');
  assert.equal(line.body.name, 'ok');
  assert.equal(line.req.headers.cookie, '[redacted]');
  assert.doesNotMatch(lines[0] ?? '', /hunter|sb_session=abc/);
});

test('error messages pass through the registered scrubbers before they are logged', () => {
  registerLogScrubber((text) => text.replaceAll(/1[3-9]\d{9}/g, '[手机号]'));
  const { logger, lines } = capture();
  logger.error({ err: new Error('duplicate key value 13912345678') }, 'failed');
  assert.doesNotMatch(lines[0] ?? '', /13912345678/);
  assert.match(lines[0] ?? '', /\[手机号\]/);
});
