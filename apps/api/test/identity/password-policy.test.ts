import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessPassword, commonPasswords } from '../../src/modules/identity/index.ts';

describe('the password policy', () => {
  test('the offline common-password list is loaded: 100,000 entries of at least 10 characters', async () => {
    const list = await commonPasswords();
    assert.equal(list.size, 100_000);
    assert.ok(list.has('qwertyuiop') && list.has('1q2w3e4r5t') && list.has('qq123456789'));
    assert.ok([...list].every((p) => p.length >= 10));
  });

  test('a long, unusual passphrase passes', async () => {
    const verdict = await assessPassword('Seal-bridge harbour 42 lanterns');
    assert.equal(verdict.ok, true);
    assert.deepEqual(verdict.problems, []);
    assert.ok(verdict.score >= 3);
  });

  test('a password from the common list is refused as common whatever its letter case', async () => {
    const verdict = await assessPassword('QwertyUiop');
    assert.ok(verdict.problems.includes('common'));
    assert.equal(verdict.ok, false);
  });

  test('a short password is refused as too short, counting characters rather than bytes', async () => {
    assert.ok((await assessPassword('Zq8#pL2x!')).problems.includes('too_short'));
    const chinese = await assessPassword('封桥守密成交桥接信任长');
    assert.ok(!chinese.problems.includes('too_short'), 'eleven Chinese characters are long enough');
  });

  test('a guessable password gets zxcvbn feedback codes the web can translate', async () => {
    const verdict = await assessPassword('aaaaaaaaaaaaaa');
    assert.ok(verdict.problems.includes('guessable'));
    assert.equal(verdict.feedback.warning, 'simpleRepeat');
    assert.ok(verdict.feedback.suggestions.every((s) => /^[a-zA-Z]+$/.test(s)));
  });

  test("a password built on the person's own e-mail address is refused", async () => {
    const verdict = await assessPassword('zhangwei.cn2024', ['zhangwei.cn2024@example.com', 'zhangwei.cn2024']);
    assert.ok(verdict.problems.includes('guessable'));
    assert.equal(verdict.feedback.warning, 'userInputs');
  });
});

test("a password built on the product's own name is guessable (context-specific words, ASVS 6.2.11)", async () => {
  const { assessPassword } = await import('../../src/modules/identity/index.ts');
  for (const password of ['Sealbridge2026!', 'Fengqiao2026!', 'Gongsizhuanrang1']) {
    assert.ok((await assessPassword(password)).problems.includes('guessable'), password);
  }
});
