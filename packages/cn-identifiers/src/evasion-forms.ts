// First step of the evasion-aware normalization: every character of the text becomes zero, one or a few
// "cells", each one character of a canonical alphabet that remembers the original range it came from.
// Invisible characters vanish; full-width, circled, mathematical and other-script digits become ASCII digits;
// Cyrillic and Greek letters that look Latin become Latin; Chinese numerals, capital numerals, radio readings
// and homophones are tagged with the digit they may stand for (whether they do is decided later, by context).
import type { EvasionFamily } from './types.ts';

export const FAMILY_BIT: Readonly<Record<EvasionFamily, number>> = {
  unicode_forms: 1,
  chinese_numerals: 2,
  capital_numerals: 4,
  slang_digits: 8,
  separators: 16,
  invisible: 32,
  lookalikes: 64,
  split_by_words: 128,
  spelled_email: 256,
  im_nickname: 512,
  misleading_prefix: 1024,
};

/** What a cell is, for the digit pass. */
export const K = {
  other: 0,
  digit: 1, // an ASCII digit (possibly from a full-width, circled… form)
  numeral: 2, // 〇零一二…九
  capital: 3, // 壹贰叁…玖
  radio: 4, // 幺 两 洞 拐 勾: readings used on the radio and by everyone reading numbers aloud
  sound: 5, // homophones: 腰 伞 舞 溜 吧 酒…
  lookalike: 6, // a Latin letter standing for a digit (set by the digit pass)
  unit: 7, // 十 百 千 万 亿…: a numeral next to one is a quantity
  space: 8,
  newline: 9,
  separator: 10, // punctuation, symbols, emoji
  cjk: 11, // any other CJK character
  latin: 12,
} as const;

export type Cells = {
  /** The original text. */
  source: string;
  /** One character per cell: the canonical form scanned by the later passes. */
  base: string;
  start: Int32Array;
  end: Int32Array;
  flags: Uint16Array;
  kind: Uint8Array;
  /** The digit a digit-like cell may stand for, else -1. */
  digit: Int8Array;
  /** Rewrites decided by later passes, by cell (a cell without one stands for its base character). */
  out: Map<number, string>;
  /** Cells already rewritten as part of an e-mail or a messaging cue: the digit pass leaves them alone. */
  claimed: Uint8Array;
  /** False when the canonical text is the original text with full-width forms folded (nothing to undo). */
  changed: boolean;
  /** True once a later pass set some `out`. */
  rewritten: boolean;
};

type Form = { ch: string; kind: number; digit: number; flag: number };

const U = FAMILY_BIT.unicode_forms;
const FORMS = new Map<number, Form>();
const put = (chars: string, kind: number, digits: string | null, flag: number, ch?: (c: string, i: number) => string): void => {
  [...chars].forEach((c, i) => {
    const digit = digits ? Number(digits[i]) : -1;
    FORMS.set(c.codePointAt(0)!, { ch: ch ? ch(c, i) : c, kind, digit, flag });
  });
};
const digitForm = (cp0: number, count: number, first = 0): void => {
  for (let i = 0; i < count; i++) FORMS.set(cp0 + i, { ch: String(first + i), kind: K.digit, digit: first + i, flag: U });
};
// Digits in other clothes.
digitForm(0xff10, 10); // ０-９ (the plain detector folds these too: no family)
for (let d = 0; d < 10; d++) FORMS.set(0xff10 + d, { ch: String(d), kind: K.digit, digit: d, flag: 0 });
digitForm(0x2460, 9, 1); // ①-⑨
FORMS.set(0x24ea, { ch: '0', kind: K.digit, digit: 0, flag: U }); // ⓪
digitForm(0x24f5, 9, 1); // ⓵-⓽
FORMS.set(0x24ff, { ch: '0', kind: K.digit, digit: 0, flag: U }); // ⓿
digitForm(0x2776, 9, 1); // ❶-❾
digitForm(0x2780, 9, 1); // ➀-➈
digitForm(0x278a, 9, 1); // ➊-➒
digitForm(0x2080, 10); // ₀-₉
digitForm(0x2070, 1); // ⁰
digitForm(0x2074, 6, 4); // ⁴-⁹
put('¹²³', K.digit, '123', U, (_, i) => String(i + 1));
for (let block = 0x1d7ce; block < 0x1d800; block += 10) digitForm(block, 10); // mathematical digits
for (const zero of [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50]) digitForm(zero, 10); // Arabic-Indic, Devanagari, Bengali, Thai
// Full-width ASCII (the full-width comma stays: it separates lists, see fold.ts).
for (let cp = 0xff01; cp <= 0xff5e; cp++) {
  if (cp === 0xff0c || FORMS.has(cp)) continue;
  const ch = String.fromCharCode(cp - 0xfee0);
  FORMS.set(cp, { ch, kind: /[A-Za-z]/.test(ch) ? K.latin : K.separator, digit: -1, flag: 0 }); // the plain detector folds these too
}
// Cyrillic and Greek letters that look Latin.
const L = FAMILY_BIT.lookalikes;
const homoglyphs = (from: string, to: string): void => put(from, K.latin, null, L, (_, i) => to[i]!);
homoglyphs('АВЕКМНОРСТХаеорсухЅѕІіЈјԚԛԜԝ', 'ABEKMHOPCTXaeopcyxSsIiJjQqWw');
homoglyphs('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινκ', 'ABEZHIKMNOPTYXoivk');
homoglyphs('ℓɡ', 'lg');
// Chinese numerals and what evaders read as digits.
put('〇零一二三四五六七八九', K.numeral, '00123456789', FAMILY_BIT.chinese_numerals);
put('壹贰貳叁參肆伍陆陸柒捌玖', K.capital, '122334566789', FAMILY_BIT.capital_numerals);
put('幺两兩', K.radio, '122', FAMILY_BIT.chinese_numerals);
put('洞拐勾', K.radio, '079', FAMILY_BIT.slang_digits);
// Homophones in common use for dodging filters (one to five per digit; the ones that are also everyday
// function words — 就 司 起… — are left out on purpose, see README; 要 is in: it is the usual reading of 1).
const SOUNDS = ['铃玲灵凌', '腰妖衣依要', '俩尔耳', '伞山散仨', '寺死丝', '舞吾午武呜', '溜留流刘遛', '漆期妻凄', '吧巴扒疤芭', '酒久韭'];
SOUNDS.forEach((chars, digit) => put(chars, K.sound, String(digit).repeat(chars.length), FAMILY_BIT.slang_digits));
put('十拾百佰千仟万萬亿億兆廿卅', K.unit, null, 0);
// Hearts and the penguin are what messaging nicknames are made of.
put('♥💗💚💖💕💓🧡💛💙💜🤍🖤❤', K.separator, null, 0, () => '❤');

const SPACES = new Set([0x00a0, 0x1680, 0x202f, 0x205f, 0x3000]);
const isInvisible = (cp: number): boolean =>
  cp === 0x00ad ||
  cp === 0x034f ||
  cp === 0x061c ||
  cp === 0x115f ||
  cp === 0x1160 ||
  cp === 0x3164 ||
  cp === 0xfeff ||
  cp === 0xffa0 ||
  (cp >= 0x180b && cp <= 0x180e) ||
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x206f) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x0300 && cp <= 0x036f) ||
  (cp >= 0x20d0 && cp <= 0x20ff) ||
  (cp >= 0xe0000 && cp <= 0xe01ef) ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff);
const combining = (cp: number): boolean =>
  cp === 0xfe0f || cp === 0x20e3 || (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0x1f3fb && cp <= 0x1f3ff);
const quietInvisible = (cp: number): boolean => cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff); // emoji plumbing

const ASCII: Form[] = Array.from({ length: 128 }, (_, cp) => {
  const ch = String.fromCharCode(cp);
  if (cp >= 48 && cp <= 57) return { ch, kind: K.digit, digit: cp - 48, flag: 0 };
  if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return { ch, kind: K.latin, digit: -1, flag: 0 };
  if (cp === 10) return { ch: '\n', kind: K.newline, digit: -1, flag: 0 };
  if (cp === 32 || cp === 9 || cp === 13) return { ch: ' ', kind: K.space, digit: -1, flag: 0 }; // "\r\n" is one line break
  return { ch, kind: K.separator, digit: -1, flag: 0 };
});
const SPACE_FORM: Form = { ch: ' ', kind: K.space, digit: -1, flag: U };
const NEWLINE_FORM: Form = { ch: '\n', kind: K.newline, digit: -1, flag: 0 };

function formOf(cp: number): Form | null {
  if (cp < 0x80) return ASCII[cp]!;
  const known = FORMS.get(cp);
  if (known) return known;
  if (SPACES.has(cp) || (cp >= 0x2000 && cp <= 0x200a)) return SPACE_FORM;
  if (cp === 0x2028 || cp === 0x2029) return NEWLINE_FORM;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return null; // CJK: kept as is
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const ch = String.fromCodePoint(cp).normalize('NFKC');
    if (/^[A-Za-z]$/.test(ch)) return { ch, kind: K.latin, digit: -1, flag: U };
  }
  if ((cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x370 && cp <= 0x52f)) return null; // other letters: kept, not Latin for our purposes
  return { ch: cp > 0xffff ? '☆' : String.fromCharCode(cp), kind: K.separator, digit: -1, flag: 0 };
}

const PENGUIN = 0x1f427;

const UTF16 = new TextDecoder('utf-16le');
// Scratch buffers, grown on demand and reused: the cells of one text never outlive the call that made them
// (detectEvasive copies what it keeps), and this runs on every message.
let scratch = {
  size: 0,
  codes: new Uint16Array(0),
  start: new Int32Array(0),
  end: new Int32Array(0),
  flags: new Uint16Array(0),
  kind: new Uint8Array(0),
  digit: new Int8Array(0),
  claimed: new Uint8Array(0),
};

function buffers(size: number): typeof scratch {
  if (scratch.size < size) {
    const n = Math.max(size, 4096);
    scratch = {
      size: n,
      codes: new Uint16Array(n),
      start: new Int32Array(n),
      end: new Int32Array(n),
      flags: new Uint16Array(n),
      kind: new Uint8Array(n),
      digit: new Int8Array(n),
      claimed: new Uint8Array(n),
    };
  }
  return scratch;
}

/** The cells of a text (see the file comment). Linear in the length of the text. */
export function toCells(text: string): Cells {
  const { codes, start, end, flags, kind, digit, claimed } = buffers(text.length + 1);
  let n = 0;
  let pending = 0;
  let changed = false;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    const s = i;
    let form: Form | null;
    let code: number;
    let flag = 0;
    if (unit < 0x80) {
      form = ASCII[unit]!; // the hot path
      code = unit === 13 || unit === 9 ? 32 : unit;
      i += 1;
    } else {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (isInvisible(cp)) {
        changed = true;
        const bit = cp === 0x20e3 ? U : quietInvisible(cp) ? 0 : FAMILY_BIT.invisible;
        if (n > 0) {
          flags[n - 1]! |= bit;
          // Combining marks and emoji selectors belong to the character before them ("4️⃣" is one thing).
          if (combining(cp)) end[n - 1] = i;
        } else pending |= bit;
        continue;
      }
      if (cp === PENGUIN) {
        // 🐧 is QQ's mascot, and what people write instead of "QQ": two cells "QQ" for one character.
        changed = true;
        for (let q = 0; q < 2; q++, n++) {
          codes[n] = 81;
          start[n] = s;
          end[n] = i;
          flags[n] = FAMILY_BIT.im_nickname | pending;
          kind[n] = K.latin;
          digit[n] = -1;
          pending = 0;
        }
        continue;
      }
      form = formOf(cp);
      if (form === null) {
        if (cp > 0xffff) changed = true;
        code = cp > 0xffff ? 0x2606 : cp;
      } else {
        code = form.ch.charCodeAt(0);
        // Numerals earn their family only if the digit pass converts them.
        if (form.kind < K.numeral || form.kind > K.unit) {
          flag = form.flag;
          if (code !== unit && !(cp >= 0xff01 && cp <= 0xff5e)) changed = true;
        }
      }
    }
    codes[n] = code;
    start[n] = s;
    end[n] = i;
    flags[n] = flag | pending;
    kind[n] = form === null ? K.cjk : form.kind;
    digit[n] = form === null ? -1 : form.digit;
    pending = 0;
    n += 1;
  }
  claimed.fill(0, 0, n);
  return {
    source: text,
    base: UTF16.decode(codes.subarray(0, n)),
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    flags: flags.subarray(0, n),
    kind: kind.subarray(0, n),
    digit: digit.subarray(0, n),
    out: new Map(),
    claimed: claimed.subarray(0, n),
    changed,
    rewritten: false,
  };
}

/** The family bit a converted digit-like cell earns. */
export function conversionFlag(cells: Cells, i: number): number {
  const k = cells.kind[i];
  if (k === K.numeral) return FAMILY_BIT.chinese_numerals;
  if (k === K.capital) return FAMILY_BIT.capital_numerals;
  if (k === K.radio) return '幺两兩'.includes(cells.base[i]!) ? FAMILY_BIT.chinese_numerals : FAMILY_BIT.slang_digits;
  if (k === K.sound) return FAMILY_BIT.slang_digits;
  if (k === K.lookalike) return FAMILY_BIT.lookalikes;
  return 0;
}
