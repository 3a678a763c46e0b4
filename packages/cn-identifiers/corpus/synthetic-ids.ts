// Synthetic identifiers for the corpus. The checksums are implemented here a second time, on purpose: the
// generator must not share code with the detector, or a bug in one would hide in the other.
import type { Rng } from './rng.ts';

const PROVINCES = ['11', '12', '13', '14', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '50', '51', '52', '53', '61', '62', '64', '65'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function regionCode(rng: Rng): string {
  return rng.pick(PROVINCES) + pad2(rng.int(1, 12)) + pad2(rng.int(1, 28));
}

function gb11643Check(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17.charAt(i)), 0);
  return '10X98765432'.charAt(sum % 11);
}

function birthDate(rng: Rng): string {
  const year = rng.int(1955, 2004);
  const month = rng.int(1, 12);
  const day = rng.int(1, [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 28);
  return `${year}${pad2(month)}${pad2(day)}`;
}

export function idNumber(rng: Rng): string {
  const first17 = regionCode(rng) + birthDate(rng) + rng.digits(3);
  return first17 + gb11643Check(first17);
}

export type BadIdKind = 'check digit' | 'impossible date' | 'future birth date' | 'unknown region';

/** An 18-character number that is not a valid ID for the stated reason (its check digit is right otherwise). */
export function badIdNumber(rng: Rng, kind: BadIdKind): string {
  if (kind === 'check digit') {
    const good = idNumber(rng);
    const wrong = '0123456789X'.replace(good.charAt(17), '');
    return good.slice(0, 17) + wrong.charAt(rng.int(0, wrong.length - 1));
  }
  let first17: string;
  if (kind === 'impossible date') {
    const md = rng.pick(['0230', '0231', '1301', '0431', '0001', '1232', '0931', '1100']);
    first17 = regionCode(rng) + String(rng.int(1960, 2000)) + md + rng.digits(3);
  } else if (kind === 'future birth date') {
    first17 = regionCode(rng) + String(rng.int(2031, 2060)) + pad2(rng.int(1, 12)) + pad2(rng.int(1, 28)) + rng.digits(3);
  } else {
    first17 = rng.pick(['00', '19', '28', '39', '49', '70', '90', '99']) + rng.digits(4) + birthDate(rng) + rng.digits(3);
  }
  return first17 + gb11643Check(first17);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function gb32100Check(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

// The organization-code part carries its own GB 11714 check character, as real codes do.
function gb11714Check(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string): number => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = weights.reduce((acc, w, i) => acc + w * value(first8.charAt(i)), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function uscc(rng: Rng): string {
  const head = rng.pick(['91', '91', '91', '92', '93', '11', '12', '51', '52']);
  const letters = 'ABCDEFGHJKLMNPQRTUWXY';
  const org =
    rng.chance(0.6)
      ? 'MA' + Array.from({ length: 6 }, () => (rng.chance(0.6) ? String(rng.int(0, 9)) : letters.charAt(rng.int(0, letters.length - 1)))).join('')
      : rng.digits(8);
  const first17 = head + regionCode(rng) + org + gb11714Check(org);
  return first17 + gb32100Check(first17);
}

export function badUscc(rng: Rng): string {
  const good = uscc(rng);
  const wrong = USCC_ALPHABET.replace(good.charAt(17), '');
  return good.slice(0, 17) + wrong.charAt(rng.int(0, wrong.length - 1));
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body.charAt(body.length - 1 - i));
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const CARD_BINS = ['622202', '622848', '621700', '622588', '621226', '623058', '622609', '621483', '436742', '518710', '622262', '625965'];

export function bankCard(rng: Rng, length: number = rng.pick([16, 19, 19, 19, 16, 17, 18])): string {
  const body = rng.pick(CARD_BINS) + rng.digits(length - 7);
  return body + luhnCheckDigit(body);
}

/** A card-shaped number whose Luhn digit is wrong. */
export function badBankCard(rng: Rng): string {
  const good = bankCard(rng);
  return good.slice(0, -1) + String((Number(good.slice(-1)) + rng.int(1, 9)) % 10);
}

/** Any Luhn-valid number starting like a UnionPay card: used as an order number that looks like a card. */
export function luhnValidOrderNumber(rng: Rng): string {
  const body = '62' + rng.digits(rng.pick([13, 14, 15, 16]));
  return body + luhnCheckDigit(body);
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156',
  '158', '159', '166', '176', '177', '180', '181', '185', '186', '187', '188', '189', '191', '198', '199'];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

export type Landline = { area: string; local: string; ext?: string };
const AREAS = ['010', '021', '020', '022', '023', '024', '025', '027', '028', '029', '0571', '0755', '0512', '0531',
  '0532', '0591', '0731', '0851', '0871', '0898', '0351', '0371', '0431', '0451', '0551', '0769', '0757', '0574'];

export function landline(rng: Rng): Landline {
  const area = rng.pick(AREAS);
  const local = String(rng.int(2, 8)) + rng.digits(area.length === 3 || rng.chance(0.8) ? 7 : 6);
  return rng.chance(0.15) ? { area, local, ext: rng.digits(rng.int(3, 4)) } : { area, local };
}

const PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu',
  'gao', 'lin', 'he', 'guo', 'ma', 'luo', 'lei', 'fang', 'jing', 'wei', 'ming', 'hua', 'jun', 'yan', 'tao', 'bo'];
const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'gmail.com', 'outlook.com', 'foxmail.com',
  'hotmail.com', 'yeah.net', 'example.com', 'hz-keji.example.cn', 'sh-qifu.example.com'];

export function email(rng: Rng): string {
  const name = rng.pick(PINYIN) + rng.pick(['', '.', '_']) + rng.pick(PINYIN);
  const local = rng.pick([name, name + String(rng.int(1, 99)), name + String(rng.int(1970, 2005)), qq(rng)]);
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function wechatId(rng: Rng): string {
  const base = rng.pick(PINYIN) + rng.pick(['', '_', '-', '']) + rng.pick(PINYIN);
  const id = rng.pick([base + String(rng.int(1, 9999)), base + '_' + String(rng.int(10, 99)), 'wxid_' + rng.pick(PINYIN) + rng.digits(6), base + String(rng.int(1975, 2003))]);
  return id.padEnd(6, '8').slice(0, 20);
}

export function qq(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.digits(rng.int(4, 9));
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳', '诸葛', '司马'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '建华', '志强', '晓东'];

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.4) ? rng.pick(GIVEN).charAt(0) : '');
}

export function surname(rng: Rng): string {
  return rng.pick(SURNAMES);
}
