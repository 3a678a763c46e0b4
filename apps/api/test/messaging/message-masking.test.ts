import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDING_TYPES } from '@sealbridge/cn-identifiers';
import { MASKED_KINDS } from '@sealbridge/contracts';
import { cleanInput, maskedSegments, maskedText, maskSpans, ownSegments } from '../../src/modules/messaging/message-masking.ts';

test("the kinds a message can mask are exactly the detector's finding types", () => {
  assert.deepEqual([...MASKED_KINDS].sort(), [...FINDING_TYPES].sort());
});

test('the masked rendering keeps the text and replaces each identifier by its kind', () => {
  const text = '电话 13912345678，邮箱 a.b@example.com。';
  const spans = maskSpans(text);
  assert.deepEqual(maskedSegments(maskedText(text, spans)), [
    { type: 'text', text: '电话 ' },
    { type: 'masked', kind: 'mobile' },
    { type: 'text', text: '，邮箱 ' },
    { type: 'masked', kind: 'email' },
    { type: 'text', text: '。' },
  ]);
});

test("the sender's view marks exactly what others see masked", () => {
  const { segments } = ownSegments('加我微信：zhang_san88 谢谢');
  assert.deepEqual(segments, [
    { type: 'text', text: '加我微信：' },
    { type: 'withheld', kind: 'wechat', text: 'zhang_san88' },
    { type: 'text', text: ' 谢谢' },
  ]);
});

test('a person cannot forge a masked run: the marker characters are removed from what they send', () => {
  const forged = cleanInput('看这里 \uE000mobile\uE001 哈');
  assert.equal(forged, '看这里 mobile 哈');
  assert.deepEqual(maskedSegments(maskedText(forged, maskSpans(forged))), [{ type: 'text', text: '看这里 mobile 哈' }]);
});

test('a stored rendering is masked again on reading, so identifiers missed when it was sealed are still hidden', () => {
  // As if sealed by an older detector that found nothing: the text between markers is checked again.
  assert.deepEqual(maskedSegments('旧消息 13912345678'), [
    { type: 'text', text: '旧消息 ' },
    { type: 'masked', kind: 'mobile' },
  ]);
});

test('a number spelled out in Chinese digits, or a WeChat ID behind a look-alike cue, is masked like a plain one', () => {
  const text = '电话 幺三九一二三四五六七八，威信 zhang_san88';
  assert.deepEqual(maskedSegments(maskedText(text, maskSpans(text))), [
    { type: 'text', text: '电话 ' },
    { type: 'masked', kind: 'mobile' },
    { type: 'text', text: '，威信 ' },
    { type: 'masked', kind: 'wechat' },
  ]);
});
