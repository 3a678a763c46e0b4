/**
 * Does a chat message ask for a photo of a company seal or licence? (issue 19 item 6). A pure check on the text at
 * send time: the answer becomes one flag on the message (`asks_seal_photo`) so its recipients see a tip beside it.
 * It never stores, logs or returns what matched.
 *
 * A clause asks when it names a seal or licence, asks for an image of it (拍 / 照片 / 图片 / 扫描件 / 发过来 …), and
 * does not negate the ask (不要 / 请勿 / 不会 …): "拍一下公章", "发个营业执照照片", "印章照片" ask; "交割时移交公章",
 * "请勿发送公章照片", "营业执照上的经营范围是什么" do not.
 */
const OBJECT = /(公章|财务章|法人章|合同章|发票章|印章|章子|公司章|印鉴|营业执照|执照|许可证|资质证书?)/;
// "执照" contains 照, so an image word must be longer than 照 alone; 拍卖 / 拍板 are not photos.
const IMAGE =
  /(拍(?!卖|板)|照片|拍照|相片|图片|截图|扫描件?|扫一下|影印件|复印件|原件图|发.{0,3}(过来|给我|我看|一下|张|个)|传.{0,2}(过来|给我|一下|张))/;
const NEGATION = /(不要|别|请勿|切勿|勿|不会|不用|不必|无需|不需要|禁止|不能|不可|不得|绝不|从不)/;

const OBJECT_EN = /\b(company seal|seals?|chops?|business licen[cs]e|licen[cs]e)\b/i;
const IMAGE_EN = /\b(photos?|pictures?|pics?|scans?|snap|take a shot|send (it|them|me|over))\b/i;
const NEGATION_EN = /\b(never|don't|do not|no need|must not|won't|will not)\b/i;

/** Splits into clauses: an ask and its refusal in different clauses ("不要发身份证，拍一下公章") are judged apart. */
const CLAUSES = /[，,。．.！!？?；;：:\n]+/;

function asksInEnglish(clause: string): boolean {
  return OBJECT_EN.test(clause) && IMAGE_EN.test(clause) && !NEGATION_EN.test(clause);
}

function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff·・_*~-]+/g, '');
}

export function asksForSealPhoto(text: string): boolean {
  if (text.normalize('NFKC').split(CLAUSES).some(asksInEnglish)) return true;
  return normalize(text)
    .split(CLAUSES)
    .some((clause) => OBJECT.test(clause) && IMAGE.test(clause) && !NEGATION.test(clause));
}
