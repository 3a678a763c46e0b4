import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDING_TYPES, REDACTION_PLACEHOLDERS, redact, scanToJson } from './index.ts';

const TODAY = new Date('2025-06-01T12:00:00+08:00');

test('each identifier is replaced with its typed placeholder', () => {
  const text =
    '手机13812345678，座机021-61234567，身份证310115199003071239，信用代码91310115MA1K3ABC5W，' +
    '卡号6222021234567890128，邮箱a.b@qq.com，微信：wang_lei88，QQ：2845123456。';
  const { text: redacted, findings } = redact(text, { today: TODAY });
  assert.equal(
    redacted,
    '手机[手机号]，座机[座机]，身份证[身份证号]，信用代码[统一社会信用代码]，卡号[银行卡号]，邮箱[邮箱]，微信：[微信号]，QQ：[QQ号]。',
  );
  assert.equal(findings.length, 8);
});

test('the finding offsets refer to the original text', () => {
  const text = '电话 +86 138 1234 5678 请勿外传';
  const { findings } = redact(text, { today: TODAY });
  assert.equal(text.slice(findings[0]?.start, findings[0]?.end), '+86 138 1234 5678');
});

test('a text without identifiers comes back unchanged', () => {
  const text = '注册资本1000万，成立于2016年，订单号13812345678';
  assert.deepEqual(redact(text, { today: TODAY }), { text, findings: [] });
});

test('there is a placeholder for every finding type', () => {
  assert.deepEqual(Object.keys(REDACTION_PLACEHOLDERS).sort(), [...FINDING_TYPES].sort());
  assert.throws(() => {
    (REDACTION_PLACEHOLDERS as Record<string, string>).mobile = 'x';
  });
});

test('the CLI output lists types and positions and never the identifiers themselves', () => {
  const text = '王经理13812345678，邮箱wang@qq.com';
  const json = scanToJson(text, { today: TODAY });
  assert.equal(json, '{"findings":[{"type":"mobile","start":3,"end":14},{"type":"email","start":17,"end":28}]}');
  assert.ok(!json.includes('13812345678') && !json.includes('wang@'));
  assert.equal(scanToJson('没有号码'), '{"findings":[]}');
});
