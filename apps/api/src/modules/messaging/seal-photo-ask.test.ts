import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksForSealPhoto } from './seal-photo-ask.ts';

const ASKS = [
  '拍一下公章',
  '发个营业执照照片',
  '印章照片',
  '麻烦把公章拍给我看看',
  '营业执照正副本拍照发我',
  '财务章和法人章都拍一下吧',
  '能把营业执照发过来吗？',
  '公 章 照 片 发一下',
  '先发张公章的图片我核对一下',
  '把执照扫描件传过来',
  '好的。另外，请拍一下公章给我',
  'Can you send me a photo of the company seal?',
];
const DOES_NOT_ASK = [
  '交割时会移交公章和营业执照正副本',
  '请勿在聊天中发送公章照片',
  '平台不会索要公章照片',
  '不要发公章照片给任何人',
  '营业执照上的经营范围是什么？',
  '营业执照在哪里可以查到？国家企业信用信息公示系统',
  '公章已经刻好了，下周备案',
  '旧公章交割后需要注销',
  '公章的事您来拍板',
  '许可证什么时候到期？',
  '照片已经上传到资料室了',
  'We never ask for photos of seals.',
];

test('a message asking for a photo of a seal or licence is recognised however it is phrased', () => {
  assert.deepEqual(
    ASKS.filter((text) => !asksForSealPhoto(text)),
    [],
  );
});

test('talk about seals and licences that asks for no photo, or warns against sending one, is not flagged', () => {
  assert.deepEqual(
    DOES_NOT_ASK.filter((text) => asksForSealPhoto(text)),
    [],
  );
});

test('an ask and a refusal in separate clauses are judged apart', () => {
  assert.equal(asksForSealPhoto('身份证不要发，拍一下公章就行'), true);
  assert.equal(asksForSealPhoto('拍一下公章？不，别拍公章'), true, 'the first clause still asks');
});
