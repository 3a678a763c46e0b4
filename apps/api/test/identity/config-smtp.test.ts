import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config/index.ts';

test('SMTP_URL is optional, and the sender defaults to no-reply at the public host', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://deals.example.cn' });
  assert.equal(config.smtpUrl, undefined);
  assert.equal(config.smtpFrom, '封桥 Sealbridge <no-reply@deals.example.cn>');
  assert.equal(loadConfig({ SMTP_URL: 'smtps://u:p@smtp.example.cn:465' }).smtpUrl, 'smtps://u:p@smtp.example.cn:465');
});

test('a malformed SMTP_URL is refused by name without echoing it (it may hold a password)', () => {
  try {
    loadConfig({ SMTP_URL: 'http://user:s3cret-pw@mail.example.cn' });
    assert.fail('expected a ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems[0]?.variable, 'SMTP_URL');
    assert.doesNotMatch(error.message, /s3cret/);
  }
});
